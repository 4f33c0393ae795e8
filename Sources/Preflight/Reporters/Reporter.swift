/// Turns a lint report into text for a reader (a person, or another tool).
public protocol Reporter: Sendable {
    /// The identifier users select it by, e.g. `text` or `json`.
    static var identifier: String { get }
    /// The whole report as text, ending with a newline (or empty, when a filtered report has nothing to show).
    func render(_ report: LintReport) -> String
}
