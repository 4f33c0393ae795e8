public import MediaProbe

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
    /// Everything the rules found, errors first.
    public var findings: [Finding]
    /// The facts the probe read; nil when the file could not be probed.
    public var media: MediaFacts?
    /// What the content checks (`--deep`) measured, when they ran and the file could be decoded. Not part of the JSON
    /// report; it lets ``Linter/rejudgeContent(_:with:)`` judge the content again under other job settings without
    /// decoding the file again.
    public var content: ContentFacts?

    /// Builds a report; the verdict follows from the findings.
    public init(path: String, role: Role, findings: [Finding], media: MediaFacts?, content: ContentFacts? = nil) {
        self.path = path
        self.role = role
        self.findings = findings.enumerated()
            .sorted { ($0.element.severity, -$0.offset) > ($1.element.severity, -$1.offset) }
            .map(\.element)
        self.media = media
        self.content = content
    }

    /// Pass or fail, from the findings: a file with an error finding fails.
    public var verdict: Verdict { findings.contains { $0.severity == .error } ? .fail : .pass }

    private enum CodingKeys: String, CodingKey {
        case path, role, verdict, findings, media
    }

    /// Decodes a report; its verdict is worked out again from the findings, never taken on trust.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(path: try container.decode(String.self, forKey: .path), role: try container.decode(Role.self, forKey: .role),
                  findings: try container.decode([Finding].self, forKey: .findings),
                  media: try container.decodeIfPresent(MediaFacts.self, forKey: .media))
    }

    /// Encodes the report with its verdict.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(path, forKey: .path)
        try container.encode(role, forKey: .role)
        try container.encode(verdict, forKey: .verdict)
        try container.encode(findings, forKey: .findings)
        try container.encodeIfPresent(media, forKey: .media)
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

    /// Builds a report.
    public init(files: [FileReport]) {
        self.files = files
    }

    /// Counts over all files, from the files.
    public var summary: Summary { Summary(files: files) }

    private enum CodingKeys: String, CodingKey {
        case files, summary
    }

    /// Decodes a report; its summary is counted again from the files.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(files: try container.decode([FileReport].self, forKey: .files))
    }

    /// Encodes the files and their summary.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(files, forKey: .files)
        try container.encode(summary, forKey: .summary)
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
