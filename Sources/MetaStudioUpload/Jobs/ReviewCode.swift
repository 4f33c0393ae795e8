public import Preflight

/// What a review error code (`operation_logs[].error_code`) means, and the Preflight rule that catches the same fault
/// before upload, where one exists.
public struct ReviewCode: Sendable, Hashable {
    /// The code as the service gives it, e.g. `44005901`.
    public let code: String
    /// The Preflight rule that finds the same fault, when there is one (`resolution.unsupported`).
    public let rule: RuleDescription?
    /// What the code means in words, when it is documented.
    public let meaning: String?

    /// The codes the contract documents, with their rule. Unknown codes are shown as the service gives them.
    static let documented: [String: (rule: String, meaning: String)] = [
        "44005901": ("resolution.unsupported",
                     "the training video's resolution is not 1920×1080, 1080×1920, 3840×2160 or 2160×3840"),
    ]

    /// Looks up `code`; an undocumented code keeps only its spelling.
    public init(_ code: String) {
        self.code = code
        let entry = Self.documented[code]
        self.rule = entry.flatMap { RuleRegistry.description(of: $0.rule) }
        self.meaning = entry?.meaning
    }
}
