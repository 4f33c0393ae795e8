/// `grant.type-unsupported` and `grant.pdf-incomplete`: the authorisation letter must be a complete PDF, or a JPEG/PNG photo.
struct GrantFileRule: Rule {
    /// Which of the two checks this value makes.
    enum Check: Sendable { case type, complete }

    let check: Check
    let description: RuleDescription

    static let type = GrantFileRule(check: .type, description: RuleDescription(
        id: "grant.type-unsupported", name: "Authorisation letter of an unsupported type", severity: .error,
        explanation: "The authorisation letter (授权书) is a signed document: Preflight accepts a PDF scan or a JPEG/PNG photo of it, told from the content, not the name."))
    static let complete = GrantFileRule(check: .complete, description: RuleDescription(
        id: "grant.pdf-incomplete", name: "PDF cut short", severity: .error,
        explanation: "A PDF ends with an %%EOF marker; without it the copy was cut short and will not open."))

    func check(_ subject: LintSubject) -> [Finding] {
        guard let document = subject.document else { return [] }
        switch (check, document) {
        case (.type, .other(let what)):
            return [finding("the authorisation letter is \(what), not a PDF, JPEG or PNG; scan or export the signed letter as PDF.",
                            expected: "PDF, JPEG or PNG", actual: what)]
        case (.complete, .pdf(complete: false)):
            return [finding("the PDF has no %%EOF marker at its end: the copy is incomplete; export or copy it again.",
                            expected: "a complete PDF", actual: "no %%EOF")]
        default:
            return []
        }
    }
}
