import Foundation
import Testing
import TestSupport

/// `preflight lint --format sarif|junit`, `--output [FORMAT:]FILE` and `--quiet`, on the built binary.
@Suite("preflight lint: report formats, --output and --quiet")
struct ReportOutputTests {
    struct Summary: Decodable { var files: Int; var passed: Int; var failed: Int; var errors: Int; var warnings: Int }
    struct Report: Decodable { var summary: Summary }

    /// One passing, one warning and two failing samples.
    static var mixed: [String] {
        ["pass/boundary-180s.mp4", "warn/fps-24.mp4", "fail/truncated.mp4", "fail/resolution-1280x720.mp4"]
            .map { RepoPaths.samples.appendingPathComponent($0).path }
    }

    @Test("text goes to the terminal while JSON, SARIF and JUnit go to files, all from the same run")
    func textAndFiles() async throws {
        let dir = try TemporaryDirectory(prefix: "report-output")
        let result = try await runPreflight(["lint", "--output", "json:\(dir.file("r.json").path)",
                                             "--output", "sarif:\(dir.file("r.sarif").path)",
                                             "--output", "JUNIT:\(dir.file("r.xml").path)"] + Self.mixed)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout.contains("FAIL  \(Self.mixed[2])"))
        #expect(result.stdout.contains("4 files: 2 passed, 2 failed"))
        let report = try JSONDecoder().decode(Report.self, from: Data(contentsOf: dir.file("r.json")))
        #expect(report.summary.files == 4 && report.summary.failed == 2)
        let sarif = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: dir.file("r.sarif"))) as? [String: Any])
        let results = try #require(((sarif["runs"] as? [[String: Any]])?.first?["results"]) as? [[String: Any]])
        #expect(results.count == report.summary.errors + report.summary.warnings)
        let xml = try String(contentsOf: dir.file("r.xml"), encoding: .utf8)
        #expect(xml.components(separatedBy: "<failure ").count - 1 == 2)
    }

    @Test("a bare --output FILE takes the --format report off standard output")
    func bareOutput() async throws {
        let dir = try TemporaryDirectory(prefix: "report-bare")
        let result = try await runPreflight(["lint", "--format", "sarif", "--output", dir.file("r.sarif").path] + Self.mixed)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        let text = try String(contentsOf: dir.file("r.sarif"), encoding: .utf8)
        #expect(text.contains("\"version\" : \"2.1.0\""))
    }

    @Test("--format sarif and junit write to standard output")
    func formatsOnStdout() async throws {
        let sarif = try await runPreflight(["lint", "--format", "sarif"] + Self.mixed)
        #expect(sarif.status == 1)
        #expect(try JSONSerialization.jsonObject(with: sarif.stdoutData) is [String: Any])
        let junit = try await runPreflight(["lint", "--format", "junit", RepoPaths.samples.appendingPathComponent("pass").path])
        #expect(junit.status == 0)
        #expect(junit.stdout.hasPrefix("<?xml"))
        #expect(!junit.stdout.contains("<failure"))
    }

    @Test("SARIF paths are relative to the working directory")
    func sarifRelativePaths() async throws {
        let result = try await runPreflight(["lint", "--format", "sarif"] + Self.mixed, currentDirectory: RepoPaths.samples)
        let sarif = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
        let results = try #require(((sarif["runs"] as? [[String: Any]])?.first?["results"]) as? [[String: Any]])
        let uris = Set(results.compactMap {
            ((($0["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: Any])?["uri"] as? String
        })
        #expect(uris == ["warn/fps-24.mp4", "fail/truncated.mp4", "fail/resolution-1280x720.mp4"])
    }

    @Test("--quiet prints only the failing files")
    func quiet() async throws {
        let result = try await runPreflight(["lint", "--quiet"] + Self.mixed)
        #expect(result.status == 1)
        let fileLines = result.stdout.split(separator: "\n").filter { !$0.hasPrefix(" ") }
        #expect(fileLines.map { String($0.prefix(6)) } == ["FAIL  ", "FAIL  "])
        #expect(!result.stdout.contains("fps-24"))
        #expect(result.stdout.contains("media.truncated"))
        let passing = try await runPreflight(["lint", "-q", RepoPaths.samples.appendingPathComponent("pass").path])
        #expect(passing.status == 0)
        #expect(passing.stdout.isEmpty)
    }

    @Test("an unknown format in --output is a usage error naming it", arguments: ["xml:r.xml", "sarif:", "Sarif2:x"])
    func unknownFormat(argument: String) async throws {
        let result = try await runPreflight(["lint", "--output", argument] + Self.mixed)
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains(argument))
        #expect(result.stdout.isEmpty)
    }

    @Test("two bare --output files, or one file named twice, are usage errors")
    func conflictingOutputs() async throws {
        let twoBare = try await runPreflight(["lint", "--output", "a.txt", "--output", "b.txt"] + Self.mixed)
        #expect(twoBare.status == 64)
        let same = try await runPreflight(["lint", "--output", "json:x.out", "--output", "sarif:./x.out"] + Self.mixed)
        #expect(same.status == 64)
        #expect(same.stderr.contains("./x.out"), "the error names the file")
    }

    @Test("an unwritable --output exits 2 naming the file; the other reports are still written")
    func unwritable() async throws {
        let dir = try TemporaryDirectory(prefix: "report-unwritable")
        let missing = dir.file("no-such-folder/r.sarif").path
        let result = try await runPreflight(["lint", "--output", "sarif:\(missing)", "--output", "json:\(dir.file("r.json").path)"] + Self.mixed)
        #expect(result.status == 2)
        #expect(result.stderr.contains(missing))
        #expect(result.stderr.contains("no such folder"), "\(result.stderr)")
        #expect(result.stdout.contains("4 files: 2 passed, 2 failed"))
        #expect(FileManager.default.fileExists(atPath: dir.file("r.json").path))
        // A folder where the file should be.
        let folder = try await runPreflight(["lint", "--output", "junit:\(dir.url.path)", Self.mixed[0]])
        #expect(folder.status == 2)
        #expect(folder.stderr.contains(dir.url.path))
        #expect(folder.stderr.contains("it is a folder"), "\(folder.stderr)")
    }
}
