import Foundation
import MetaStudioUpload
import NIOPosix
import Preflight

/// The emulator's stand-in for the service's automated review: the project's own linter, run on the
/// assembled training video (and action video, if one was confirmed).
struct AutomatedReview: Sendable {
    /// The review's verdict, as it goes into the job's operation log.
    struct Verdict: Sendable, Equatable {
        var passed: Bool
        var description: String
        /// `44005901` when the resolution rule failed (the service's documented auto-rejection code).
        var errorCode: String?
    }

    /// The review's own threads: the answer to SUBMITVERIFYING waits for the review, so it must not queue behind
    /// whatever else the host process lints on the default linter pool.
    private static let threadPool: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: 1)
        pool.start()
        return pool
    }()

    /// The service's documented code for "resolution not 1920x1080, 1080x1920, 3840x2160 or 2160x3840".
    static let resolutionErrorCode = "44005901"

    func review(trainingVideo: URL?, actionVideo: URL?) async -> Verdict {
        guard let trainingVideo else {
            return Verdict(
                passed: false,
                description: "no training video: upload every part and confirm with CONFIRM_MULTIPART_UPLOADED before SUBMITVERIFYING",
                errorCode: nil)
        }
        var problems: [String] = []
        var resolutionFailed = false
        var files: [(URL, Role, String)] = [(trainingVideo, .trainingVideo, "training video")]
        if let actionVideo { files.append((actionVideo, .actionVideo, "action video")) }
        for (url, role, label) in files {
            let outcome = await lint(url, role: role)
            for (rule, message) in outcome {
                problems.append("\(label): \(message) [\(rule)]")
                if rule.hasPrefix("resolution.") { resolutionFailed = true }
            }
        }
        if problems.isEmpty {
            return Verdict(passed: true, description: "automated review passed", errorCode: nil)
        }
        return Verdict(passed: false, description: problems.joined(separator: "; "),
                       errorCode: resolutionFailed ? Self.resolutionErrorCode : nil)
    }

    /// The error findings of one file as (rule id, message); empty when it passes. The one call into `Preflight`.
    private func lint(_ url: URL, role: Role) async -> [(String, String)] {
        let report = await Linter(concurrency: 1, threadPool: Self.threadPool).lint(path: url.path, role: role)
        guard report.verdict == .fail else { return [] }
        return report.findings.filter { $0.severity == .error }.map { ($0.rule, $0.message) }
    }
}
