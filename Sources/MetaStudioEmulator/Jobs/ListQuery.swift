import Foundation

/// The List call's query parameters, parsed and validated.
struct ListQuery: Sendable {
    var offset = 0
    var limit = 10
    var states: Set<String>?
    var sortKey = "create_time"
    var descending = false
    var createSince: Date?
    var createUntil: Date?
    var updateSince: Date?
    var updateUntil: Date?
    var batchName: String?
    var tag: String?
    var jobID: String?
    var name: String?
    var modelResolution: String?
    var isFlexus: Bool?
    var isLiveCopy: Bool?
    var isOndemandResource: Bool?

    /// Parses decoded query pairs; unknown keys are ignored (`query_project_id`, `train_location` have no effect).
    init(_ pairs: [(String, String)]) throws(APIError) {
        for (key, value) in pairs {
            switch key {
            case "offset": offset = try Self.integer(key, value, in: 0...Int(Int32.max))
            case "limit": limit = try Self.integer(key, value, in: 1...100)
            case "state":
                let list = value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                if let unknown = list.first(where: { !JobStates.all.contains($0) }) {
                    throw .invalidParameter("state '\(unknown)' is not a job state")
                }
                states = Set(list)
            case "sort_key":
                guard ["create_time", "update_time", "asset_order"].contains(value) else {
                    throw .invalidParameter("sort_key must be create_time, update_time or asset_order, got '\(value)'")
                }
                sortKey = value
            case "sort_dir":
                guard value == "asc" || value == "desc" else {
                    throw .invalidParameter("sort_dir must be asc or desc, got '\(value)'")
                }
                descending = value == "desc"
            case "create_since": createSince = try Self.date(key, value)
            case "create_until": createUntil = try Self.date(key, value)
            case "update_since": updateSince = try Self.date(key, value)
            case "update_until": updateUntil = try Self.date(key, value)
            case "batch_name": batchName = value
            case "tag": tag = value
            case "job_id": jobID = value
            case "name": name = value
            case "model_resolution": modelResolution = value
            case "is_flexus": isFlexus = try Self.boolean(key, value)
            case "is_live_copy": isLiveCopy = try Self.boolean(key, value)
            case "is_ondemand_resource": isOndemandResource = try Self.boolean(key, value)
            default: continue
            }
        }
    }

    func matches(_ job: TrainingJob) -> Bool {
        if let states, !states.contains(job.state) { return false }
        if let createSince, job.createTime < createSince { return false }
        if let createUntil, job.createTime > createUntil { return false }
        if let updateSince, job.lastUpdateTime < updateSince { return false }
        // The contract documents update_until as "≥" (apparently a slip); the emulator reads it as "≤".
        if let updateUntil, job.lastUpdateTime > updateUntil { return false }
        if let batchName, job.batchName != batchName { return false }
        if let tag, !(job.tags ?? []).contains(tag) { return false }
        if let jobID, job.id != jobID { return false }
        if let name, !job.name.contains(name) { return false }
        if let modelResolution, modelResolution != "1080P" { return false }
        if let isFlexus, job.isFlexus != isFlexus { return false }
        if let isLiveCopy, job.isLiveCopy != isLiveCopy { return false }
        if let isOndemandResource, job.isOndemandResource != isOndemandResource { return false }
        return true
    }

    func ordered(_ lhs: TrainingJob, _ rhs: TrainingJob) -> Bool {
        let (a, b) = sortKey == "update_time" ? (lhs.lastUpdateTime, rhs.lastUpdateTime) : (lhs.createTime, rhs.createTime)
        if a != b { return descending ? a > b : a < b }
        return descending ? lhs.id > rhs.id : lhs.id < rhs.id
    }

    private static func integer(_ key: String, _ value: String, in range: ClosedRange<Int>) throws(APIError) -> Int {
        guard let number = Int(value), range.contains(number) else {
            throw .invalidParameter("\(key) must be an integer in \(range.lowerBound)...\(range.upperBound), got '\(value)'")
        }
        return number
    }

    private static func boolean(_ key: String, _ value: String) throws(APIError) -> Bool {
        switch value.lowercased() {
        case "true": return true
        case "false": return false
        default: throw .invalidParameter("\(key) must be true or false, got '\(value)'")
        }
    }

    private static func date(_ key: String, _ value: String) throws(APIError) -> Date {
        for style in [Date.ISO8601FormatStyle(), Date.ISO8601FormatStyle(includingFractionalSeconds: true)] {
            if let date = try? style.parse(value) { return date }
        }
        throw .invalidParameter("\(key) must be an RFC 3339 time such as 2026-01-29T10:00:00Z, got '\(value)'")
    }
}
