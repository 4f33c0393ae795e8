import Foundation
import MediaProbe
import Testing
import TestSupport
@testable import Preflight

/// The HTML report, from real deep lints of generated clips.
@Suite("HTML report")
struct HTMLReporterTests {
    static func deepReport(_ clips: [ContentClip]) async throws -> LintReport {
        var paths: [String] = []
        for clip in clips { paths.append(try await ContentClipStore.shared.url(clip).path) }
        return await Linter(contentChecks: ContentCheckOptions()).lint(paths: paths, role: .trainingVideo)
    }

    @Test("each file gets its verdict, findings, a contact sheet of its sampled frames and a sound-level plot")
    func sections() async throws {
        let report = try await Self.deepReport([.blackGap, .cleanLandscape])
        let html = HTMLReporter().render(report)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.components(separatedBy: "<section class=\"file\"").count - 1 == 2)
        let thumbnails = report.files.compactMap { $0.content?.video?.thumbnails.count }
        #expect(thumbnails.count == 2 && thumbnails.allSatisfy { $0 > 3 }, "\(thumbnails)")
        #expect(html.components(separatedBy: "<img ").count - 1 == thumbnails.reduce(0, +), "one picture per thumbnail")
        #expect(html.components(separatedBy: "<svg class=\"level-plot\"").count - 1 == 2)
        #expect(html.contains("data:image/bmp;base64,"))
        #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("<script"), "self-contained")
        // The black gap (5–9 s): the frames inside it are outlined and labelled with the rule.
        #expect(report.files[0].findings.contains { $0.rule == "video.black" })
        #expect(html.contains("<figure class=\"frame flagged\">"))
        #expect(html.contains("<span class=\"flag\">video.black"))
        // The opening's room tone is a silence: shaded in the plot.
        #expect(html.contains("<rect class=\"silence\""))
    }

    @Test("a thumbnail becomes a valid 24-bit BMP with padded rows")
    func bitmap() {
        let thumbnail = Thumbnail(time: 0, width: 3, height: 2, rgb: [255, 0, 0, 0, 255, 0, 0, 0, 255, 1, 2, 3, 4, 5, 6, 7, 8, 9])
        let data = [UInt8](HTMLReporter.bitmap(thumbnail))
        #expect(data.count == 54 + 2 * 12, "rows of 9 bytes padded to 12")
        #expect(data[0] == 0x42 && data[1] == 0x4D)
        #expect(Array(data[18..<26]) == [3, 0, 0, 0, 2, 0, 0, 0], "width and height")
        // Bottom-up, blue-green-red: the first stored row is the picture's second row.
        #expect(Array(data[54..<57]) == [3, 2, 1])
        #expect(Array(data[66..<69]) == [0, 0, 255], "the top row's first pixel, red")
    }

    @Test("paths and messages are escaped; a file without content facts gets no pictures")
    func escaping() {
        let file = FileReport(path: "/takes/<script>alert(1)</script>&.mp4", role: .trainingVideo,
                              findings: [Finding(rule: "duration.too-short", severity: .error, message: "179 s < 180 s \"short\"")],
                              media: nil)
        let html = HTMLReporter().render(LintReport(files: [file]))
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;&amp;.mp4"))
        #expect(html.contains("179 s &lt; 180 s &quot;short&quot;"))
        #expect(!html.contains("<img "))
        #expect(html.contains("data-verdict=\"fail\""))
    }
}
