import MediaProbe

/// Whether a file will pass the service's review.
public enum Verdict: String, Sendable, Codable {
    /// No error findings (warnings allowed).
    case pass
    /// At least one error finding.
    case fail
}

/// The result of linting one file for one role.
public struct FileReport: Sendable, Codable, Equatable {
    /// The path as given (or as found by walking a directory).
    public var path: String
    /// The role the file was checked for.
    public var role: Role
    /// Pass or fail; derived from the findings.
    public var verdict: Verdict
    /// Everything the rules found, errors first.
    public var findings: [Finding]
    /// The facts the probe read; nil when the file could not be probed.
    public var media: MediaFacts?

    /// Builds a report; the verdict follows from the findings.
    public init(path: String, role: Role, findings: [Finding], media: MediaFacts?) {
        self.path = path
        self.role = role
        self.findings = findings.enumerated()
            .sorted { ($0.element.severity, -$0.offset) > ($1.element.severity, -$1.offset) }
            .map(\.element)
        self.verdict = findings.contains { $0.severity == .error } ? .fail : .pass
        self.media = media
    }

    /// The findings of error severity.
    public var errors: [Finding] { findings.filter { $0.severity == .error } }
    /// The findings of warning severity.
    public var warnings: [Finding] { findings.filter { $0.severity == .warning } }
}

/// The result of linting several files: the contract of `preflight lint --format json`.
public struct LintReport: Sendable, Codable, Equatable {
    /// One report per file, in the order the paths were given (directories expanded in name order).
    public var files: [FileReport]
    /// Counts over all files.
    public var summary: Summary

    /// Builds a report and its summary.
    public init(files: [FileReport]) {
        self.files = files
        self.summary = Summary(files: files)
    }

    /// True when every file passes.
    public var passed: Bool { summary.failed == 0 }
}

/// Counts over a lint run.
public struct Summary: Sendable, Codable, Equatable {
    /// Files checked.
    public var files: Int
    /// Files that pass.
    public var passed: Int
    /// Files that fail.
    public var failed: Int
    /// Error findings over all files.
    public var errors: Int
    /// Warning findings over all files.
    public var warnings: Int

    /// Counts the given reports.
    public init(files reports: [FileReport]) {
        files = reports.count
        passed = reports.filter { $0.verdict == .pass }.count
        failed = files - passed
        errors = reports.reduce(0) { $0 + $1.errors.count }
        warnings = reports.reduce(0) { $0 + $1.warnings.count }
    }
}
