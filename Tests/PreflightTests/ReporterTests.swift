import Foundation
import MediaProbe
import Testing
@testable import Preflight

/// Reporters are checked against golden files; re-record them on purpose with `PREFLIGHT_RECORD_GOLDEN=1 swift test --filter ReporterTests`.
@Suite("Reporters")
struct ReporterTests {
    /// A fixed report with a passing file, a file with warnings, a failing file and an unreadable one.
    static let report: LintReport = {
        let base = FactsBuilder()
        let files = [
            base.with { $0.path = "takes/landscape.mp4" },
            base.with { $0.path = "takes/silent.mov"; $0.hasAudio = false },
            base.with { $0.path = "takes/short 720p.mp4"; $0.width = 1280; $0.height = 720; $0.duration = 179.5 },
        ].map { builder in
            FileReport(path: builder.path, role: .trainingVideo, findings: builder.findings(), media: builder.build())
        }
        let missing = FileReport(path: "takes/missing.mp4", role: .trainingVideo,
                                 findings: [UnreadableFileRule.finding(for: MediaProbeError(path: "takes/missing.mp4", reason: .notFound))],
                                 media: nil)
        return LintReport(files: files + [missing])
    }()

    static func golden(_ name: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden").appendingPathComponent(name)
    }

    static func compare(_ rendered: String, golden name: String) throws {
        let url = golden(name)
        if ProcessInfo.processInfo.environment["PREFLIGHT_RECORD_GOLDEN"] == "1" {
            try rendered.write(to: url, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(rendered == expected, "\(name) differs from its golden file")
    }

    @Test("text report matches its golden file")
    func text() throws {
        try Self.compare(TextReporter().render(Self.report), golden: "report.txt")
    }

    @Test("JSON report matches its golden file")
    func json() throws {
        try Self.compare(JSONReporter().render(Self.report), golden: "report.json")
    }

    @Test("JSON has the contract's shape and round-trips")
    func jsonShape() throws {
        let data = Data(JSONReporter().render(Self.report).utf8)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == ["files", "summary"])
        let files = try #require(object["files"] as? [[String: Any]])
        #expect(files.count == 4)
        for file in files {
            #expect(Set(file.keys).isSuperset(of: ["path", "role", "verdict", "findings"]))
            #expect(["pass", "fail"].contains(file["verdict"] as? String ?? ""))
            for finding in try #require(file["findings"] as? [[String: Any]]) {
                #expect(["error", "warning"].contains(finding["severity"] as? String ?? ""))
                #expect(finding["rule"] is String)
                #expect(finding["message"] is String)
            }
        }
        #expect(files[0]["media"] is [String: Any])
        #expect(files[3]["media"] == nil || files[3]["media"] is NSNull)
        let summary = try #require(object["summary"] as? [String: Int])
        #expect(summary == ["files": 4, "passed": 2, "failed": 2, "errors": 3, "warnings": 2])
        #expect(try JSONReporter.decode(data) == Self.report)
    }

    @Test("media keeps the file's duration and the picture's; the text summary shows the picture's when it differs")
    func bothDurations() throws {
        let take = FactsBuilder().with {
            $0.duration = 200; $0.videoDuration = 170; $0.videoFrameCount = 4250; $0.path = "takes/long sound.mp4"
        }
        let file = FileReport(path: take.path, role: .trainingVideo, findings: take.findings(), media: take.build())
        let data = Data(JSONReporter().render(LintReport(files: [file])).utf8)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let media = try #require((object["files"] as? [[String: Any]])?.first?["media"] as? [String: Any])
        #expect(media["duration"] as? Double == 200)
        #expect(media["video_duration"] as? Double == 170)
        let video = try #require((media["streams"] as? [[String: Any]])?.first)
        #expect(video["duration"] as? Double == 170)
        #expect(video["frame_count"] as? Int == 4250)
        #expect(try JSONReporter.decode(data).files == [file])
        #expect(TextReporter.summary(of: file).contains("200 s, picture 170 s"))
        #expect(!TextReporter.summary(of: FileReport(path: "a.mp4", role: .trainingVideo, findings: [],
                                                     media: FactsBuilder().build())).contains("picture"))
    }

    @Test("text colours only when asked")
    func colour() {
        #expect(!TextReporter().render(Self.report).contains("\u{1B}["))
        #expect(TextReporter(colour: true).render(Self.report).contains("\u{1B}[31mFAIL\u{1B}[0m"))
    }
}
