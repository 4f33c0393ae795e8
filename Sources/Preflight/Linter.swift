import Foundation
import MediaProbe

/// Checks files against the service's requirements for a role. The library entry point:
///
/// ```swift
/// import Preflight
/// let report = await Linter().lint(paths: ["take-3.mp4"], role: .trainingVideo)
/// if !report.passed { print(report.files.flatMap(\.errors).map(\.message)) }
/// ```
public struct Linter: Sendable {
    /// How many files are probed at once; defaults to the number of active cores.
    public var concurrency: Int

    /// A linter probing up to `concurrency` files at once (default: the core count).
    public init(concurrency: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.concurrency = max(1, concurrency)
    }

    /// Lints one file for a role. Never throws: a file that cannot be read gets a `file.unreadable` finding.
    public func lint(path: String, role: Role) async -> FileReport {
        Self.lintSync(path: path, role: role)
    }

    /// Lints many files for one role, concurrently, and returns the reports in the order of `paths`.
    ///
    /// Directories among `paths` are walked (recursively, in name order) for files with the role's media extensions;
    /// every other path is linted as it is, so a missing path is reported, not skipped.
    public func lint(paths: [String], role: Role) async -> LintReport {
        let files = FileDiscovery.expand(paths, extensions: role.mediaExtensions)
        return await lint(files: files.map { ($0, role) })
    }

    /// Lints files that each have their own role, concurrently; reports come back in input order.
    public func lint(files: [(path: String, role: Role)]) async -> LintReport {
        var reports = [FileReport?](repeating: nil, count: files.count)
        await withTaskGroup(of: (Int, FileReport).self) { group in
            var next = 0
            func addNext() {
                guard next < files.count else { return }
                let index = next, file = files[index]
                next += 1
                group.addTask { (index, Self.lintSync(path: file.path, role: file.role)) }
            }
            for _ in 0..<min(concurrency, files.count) { addNext() }
            while let (index, report) = await group.next() {
                reports[index] = report
                addNext()
            }
        }
        return LintReport(files: reports.compactMap { $0 })
    }

    /// Runs the probe and the role's rules for one file on the calling thread.
    static func lintSync(path: String, role: Role) -> FileReport {
        let media: MediaFacts
        do {
            media = try MediaFile.probe(path)
        } catch {
            return FileReport(path: path, role: role, findings: [UnreadableFileRule.finding(for: error)], media: nil)
        }
        let subject = LintSubject(path: path, role: role, media: media)
        let findings = role.rules.flatMap { $0.check(subject) }
        return FileReport(path: path, role: role, findings: findings, media: media)
    }
}
