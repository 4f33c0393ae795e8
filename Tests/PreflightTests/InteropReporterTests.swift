import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Preflight

/// The SARIF and JUnit reports, checked against golden files (re-record on purpose with
/// `PREFLIGHT_RECORD_GOLDEN=1 swift test --filter InteropReporterTests`) and for their shape.
@Suite("SARIF and JUnit reporters")
struct InteropReporterTests {
    static let workingDirectory = "/studio/project"

    /// The reporters' shared report, plus a file below the working directory whose finding has a time stamp and
    /// characters XML must escape, an image checked for another role, and a file outside the working directory.
    static let report: LintReport = {
        let moment = Finding(rule: "frame-rate.unusual", severity: .warning, message: "a \"flash\" <frame> & more",
                             expected: "25–60 fps", actual: "24 fps", timestamp: 12.5)
        let extra = [
            FileReport(path: "/studio/project/takes/a&b <1>.mp4", role: .trainingVideo, findings: [moment], media: nil),
            FileReport(path: "/elsewhere/cover.png", role: .cover,
                       findings: [Finding(rule: "image.format-unsupported", severity: .error, message: "not a JPEG or PNG")], media: nil),
        ]
        return LintReport(files: ReporterTests.report.files + extra)
    }()

    static var sarif: SARIFReporter { SARIFReporter(toolVersion: "9.8.7", workingDirectory: workingDirectory) }

    @Test("SARIF report matches its golden file")
    func sarifGolden() throws {
        try ReporterTests.compare(Self.sarif.render(Self.report), golden: "report.sarif")
    }

    @Test("JUnit report matches its golden file")
    func junitGolden() throws {
        try ReporterTests.compare(JUnitReporter().render(Self.report), golden: "report.junit.xml")
    }

    @Test("SARIF lists every rule once and one result per finding, each pointing at its rule")
    func sarifShape() throws {
        let log = Self.sarif.log(for: Self.report)
        #expect(log.version == "2.1.0")
        let run = try #require(log.runs.first)
        #expect(log.runs.count == 1)
        #expect(run.tool.driver.name == "preflight")
        #expect(run.tool.driver.version == "9.8.7")
        #expect(run.tool.driver.rules.map(\.id) == RuleRegistry.all.map(\.id))
        for (descriptor, rule) in zip(run.tool.driver.rules, RuleRegistry.all) {
            #expect(descriptor.name == rule.name)
            #expect(descriptor.help.text == rule.explanation)
            #expect(descriptor.defaultConfiguration.level == rule.severity.rawValue)
        }
        let findings = Self.report.files.flatMap(\.findings)
        #expect(run.results.count == findings.count)
        #expect(run.results.filter { $0.level == "error" }.count == Self.report.summary.errors)
        #expect(run.results.filter { $0.level == "warning" }.count == Self.report.summary.warnings)
        for (result, finding) in zip(run.results, findings) {
            #expect(run.tool.driver.rules[result.ruleIndex].id == result.ruleId)
            #expect(result.ruleId == finding.rule)
            #expect(result.message.text == finding.message)
            #expect(result.properties.timestamp == finding.timestamp)
        }
        #expect(run.originalUriBaseIds?["%SRCROOT%"]?.uri == "file:///studio/project/")
    }

    @Test("SARIF locations are relative to the working directory, percent-encoded, and absolute outside it")
    func sarifLocations() {
        let reporter = Self.sarif
        #expect(reporter.artifactLocation(for: "/studio/project/takes/a b.mp4") == .init(uri: "takes/a%20b.mp4", uriBaseId: "%SRCROOT%"))
        #expect(reporter.artifactLocation(for: "./takes/x.mp4") == .init(uri: "takes/x.mp4", uriBaseId: "%SRCROOT%"))
        #expect(reporter.artifactLocation(for: "takes/ü.mp4") == .init(uri: "takes/%C3%BC.mp4", uriBaseId: "%SRCROOT%"))
        #expect(reporter.artifactLocation(for: "/studio/projectile/x.mp4") == .init(uri: "file:///studio/projectile/x.mp4", uriBaseId: nil))
        #expect(reporter.artifactLocation(for: "/studio/project/../other/x.mp4") == .init(uri: "file:///studio/other/x.mp4", uriBaseId: nil))
    }

