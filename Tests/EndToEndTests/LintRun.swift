import Foundation
import Testing
import TestSupport

/// Runs `preflight lint` on one file for the security tests.
enum LintRun {
    /// A passing training video from samples/.
    static var passingVideo: URL {
        get throws {
            try #require(try ExpectedSample.all().first { $0.verdict == "pass" && $0.warnings.isEmpty }).url
        }
    }

    /// Lints one file as JSON, and returns its report. The 60 s timeout catches a hang (a FIFO, a followed playlist),
    /// not slowness: what the lint may open is checked by the tests themselves.
    static func json(_ path: String, role: String = "training-video") async throws -> (ProcessResult, LintCommandTests.Report.File?) {
        let result = try await runPreflight(["lint", "--role", role, "--format", "json", path])
        #expect(!result.killedBySignal, "lint of \(path) must finish, not hang")
        return (result, try? LintCommandTests.decode(result).files.first)
    }
}
