import Foundation
import Testing
import TestSupport

/// Runs the built `preflight` binary on samples/ and checks its output and exit status.
@Suite("preflight lint, end to end")
struct LintCommandTests {
    struct Report: Decodable {
        struct File: Decodable {
            struct Finding: Decodable { var rule: String; var severity: String; var message: String }
            var path: String
            var role: String
            var verdict: String
            var findings: [Finding]
        }
        struct Summary: Decodable { var files: Int; var passed: Int; var failed: Int; var errors: Int; var warnings: Int }
        var files: [File]
        var summary: Summary
    }

    static func decode(_ result: ProcessResult) throws -> Report {
        try JSONDecoder().decode(Report.self, from: result.stdoutData)
    }

    @Test("every sample gets exactly the verdict and rules samples/expected.json lists")
    func samplesMatchExpectations() async throws {
        let expected = try ExpectedSample.all()
        #expect(expected.filter { $0.verdict == "pass" }.count >= 6)
        #expect(expected.filter { $0.verdict == "fail" }.count >= 8)
        let result = try await runPreflight(["lint", "--format", "json"] + expected.map(\.url.path))
        #expect(result.status == 1, "some samples fail, so the status is 1; stderr: \(result.stderr)")
        let report = try Self.decode(result)
        #expect(report.files.count == expected.count)
        for (sample, file) in zip(expected, report.files) {
            #expect(file.path == sample.url.path)
            #expect(file.verdict == sample.verdict, "\(sample.path)")
            #expect(Set(file.findings.filter { $0.severity == "error" }.map(\.rule)) == Set(sample.errors), "\(sample.path) errors")
            #expect(Set(file.findings.filter { $0.severity == "warning" }.map(\.rule)) == Set(sample.warnings), "\(sample.path) warnings")
        }
        let covered = Set(expected.flatMap(\.errors))
        for rule in ["file.unreadable", "container.not-mp4", "video.missing", "resolution.unsupported",
                     "duration.too-short", "duration.too-long", "media.truncated"] {
            #expect(covered.contains(rule), "a failing sample covers \(rule)")
        }
        #expect(report.summary.files == expected.count)
        #expect(report.summary.failed == expected.filter { $0.verdict == "fail" }.count)
    }

    @Test("the passing samples exit 0, in text, with one PASS line each and a summary")
    func passingSamplesText() async throws {
        let result = try await runPreflight(["lint", RepoPaths.samples.appendingPathComponent("pass").path])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let fileLines = lines.filter { $0.hasPrefix("PASS") || $0.hasPrefix("FAIL") }
        #expect(fileLines.count >= 6)
        #expect(fileLines.allSatisfy { $0.hasPrefix("PASS  ") })
        #expect(lines.last?.hasPrefix("\(fileLines.count) files: \(fileLines.count) passed, 0 failed") == true)
        #expect(!result.stdout.contains("\u{1B}["), "no colour when stdout is not a terminal")
    }

    @Test("walking samples/ in text: failing files show FAIL and their indented findings; status 1")
    func wholeFolderText() async throws {
        let result = try await runPreflight(["lint", RepoPaths.samples.path])
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let failLine = try #require(lines.firstIndex { $0.hasPrefix("FAIL  ") && $0.contains("/fail/") })
        #expect(lines[failLine + 1].hasPrefix("      error   "))
        #expect(!result.stdout.contains("README"), "non-media files are not walked")
    }

    @Test("a MOV's finding carries the exact ffmpeg remux command")
    func movAdvice() async throws {
        let mov = try #require(try ExpectedSample.all().first { $0.errors.contains("container.not-mp4") && $0.path.hasSuffix(".mov") })
        let result = try await runPreflight(["lint", "--format", "json", mov.url.path])
        let finding = try #require(try Self.decode(result).files.first?.findings.first { $0.rule == "container.not-mp4" })
        let output = mov.url.deletingPathExtension().appendingPathExtension("mp4").path
        #expect(finding.message.contains("ffmpeg -i \(mov.url.path) -map 0:v -map 0:a? -c copy -movflags +faststart \(output)"))
    }

    @Test("usage errors exit 64", arguments: [["lint"], ["lint", "--format", "xml", "a.mp4"], ["lint", "--role", "poster", "a.mp4"], ["lint", "--bogus", "a.mp4"], ["lint", "--jobs", "0", "a.mp4"], ["frobnicate"]])
    func usageErrors(arguments: [String]) async throws {
        let result = try await runPreflight(arguments)
        #expect(result.status == 64, "\(arguments): \(result.stderr)")
        #expect(!result.stderr.isEmpty)
    }