    @Test("SARIF still points a finding of an unlisted rule at a rule entry")
    func sarifUnknownRule() throws {
        let file = FileReport(path: "x.mp4", role: .trainingVideo,
                              findings: [Finding(rule: "future.rule", severity: .error, message: "m")], media: nil)
        let run = try #require(SARIFReporter(toolVersion: "1", workingDirectory: "/", rules: []).log(for: LintReport(files: [file])).runs.first)
        #expect(run.tool.driver.rules.map(\.id) == ["future.rule"])
        #expect(run.results.first?.ruleIndex == 0)
    }

    @Test("SARIF output is valid JSON with sorted keys and the same bytes every time")
    func sarifDeterministic() throws {
        let text = Self.sarif.render(Self.report)
        #expect(text == Self.sarif.render(Self.report))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["$schema"] as? String == "https://json.schemastore.org/sarif-2.1.0.json")
        #expect(try JSONDecoder().decode(SARIFLog.self, from: Data(text.utf8)) == Self.sarif.log(for: Self.report))
    }

    @Test("JUnit: a suite per role, a case per file, a failure per failing file, warnings in system-out")
    func junitShape() throws {
        let xml = JUnitReporter().render(Self.report)
        let document = try XMLDocument(data: Data(xml.utf8))
        let suites = try document.nodes(forXPath: "/testsuites/testsuite").compactMap { $0 as? XMLElement }
        #expect(suites.compactMap { $0.attribute(forName: "name")?.stringValue } == ["training-video", "cover"])
        let cases = try document.nodes(forXPath: "//testcase").compactMap { $0 as? XMLElement }
        #expect(cases.compactMap { $0.attribute(forName: "name")?.stringValue } == Self.report.files.map(\.path))
        #expect(try document.nodes(forXPath: "//testcase/failure").count == Self.report.summary.failed)
        let failing = Self.report.files.filter { $0.verdict == .fail }
        for (node, file) in zip(try document.nodes(forXPath: "//testcase[failure]"), failing) {
            let failure = try #require((node as? XMLElement)?.elements(forName: "failure").first)
            for error in file.errors { #expect(failure.stringValue?.contains(error.message) == true) }
            #expect(failure.attribute(forName: "message")?.stringValue?.hasPrefix("\(file.errors.count) error") == true)
        }
        let out = try #require(try document.nodes(forXPath: "//testcase[@name='/studio/project/takes/a&b <1>.mp4']/system-out").first)
        #expect(out.stringValue == "warning frame-rate.unusual: a \"flash\" <frame> & more [at 12.5 s] [expected: 25–60 fps] [actual: 24 fps]")
        let root = try #require(document.rootElement())
        #expect(root.attribute(forName: "failures")?.stringValue == "\(Self.report.summary.failed)")
    }

    @Test("JUnit replaces characters XML cannot carry")
    func junitEscapesControlCharacters() throws {
        let file = FileReport(path: "bad\u{1}name.mp4", role: .trainingVideo,
                              findings: [Finding(rule: "r", severity: .error, message: "nul\u{0}here")], media: nil)
        let xml = JUnitReporter().render(LintReport(files: [file]))
        #expect(!xml.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        _ = try XMLDocument(data: Data(xml.utf8))
    }

    @Test("a quiet text report lists only failing files and no summary")
    func quietText() {
        let text = TextReporter(onlyFailing: true).render(Self.report)
        let fileLines = text.split(separator: "\n").filter { !$0.hasPrefix(" ") }
        #expect(fileLines.count == Self.report.summary.failed)
        #expect(fileLines.allSatisfy { $0.hasPrefix("FAIL  ") })
        #expect(TextReporter(onlyFailing: true).render(LintReport(files: [Self.report.files[0]])) == "")
    }

    @Test("a finding's time stamp is absent from the JSON when nil and round-trips when set")
    func timestampInJSON() throws {
        #expect(!JSONReporter().render(ReporterTests.report).contains("timestamp"))
        let data = Data(JSONReporter().render(Self.report).utf8)
        #expect(try JSONReporter.decode(data) == Self.report)
    }
}
