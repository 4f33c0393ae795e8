public import MediaProbe

/// What a rule is: its stable identifier, a human name, how severe its findings are, and why it exists.
///
/// Preflight's rules take theirs from the table in `RuleCatalog.swift`; other code reads them (`RuleRegistry.all`) or
/// decodes them, so there is no public initialiser.
public struct RuleDescription: Sendable, Codable, Hashable {
    /// Stable identifier such as `duration.too-short`; never reused or changed.
    public var id: String
    /// A short human name.
    public var name: String
    /// The severity of every finding the rule makes.
    public var severity: Severity
    /// Why the rule exists, in a sentence or two.
    public var explanation: String
}

/// What a rule looks at: one file, the role it is meant for, and what the linter read from it.
///
/// Which parts are filled depends on the role: videos and images are probed (`media`), images are also decoded
/// (`picture`), a grant file is sniffed (`document`), an audio ZIP is opened (`archive`).
public struct LintSubject: Sendable {
    /// The path as given.
    public var path: String
    /// The role the file is checked for.
    public var role: Role
    /// The file's size in bytes.
    public var fileSize: Int64
    /// What the probe read (videos and images).
    public var media: MediaFacts?
    /// What decoding the first picture showed, or why it failed (images, and grant files that are images).
    public var picture: Result<DecodedFrameFacts, MediaProbeError>?
    /// The kind of document a grant file is, from its first bytes.
    public var document: DocumentKind?
    /// What the audio ZIP holds.
    public var archive: AudioArchive?
    /// What decoding the picture and sound showed, or why the file could not be decoded; nil unless content checks
    /// (`lint --deep`) ran.
    public var content: Result<ContentFacts, MediaProbeError>?
    /// The job settings the content rules judge against; nil unless content checks ran.
    public var contentOptions: ContentCheckOptions?

    /// The content facts, when content checks ran and the file could be decoded.
    public var contentFacts: ContentFacts? { try? content?.get() }
}

// The linter fills subjects through the memberwise initialiser, which stays internal: outside this module a subject
// comes from the linter, or from probed facts through the initialiser below.
extension LintSubject {
    /// A subject for a probed media file.
    public init(path: String, role: Role, media: MediaFacts) {
        self.init(path: path, role: role, fileSize: media.fileSize, media: media)
    }
}

/// A check of one requirement. Rules are small values; each lives in its own file, takes its description from the
/// table in `RuleCatalog.swift` and is listed in `RuleRegistry`.
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

    /// One finding naming the `segments` that last `minimum` seconds or more (`what` they are, e.g. "black", and
    /// what to do), or none when no segment is that long.
    func stretchFindings(_ segments: [TimeSpan], minimum: Double, what: String, advice: String) -> [Finding] {
        let long = segments.filter { $0.length >= minimum }
        guard !long.isEmpty else { return [] }
        return [finding("\(what) \(Format.spans(long)); \(advice).",
                        expected: "no \(what) stretch of \(Format.seconds(minimum)) or more", actual: Format.spans(long))]
    }
}
