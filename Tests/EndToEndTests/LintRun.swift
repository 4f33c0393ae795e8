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

    /// Lints one file as JSON with a 10 s timeout, and returns its report.
    static func json(_ path: String, role: String = "training-video") async throws -> (ProcessResult, LintCommandTests.Report.File?) {
        let result = try await runPreflight(["lint", "--role", role, "--format", "json", path], timeout: 10)
        #expect(!result.killedBySignal, "lint of \(path) must finish within 10 s")
        return (result, try? LintCommandTests.decode(result).files.first)
    }
}
