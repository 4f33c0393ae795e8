/// `grant.type-unsupported`, `grant.pdf-incomplete` and `grant.pdf-malformed`: the authorisation letter must be a
/// complete, well-formed PDF, or a JPEG/PNG photo.
enum GrantFileRule: Rule {
    case type, complete, structure

    var description: RuleDescription {
        switch self {
        case .type: .grantTypeUnsupported
        case .complete: .grantPDFIncomplete
        case .structure: .grantPDFMalformed
        }
    }

    func check(_ subject: LintSubject) -> [Finding] {
        guard let document = subject.document else { return [] }
        switch (self, document) {
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
