import MediaProbe

/// What a rule is: its stable identifier, a human name, how severe its findings are, and why it exists.
public struct RuleDescription: Sendable, Codable, Hashable {
    /// Stable identifier such as `duration.too-short`; never reused or changed.
    public var id: String
    /// A short human name.
    public var name: String
    /// The severity of every finding the rule makes.
    public var severity: Severity
    /// Why the rule exists, in a sentence or two.
    public var explanation: String

    public init(id: String, name: String, severity: Severity, explanation: String) {
        self.id = id
        self.name = name
        self.severity = severity
        self.explanation = explanation
    }
}

/// What a rule looks at: one probed file and the role it is meant for.
public struct LintSubject: Sendable {
    /// The path as given.
    public var path: String
    /// The role the file is checked for.
    public var role: Role
    /// What the probe read.
    public var media: MediaFacts

    public init(path: String, role: Role, media: MediaFacts) {
        self.path = path
        self.role = role
        self.media = media
    }
}

/// A check of one requirement. Rules are small values; each lives in its own file and is listed in `RuleRegistry`.
public protocol Rule: Sendable {
    /// The rule's identity and severity.
    var description: RuleDescription { get }
    /// The findings for one file; empty when the file meets the requirement.
    func check(_ subject: LintSubject) -> [Finding]
}

extension Rule {
    /// A finding of this rule with its severity.
    func finding(_ message: String, expected: String? = nil, actual: String? = nil) -> Finding {
        Finding(rule: description.id, severity: description.severity, message: message, expected: expected, actual: actual)
    }
}
