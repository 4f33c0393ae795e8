import Foundation
import MetaStudio
import NIOConcurrencyHelpers
import MetaStudioUpload
import Preflight

/// All mutable service state of one emulator: jobs, upload tickets and stored files.
///
/// Lock-protected state rather than an actor so that tests can read it synchronously; every critical
/// section is short, and file copying and media review happen outside the lock.
final class JobStore: Sendable {
    let projectID: String
    let storageRoot: URL

    /// Everything that changes, guarded by one lock.
    private struct Shared {
        var jobs: [String: TrainingJob] = [:]
        var tickets: [String: UploadTicket] = [:]
        var assembling: Set<String> = []
        var baseURL = "http://127.0.0.1"
    }

    private let shared: NIOLockedValueBox<Shared>
    /// The most bytes one PUT to an upload URL may carry.
    let maximumUploadSize: Int64
    /// The secret the `/__emulator/…` control endpoints require (``ControlAPI/tokenHeader``), made fresh per emulator.
    let controlToken = Randomness.hex(bytes: 16)

    /// How long an upload URL stays valid.
    static let uploadValidity: TimeInterval = 24 * 3600

    init(projectID: String, storageRoot: URL, seeded: [String: String], maximumUploadSize: Int64 = EmulatorConfiguration.defaultMaximumUploadSize) throws {
        self.projectID = projectID
        self.storageRoot = storageRoot
        self.maximumUploadSize = maximumUploadSize
        var initial = Shared()
        for (id, state) in seeded.sorted(by: { $0.key < $1.key }) {
            guard StoragePath.isValidJobID(id) else { throw EmulatorError.invalidJobID(id) }
            guard JobStates.all.contains(state) else { throw EmulatorError.unknownState(state, job: id) }
            initial.jobs[id] = Self.seededJob(id: id, state: state)
        }
        shared = NIOLockedValueBox(initial)
    }

    func setBaseURL(_ url: String) { shared.withLockedValue { $0.baseURL = url } }

    /// Runs `body` under the lock, keeping its typed error.
    private func locked<T, E: Error>(_ body: (inout Shared) throws(E) -> T) throws(E) -> T {
        try shared.withLockedValue { db in Result { () throws(E) -> T in try body(&db) } }.get()
    }

    private static func seededJob(id: String, state: String) -> TrainingJob {
        let now = Date()
        var job = TrainingJob(id: id, name: "seeded-\(id)", state: state, createTime: now, lastUpdateTime: now)
        job.log("USER_CREATE_JOD", user: "USER", description: "seeded by the emulator in state \(state)", at: now)
        return job
    }

    // MARK: - Training-job API

    func create(_ request: WireJobRequest, appUserID: String?) -> TrainingJobUploadURLs {
        let now = Date()
        let id = Randomness.hex(bytes: 16)
        var job = TrainingJob(id: id, name: request.name ?? "", state: JobStates.waitFileUpload, createTime: now, lastUpdateTime: now)
        job.contact = request.contact
        job.commandMessage = request.commandMessage ?? "UPLOAD_VIDEO"
        job.videoMultipartCount = request.videoMultipartCount ?? 1
        job.actionVideoMultipartCount = request.actionVideoMultipartCount ?? 1
        job.isBackgroundReplacement = request.isBackgroundReplacement ?? true
        job.batchName = request.batchName
        job.tags = request.tags
        job.modelVersion = request.modelVersion ?? "V3.2"
        job.isOndemandResource = request.isOndemandResource ?? false
        job.isFlexus = request.isFlexus ?? false
        job.isFastFlexus = request.isFastFlexus ?? false
        job.isLiveCopy = request.isLiveCopy ?? false
        job.isOnlyHumanModel = request.isOnlyHumanModel ?? false
        job.audioSourceType = request.audioSourceType
        job.voiceProperties = request.voiceProperties
        job.supportedService = request.supportedService
        job.appUserID = appUserID
        job.log("USER_CREATE_JOD", user: "USER", at: now)
        return shared.withLockedValue { db in
            let response = issueTickets(for: job, in: &db)
            db.jobs[id] = job
            return response
        }
    }

    func list(_ query: ListQuery) -> WireListResponse {
        shared.withLockedValue { db in
            let matching = db.jobs.values.filter(query.matches).sorted(by: query.ordered)
            let page = matching.dropFirst(min(query.offset, matching.count)).prefix(query.limit)
            return WireListResponse(count: matching.count, jobs: page.map { $0.wireInfo(projectID: projectID, detailed: false) })
        }
    }

