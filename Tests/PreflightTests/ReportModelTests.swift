import Foundation
import Preflight
import Testing

@Suite("Reports: derived values follow their data")
struct ReportModelTests {
    private let warning = Finding(rule: "fps.nonstandard", severity: .warning, message: "w")
    private let error = Finding(rule: "duration.too-short", severity: .error, message: "e")

    @Test("a report's verdict and a run's summary change with the findings and files they come from")
    func derivedValuesFollow() {
        var file = FileReport(path: "a.mp4", role: .trainingVideo, findings: [warning], media: nil)
        #expect(file.verdict == .pass)
        var run = LintReport(files: [file])
        #expect(run.summary.failed == 0 && run.summary.warnings == 1)
        file.findings.append(error)
        #expect(file.verdict == .fail)
        run.files.append(file)
        #expect(run.summary.files == 2 && run.summary.failed == 1 && run.summary.errors == 1 && run.summary.warnings == 2)
        #expect(!run.passed)
    }

    @Test("decoding works the verdict and the summary out again instead of trusting them")
    func decodingRecomputes() throws {
        let json = #"""
        {"files": [{"path": "a.mp4", "role": "training-video", "verdict": "pass",
                    "findings": [{"rule": "duration.too-short", "severity": "error", "message": "e"}]}],
         "summary": {"files": 9, "passed": 9, "failed": 0, "errors": 0, "warnings": 0}}
        """#
        let report = try JSONDecoder().decode(LintReport.self, from: Data(json.utf8))
        #expect(report.files.first?.verdict == .fail)
        #expect(report.summary == Summary(files: report.files))
        #expect(report.summary.failed == 1)
        let again = try JSONDecoder().decode(LintReport.self, from: JSONEncoder().encode(report))
        #expect(again == report)
    }
}
