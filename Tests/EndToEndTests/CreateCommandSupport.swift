import Foundation
import TestSupport

/// What the create tests read back from a `preflight emulator` subprocess about jobs other than the seeded one.
extension EmulatorProcess {
    /// The Create calls (POST …/user/jobs) the emulator received, answered or not.
    func createRequests() async throws -> [Request] {
        try await requests().filter { $0.kind == "api" && $0.method == "POST" && $0.path.hasSuffix("/user/jobs") }
    }

    struct CreatedJob: Decodable {
        var name: String
        var state: String
        var storedFiles: [String]

        enum CodingKeys: String, CodingKey { case name, state, storedFiles = "stored_files" }
    }

    /// A job's snapshot.
    func job(_ id: String) async throws -> CreatedJob {
        try JSONDecoder().decode(CreatedJob.self, from: await control("GET", "jobs/\(id)"))
    }

    /// Where the emulator stores an assembled or single file of job `id` for a role (`training_video`, `cover`, …).
    func storedFile(_ role: String, job id: String) -> URL? {
        let folder = storage.url.appendingPathComponent(id)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.first { $0.hasPrefix(role + ".") }.map { folder.appendingPathComponent($0) }
    }
}

/// The job id in a "Created job ID" progress line, if there is one.
func createdJobID(in stderr: String) -> String? {
    guard let range = stderr.range(of: #"Created job [A-Za-z0-9_-]+"#, options: .regularExpression) else { return nil }
    return String(stderr[range].dropFirst("Created job ".count))
}