    func show(_ id: String) throws(APIError) -> WireJobInfo {
        try locked { (db: inout Shared) throws(APIError) -> WireJobInfo in
            guard let job = db.jobs[id] else { throw .jobNotFound(id) }
            return job.wireInfo(projectID: projectID, detailed: true)
        }
    }

    func update(_ id: String, _ request: WireJobRequest) throws(APIError) -> TrainingJobUploadURLs {
        let (response, oldRoundFolder) = try locked { (db: inout Shared) throws(APIError) -> (TrainingJobUploadURLs, URL?) in
            guard var job = db.jobs[id] else { throw .jobNotFound(id) }
            guard JobStates.updatable.contains(job.state) else {
                throw .wrongState(job: id, state: job.state, call: "update", allowed: JobStates.updatable)
            }
            let oldRound = roundFolder(job: id, round: job.uploadRound)
            if let name = request.name { job.name = name }
            if let contact = request.contact { job.contact = contact }
            if let message = request.commandMessage { job.commandMessage = message }
            if let value = request.isBackgroundReplacement { job.isBackgroundReplacement = value }
            if let value = request.batchName { job.batchName = value }
            if let value = request.tags { job.tags = value }
            if let value = request.isFastFlexus { job.isFastFlexus = value }
            if let value = request.samplesBasicInfo { job.samples = value }
            if let value = request.voiceProperties { job.voiceProperties = value }
            if let value = request.supportedService { job.supportedService = value }
            if let value = request.audioSourceType { job.audioSourceType = value }
            // Each Update starts a new upload round: new URLs, and the earlier ones (and their unconfirmed parts) are void.
            job.videoMultipartCount = request.videoMultipartCount ?? 1
            job.actionVideoMultipartCount = request.actionVideoMultipartCount ?? 1
            job.uploadRound += 1
            job.parts = [:]
            job.assembledRoles = []
            job.updatedSinceReviewFailure = true
            job.lastUpdateTime = Date()
            job.log("USER_UPDATE_VIDEO", user: "USER", at: job.lastUpdateTime)
            db.tickets = db.tickets.filter { $0.value.jobID != id }
            let response = issueTickets(for: job, in: &db)
            db.jobs[id] = job
            return (response, oldRound)
        }
        if let oldRoundFolder { try? FileManager.default.removeItem(at: oldRoundFolder) }
        return response
    }

    func delete(_ id: String) throws(APIError) {
        try locked { (db: inout Shared) throws(APIError) in
            guard let job = db.jobs[id] else { throw .jobNotFound(id) }
            guard JobStates.deletable.contains(job.state) else {
                throw .wrongState(job: id, state: job.state, call: "delete", allowed: JobStates.deletable)
            }
            db.jobs[id] = nil
            db.tickets = db.tickets.filter { $0.value.jobID != id }
        }
        if let folder = jobFolder(id) { try? FileManager.default.removeItem(at: folder) }
    }

    // MARK: - Commands

    func requireJob(_ id: String) throws(APIError) -> TrainingJob {
        try locked { (db: inout Shared) throws(APIError) -> TrainingJob in
            guard let job = db.jobs[id] else { throw .jobNotFound(id) }
            return job
        }
    }

    func multipartInfo(_ id: String, role: Role) throws(APIError) -> [WireMultipartInfo] {
        let job = try requireJob(id)
        return (job.parts[role] ?? [:]).values.sorted { $0.partNumber < $1.partNumber }.map {
            WireMultipartInfo(partNumber: String($0.partNumber), etag: $0.etag)
        }
    }

    /// What a CONFIRM_*_MULTIPART_UPLOADED needs to do, decided under the lock.
    enum AssemblyPlan: Sendable {
        /// Parts are missing (or another confirm is running): answer EXCUTE_FAILED with this message.
        case incomplete(String)
        /// The round was already assembled: nothing to do.
        case alreadyDone
        /// Concatenate these part files, in order, into `destination`.
        case assemble(jobID: String, role: Role, round: Int, parts: [URL], destination: URL)
    }

