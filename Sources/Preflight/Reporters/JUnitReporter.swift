/// A JUnit XML report of a lint run, for the test views of Jenkins, GitLab and most CI systems.
///
/// There is one `<testsuite>` per role (in ``Role`` order, only roles that were checked) and one `<testcase>` per
/// file, named by its path. A failing file carries a `<failure>` whose message counts its errors and whose text lists
/// them; a file's warnings go into its `<system-out>`. No times are written, so the same report always gives the same
/// bytes.
public struct JUnitReporter: Reporter {
    public static let identifier = "junit"

    /// A JUnit reporter.
    public init() {}

    public func render(_ report: LintReport) -> String {
        let suites = Role.allCases.compactMap { role -> (Role, [FileReport])? in
            let files = report.files.filter { $0.role == role }
            return files.isEmpty ? nil : (role, files)
        }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"preflight lint\" tests=\"\(report.summary.files)\" failures=\"\(report.summary.failed)\" errors=\"0\">\n"
        for (role, files) in suites {
            let failures = files.filter { $0.verdict == .fail }.count
            out += "  <testsuite name=\"\(Self.escape(role.rawValue))\" tests=\"\(files.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"0\">\n"
            for file in files {
                out += testCase(file, role: role)
            }
            out += "  </testsuite>\n"
        }
        out += "</testsuites>\n"
        return out
    }

    func testCase(_ file: FileReport, role: Role) -> String {
        let open = "    <testcase name=\"\(Self.escape(file.path))\" classname=\"preflight.\(Self.escape(role.rawValue))\""
        let errors = file.errors
        let warnings = file.warnings
        if errors.isEmpty && warnings.isEmpty { return open + "/>\n" }
        var out = open + ">\n"
        if !errors.isEmpty {
            let summary = "\(errors.count) error\(errors.count == 1 ? "" : "s"): " + errors.map(\.rule).joined(separator: ", ")
            let type = errors.map(\.rule).joined(separator: " ")
            let body = errors.map(Self.line).joined(separator: "\n")
            out += "      <failure message=\"\(Self.escape(summary))\" type=\"\(Self.escape(type))\">\(Self.escape(body))</failure>\n"
        }
        if !warnings.isEmpty {
            let body = warnings.map(Self.line).joined(separator: "\n")
            out += "      <system-out>\(Self.escape(body))</system-out>\n"
        }
        out += "    </testcase>\n"
        return out
    }

    /// One finding as a line: severity, rule, message, and what was expected and found.
    static func line(_ finding: Finding) -> String {
        var text = "\(finding.severity.rawValue) \(finding.rule): \(finding.message)"
        if let timestamp = finding.timestamp { text += " [at \(Format.seconds(timestamp))]" }
        if let expected = finding.expected { text += " [expected: \(expected)]" }
        if let actual = finding.actual { text += " [actual: \(actual)]" }
        return text
    }

    /// Text escaped for XML attribute values and character data (``MarkupText/escaped(_:)``).
    static func escape(_ text: String) -> String { MarkupText.escaped(text) }
}
