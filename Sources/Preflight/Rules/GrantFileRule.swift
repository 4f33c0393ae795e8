/// `grant.type-unsupported`, `grant.pdf-incomplete` and `grant.pdf-malformed`: the authorisation letter must be a
/// complete, well-formed PDF, or a JPEG/PNG photo.
struct GrantFileRule: Rule {
    /// Which of the three checks this value makes.
    enum Check: Sendable { case type, complete, structure }

    let check: Check
    let description: RuleDescription

    static let type = GrantFileRule(check: .type, description: RuleDescription(
        id: "grant.type-unsupported", name: "Authorisation letter of an unsupported type", severity: .error,
        explanation: "The authorisation letter (授权书) is a signed document: Preflight accepts a PDF scan or a JPEG/PNG photo of it, told from the content, not the name."))
    static let complete = GrantFileRule(check: .complete, description: RuleDescription(
        id: "grant.pdf-incomplete", name: "PDF cut short", severity: .error,
        explanation: "A PDF ends with an %%EOF marker; without it the copy was cut short and will not open."))

    static let structure = GrantFileRule(check: .structure, description: RuleDescription(
        id: "grant.pdf-malformed", name: "PDF without its structure", severity: .error,
        explanation: "A PDF has a versioned %PDF- header, objects, a cross-reference table with a trailer (or a cross-reference stream) and a startxref offset pointing at it; a file with only the header and %%EOF is not a document a reader opens."))

    func check(_ subject: LintSubject) -> [Finding] {
        guard let document = subject.document else { return [] }
        switch (check, document) {
        case (.type, .other(let what)):
            return [finding("the authorisation letter is \(what), not a PDF, JPEG or PNG; scan or export the signed letter as PDF.",
                            expected: "PDF, JPEG or PNG", actual: what)]
        case (.complete, .pdf(complete: false)):
            return [finding("the PDF has no %%EOF marker at its end: the copy is incomplete; export or copy it again.",
                            expected: "a complete PDF", actual: "no %%EOF")]
        case (.structure, .malformedPDF(let missing)):
            return [finding("the file starts and ends like a PDF but has no \(missing): it is not a document a reader opens; export or scan the signed letter as PDF again.",
                            expected: "a well-formed PDF", actual: "no \(missing)")]
        default:
            return []
        }
    }
}