    func planAssembly(_ id: String, role: Role, command: String) throws(APIError) -> AssemblyPlan {
        try locked { (db: inout Shared) throws(APIError) -> AssemblyPlan in
            guard let job = db.jobs[id] else { throw .jobNotFound(id) }
            guard JobStates.accepting.contains(job.state) else {
                throw .wrongState(job: id, state: job.state, call: command, allowed: JobStates.accepting)
            }
            let key = "\(id)/\(role.wire.name)"
            guard !db.assembling.contains(key) else { return .incomplete("an assembly of the \(role.label) is already running") }
            let expected = role == .trainingVideo ? job.videoMultipartCount : job.actionVideoMultipartCount
            let received = job.parts[role] ?? [:]
            let missing = (1...expected).filter { received[$0] == nil }
            if !missing.isEmpty {
                let list = missing.count > 10 ? missing.prefix(10).map(String.init).joined(separator: ", ") + ", …"
                    : missing.map(String.init).joined(separator: ", ")
                return .incomplete(
                    "\(role.label) part(s) \(list) of \(expected) not uploaded; PUT every URL of \(role.wire.uploadURLField) before \(command)")
            }
            if job.assembledRoles.contains(role) { return .alreadyDone }
            guard let folder = roundFolder(job: id, round: job.uploadRound),
                  let destination = StoragePath.below(storageRoot, [id, role.storedFileName]) else {
                throw .internalError("job \(id) has no storage folder below the emulator's storage")
            }
            db.assembling.insert(key)
            let files = (1...expected).map { folder.appendingPathComponent(Self.partFileName(role: role, part: $0)) }
            return .assemble(jobID: id, role: role, round: job.uploadRound, parts: files, destination: destination)
        }
    }

    /// Records the assembled file (already moved into place) or releases the assembly slot after a failure.
    func finishAssembly(jobID: String, role: Role, round: Int, destination: URL?) {
        shared.withLockedValue { db in
            db.assembling.remove("\(jobID)/\(role.wire.name)")
            guard let destination, var job = db.jobs[jobID], job.uploadRound == round else { return }
            job.files[role] = destination
            job.assembledRoles.insert(role)
            db.jobs[jobID] = job
        }
    }

    /// Moves the job to AUTO_VERIFYING and returns the files to review.
    func beginReview(_ id: String) throws(APIError) -> (trainingVideo: URL?, actionVideo: URL?) {
        try locked { (db: inout Shared) throws(APIError) -> (URL?, URL?) in
            guard var job = db.jobs[id] else { throw .jobNotFound(id) }
            let fromFailed = [JobStates.autoVerifyFailed, JobStates.manualVerifyFailed].contains(job.state)
            guard job.state == JobStates.waitFileUpload || (fromFailed && job.updatedSinceReviewFailure) else {
                var error = APIError.wrongState(job: id, state: job.state, call: "SUBMITVERIFYING", allowed: JobStates.accepting)
                if fromFailed { error.message += " (after a failed review, call update first)" }
                throw error
            }
            job.state = JobStates.autoVerifying
            job.lastUpdateTime = Date()
            job.log("USER_VERIFYING_SUBMITTED", user: "USER", at: job.lastUpdateTime)
            db.jobs[id] = job
            return (job.files[.trainingVideo], job.files[.actionVideo])
        }
    }

    /// Records the automated review's verdict (if the job still waits for it).
    func finishReview(_ id: String, passed: Bool, description: String, errorCode: String?) {
        shared.withLockedValue { db in
            guard var job = db.jobs[id], job.state == JobStates.autoVerifying else { return }
            job.state = passed ? JobStates.manualVerifying : JobStates.autoVerifyFailed
            job.updatedSinceReviewFailure = false
            job.lastUpdateTime = Date()
            job.log(passed ? "SYSTEM_VERIFY_SUCCESS" : "SYSTEM_VERIFY_FAILED", user: "SYSTEM", description: description,
                    errorCode: errorCode, at: job.lastUpdateTime)
            db.jobs[id] = job
        }
    }

    /// Applies a command that only checks and changes state.
    func transition(_ id: String, command: String, from allowed: [String], to newState: String?, log: String?) throws(APIError) {
        try locked { (db: inout Shared) throws(APIError) in
            guard var job = db.jobs[id] else { throw .jobNotFound(id) }
            guard allowed.contains(job.state) else {
                throw .wrongState(job: id, state: job.state, call: command, allowed: allowed)
            }
            if let newState { job.state = newState }
            job.lastUpdateTime = Date()
            if let log { job.log(log, user: "USER", at: job.lastUpdateTime) }
            db.jobs[id] = job
        }
    }