    @Test("a directory with no media files exits 2 and says so")
    func nothingToLint() async throws {
        let dir = try TemporaryDirectory()
        try await writeFile(Data("notes".utf8), to: dir.file("notes.txt"))
        let result = try await runPreflight(["lint", dir.url.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("no media files found in \(dir.url.path)"))
    }

    @Test("--help documents the exit statuses")
    func help() async throws {
        let result = try await runPreflight(["lint", "--help"])
        #expect(result.status == 0)
        for status in ["0 ", "1 ", "2 ", "64"] { #expect(result.stdout.contains("  \(status)")) }
    }

    @Test("a picture that stops before its sound fails on the picture's length; report and probe give both lengths")
    func pictureShorterThanSound() async throws {
        let sample = RepoPaths.samples.appendingPathComponent("fail/picture-170s-sound-200s.mp4").path
        let lint = try await runPreflight(["lint", "--format", "json", sample])
        #expect(lint.status == 1)
        let file = try #require(try Self.decode(lint).files.first)
        #expect(file.findings.map(\.rule) == ["duration.too-short"])
        #expect(file.findings.first?.message.hasPrefix("the picture lasts 170 s (the file 200 s: the sound runs on 30 s)") == true)
        let object = try #require(try JSONSerialization.jsonObject(with: lint.stdoutData) as? [String: Any])
        let media = try #require((object["files"] as? [[String: Any]])?.first?["media"] as? [String: Any])
        #expect(media["duration"] as? Double == 200)
        #expect(media["video_duration"] as? Double == 170)
        let probe = try await runPreflight(["probe", sample])
        #expect(probe.status == 0)
        #expect(probe.stdout.contains("video duration  170.000 s (stream 0)"))
    }

    @Test("probe prints facts as text and JSON")
    func probe() async throws {
        let sample = try #require(try ExpectedSample.all().first { $0.verdict == "pass" && $0.warnings.isEmpty })
        let json = try await runPreflight(["probe", "--format", "json", sample.url.path])
        #expect(json.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: json.stdoutData) as? [String: Any])
        #expect((object["streams"] as? [Any])?.isEmpty == false)
        #expect(object["duration"] is Double)
        let text = try await runPreflight(["probe", sample.url.path])
        #expect(text.status == 0)
        #expect(text.stdout.contains("container"))
        #expect(text.stdout.contains("stream 0"))
        let missing = try await runPreflight(["probe", "/nonexistent/take.mp4"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("/nonexistent/take.mp4: no such file"))
    }
}

/// The fixtures for the non-video roles (`samples/roles/`), each linted with its own role by the built binary.
@Suite("preflight lint --role, end to end")
struct RoleSamplesTests {
    struct Expected: Decodable {
        struct File: Decodable { var path: String; var role: String; var verdict: String; var errors: [String]; var warnings: [String] }
        var files: [File]
    }

    @Test("every role sample gets the verdict and rules samples/roles/expected.json lists")
    func roleSamples() async throws {
        let folder = RepoPaths.samples.appendingPathComponent("roles")
        let expected = try JSONDecoder().decode(Expected.self, from: Data(contentsOf: folder.appendingPathComponent("expected.json")))
        #expect(Set(expected.files.map(\.role)) == ["cover", "id-card-front", "id-card-back", "pre-beauty-image", "post-beauty-image", "grant-file", "audio-zip"])
        for sample in expected.files {
            let path = folder.appendingPathComponent(sample.path).path
            let result = try await runPreflight(["lint", "--role", sample.role, "--format", "json", path])
            #expect(result.status == (sample.verdict == "pass" ? 0 : 1), "\(sample.path): \(result.stderr)")
            let report = try JSONDecoder().decode(LintCommandTests.Report.self, from: result.stdoutData)
            let file = try #require(report.files.first)
            #expect(file.verdict == sample.verdict, "\(sample.path)")
            #expect(file.role == sample.role)
            #expect(Set(file.findings.filter { $0.severity == "error" }.map(\.rule)) == Set(sample.errors), "\(sample.path) errors")
            #expect(Set(file.findings.filter { $0.severity == "warning" }.map(\.rule)) == Set(sample.warnings), "\(sample.path) warnings")
        }
    }
}
