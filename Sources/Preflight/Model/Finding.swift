/// How much a finding matters: an error means the service's review will reject the file.
public enum Severity: String, Sendable, Codable, Comparable, CaseIterable {
    /// Risky but not blocking.
    case warning
    /// The file will fail review.
    case error

    private var rank: Int { self == .warning ? 0 : 1 }
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// One thing a rule found about one file. Findings are data, not thrown errors.
public struct Finding: Sendable, Codable, Equatable {
    /// The stable identifier of the rule that found it, e.g. `duration.too-short`.
    public var rule: String
    /// Whether it blocks the upload.
    public var severity: Severity
    /// What is wrong, in the user's units, and what to do about it.
    public var message: String
    /// What the service expects, e.g. `180 s ≤ duration ≤ 600 s`; nil where it says nothing more than the message.
    public var expected: String?
    /// What the file has, e.g. `179.5 s`.
    public var actual: String?
    /// Seconds into the media where the finding applies, for findings about one moment of the content; nil (and
    /// absent from the JSON) for findings about the whole file.
    public var timestamp: Double?

    /// A finding; `timestamp` is given only by findings about one moment of the media.
    public init(rule: String, severity: Severity, message: String, expected: String? = nil, actual: String? = nil,
                timestamp: Double? = nil) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.expected = expected
        self.actual = actual
        self.timestamp = timestamp
    }
}