    /// DELETE_JOB_VIDEO: forgets the stored videos and the parts of the current round.
    func deleteVideos(_ id: String) throws(APIError) -> [URL] {
        try locked { (db: inout Shared) throws(APIError) -> [URL] in
            guard var job = db.jobs[id] else { throw .jobNotFound(id) }
            let removed = [job.files[.trainingVideo], job.files[.actionVideo]].compactMap { $0 }
            job.files[.trainingVideo] = nil
            job.files[.actionVideo] = nil
            job.parts[.trainingVideo] = nil
            job.parts[.actionVideo] = nil
            job.assembledRoles.subtract([.trainingVideo, .actionVideo])
            job.log("USER_DELETE_JOB_VIDEO", user: "USER")
            db.jobs[id] = job
            return removed
        }
    }

    // MARK: - Uploads

    /// The role and part of a ticket, for fault matching; `nil` for an unknown id.
    func ticketTarget(_ ticketID: String) -> (role: Role, part: Int)? {
        shared.withLockedValue { db in db.tickets[ticketID].map { ($0.role, $0.part) } }
    }

    func beginUpload(ticketID: String, signature: String?, expires: String?, contentType: String?) throws(UploadError) -> UploadLease {
        try locked { (db: inout Shared) throws(UploadError) -> UploadLease in
            guard var ticket = db.tickets[ticketID] else {
                throw .accessDenied("unknown or revoked upload URL (an Update replaces a job's earlier URLs)")
            }
            guard let signature, Randomness.constantTimeEquals(signature, ticket.secret), expires == String(ticket.expires) else {
                throw .accessDenied("the upload URL's signature does not match")
            }
            guard Int(Date().timeIntervalSince1970) <= ticket.expires else { throw .accessDenied("the upload URL has expired") }
            switch ticket.use {
            case .used: throw .accessDenied("the upload URL was already used; each URL accepts one successful PUT")
            case .inProgress: throw .busy()
            case .open: break
            }
            let mediaType = contentType?.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard mediaType == ticket.role.wire.contentType else {
                throw .badContentType(contentType, expected: ticket.role.wire.contentType)
            }
            guard let temporaryFile = StoragePath.below(
                storageRoot, [ticket.jobID, "incoming", "\(ticketID)-\(Randomness.hex(bytes: 4)).tmp"]) else {
                throw .internalError("job \(ticket.jobID) has no storage folder below the emulator's storage")
            }
            ticket.use = .inProgress
            db.tickets[ticketID] = ticket
            return UploadLease(ticketID: ticketID, temporaryFile: temporaryFile, maximumSize: maximumUploadSize)
        }
    }

    /// Moves a completely received body into place and marks the URL used.
    func finishUpload(_ lease: UploadLease, etag: String, size: Int64) throws(UploadError) {
        let fm = FileManager.default
        try locked { (db: inout Shared) throws(UploadError) in
            guard var ticket = db.tickets[lease.ticketID], var job = db.jobs[ticket.jobID], ticket.round == job.uploadRound else {
                try? fm.removeItem(at: lease.temporaryFile)
                throw .accessDenied("the upload URL was revoked while the body was arriving")
            }
            do {
                let destination: URL
                if ticket.role.wire.multipart != nil {
                    guard let folder = roundFolder(job: ticket.jobID, round: ticket.round) else { throw StorageEscape() }
                    try fm.createDirectory(at: folder, withIntermediateDirectories: true)
                    destination = folder.appendingPathComponent(Self.partFileName(role: ticket.role, part: ticket.part))
                } else {
                    guard let file = StoragePath.below(storageRoot, [ticket.jobID, ticket.role.storedFileName]) else { throw StorageEscape() }
                    destination = file
                    job.files[ticket.role] = destination
                }
                if fm.fileExists(atPath: destination.path) { try fm.removeItem(at: destination) }
                try fm.moveItem(at: lease.temporaryFile, to: destination)
            } catch {
                try? fm.removeItem(at: lease.temporaryFile)
                ticket.use = .open
                db.tickets[lease.ticketID] = ticket
                throw .internalError("could not store the upload: \(error.localizedDescription)")
            }
            ticket.use = .used
            db.tickets[lease.ticketID] = ticket
            job.parts[ticket.role, default: [:]][ticket.part] = UploadedPart(partNumber: ticket.part, etag: etag, size: size)
            db.jobs[ticket.jobID] = job
        }
    }

    /// Releases a URL whose body did not arrive completely; it may be used again.
    func abandonUpload(_ lease: UploadLease) {
        shared.withLockedValue { db in
            if var ticket = db.tickets[lease.ticketID], ticket.use == .inProgress {
                ticket.use = .open
                db.tickets[lease.ticketID] = ticket
            }
        }
        try? FileManager.default.removeItem(at: lease.temporaryFile)
    }

    // MARK: - Test access

    func snapshot(_ id: String) -> JobSnapshot? { shared.withLockedValue { db in db.jobs[id]?.snapshot() } }

    func state(_ id: String) -> String? { shared.withLockedValue { db in db.jobs[id]?.state } }

    func storedFile(_ id: String, role: Role) -> URL? { shared.withLockedValue { db in db.jobs[id]?.files[role] } }

    func uploadedParts(_ id: String, role: Role) -> [UploadedPart] {
        shared.withLockedValue { db in (db.jobs[id]?.parts[role] ?? [:]).values.sorted { $0.partNumber < $1.partNumber } }
    }

    /// Sets a job's state, creating a bare job when the id is unknown (tests drive reviews this way).
    func setState(_ id: String, _ state: String, log entry: ReviewLogEntry? = nil) throws(EmulatorError) {
        guard StoragePath.isValidJobID(id) else { throw .invalidJobID(id) }
        guard JobStates.all.contains(state) else { throw .unknownState(state, job: id) }
        shared.withLockedValue { db in
            guard var job = db.jobs[id] ?? entry.map({ _ in Self.seededJob(id: id, state: state) }) else {
                db.jobs[id] = Self.seededJob(id: id, state: state)
                return
            }
            job.state = state
            job.lastUpdateTime = Date()
            if let entry {
                job.log(entry.logType, user: entry.operateUser, description: entry.description, errorCode: entry.errorCode,
                        redoReasons: entry.redoReasons, at: job.lastUpdateTime)
            } else {
                job.log("ADMIN_SET_STATE", user: "ADMIN", description: "state set to \(state) by the emulator's control API",
                        at: job.lastUpdateTime)
            }
            db.jobs[id] = job
        }
    }

    // MARK: - Helpers (call with the lock held where they read state)

    private func issueTickets(for job: TrainingJob, in db: inout Shared) -> TrainingJobUploadURLs {
        let expires = Int(Date().addingTimeInterval(Self.uploadValidity).timeIntervalSince1970)
        func url(_ role: Role, part: Int) -> String {
            let ticket = UploadTicket(
                id: Randomness.hex(bytes: 12), jobID: job.id, role: role, part: part, round: job.uploadRound,
                secret: Randomness.hex(bytes: 24), expires: expires)
            db.tickets[ticket.id] = ticket
            return "\(db.baseURL)/upload/\(ticket.id)?signature=\(ticket.secret)&expires=\(expires)"
        }
        return TrainingJobUploadURLs(
            jobID: job.id,
            trainingVideoUploadURL: (1...job.videoMultipartCount).map { url(.trainingVideo, part: $0) },
            actionVideoUploadURL: (1...job.actionVideoMultipartCount).map { url(.actionVideo, part: $0) },
            audioUploadURL: url(.audioZip, part: 1), coverUploadURL: url(.cover, part: 1),
            idCardImage1UploadURL: url(.idCardFront, part: 1), idCardImage2UploadURL: url(.idCardBack, part: 1),
            grantFileUploadURL: url(.grantFile, part: 1), preBeautyImageUploadURL: url(.preBeautyImage, part: 1),
            postBeautyImageUploadURL: url(.postBeautyImage, part: 1))
    }

    /// The job's folder below the storage root; nil for an id that is not a job id or would lead outside it.
    func jobFolder(_ id: String) -> URL? {
        guard StoragePath.isValidJobID(id) else { return nil }
        return StoragePath.below(storageRoot, [id], isDirectory: true)
    }

    private func roundFolder(job id: String, round: Int) -> URL? {
        guard StoragePath.isValidJobID(id) else { return nil }
        return StoragePath.below(storageRoot, [id, "round-\(round)"], isDirectory: true)
    }

    /// A path that would leave the storage folder (never for ids the store accepted).
    private struct StorageEscape: Error, CustomStringConvertible {
        var description: String { "the path would leave the emulator's storage folder" }
    }

    private static func partFileName(role: Role, part: Int) -> String { "\(role.wire.name)-\(part).part" }
}

