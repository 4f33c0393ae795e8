import Foundation
import Testing
import TestSupport

/// `lint --deep --report FILE.html` opened in a real browser: headless Chromium, installed by the test command.
@Suite("HTML report in headless Chromium")
struct HTMLReportBrowserTests {
    /// Chromium's arguments for a headless run as any user (root needs --no-sandbox), with a profile of its own.
    static func chromium(_ profile: URL, _ arguments: [String]) async throws -> ProcessResult {
        try await runProcess("chromium", ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                                          "--no-first-run", "--user-data-dir=\(profile.path)"] + arguments)
    }

    @Test("the page renders, holds a section per file with its findings, frames and plot, and shows the verdicts",
          .hangGuard)
    func rendersInChromium() async throws {
        let dir = try TemporaryDirectory(prefix: "preflight-html")
        let black = try await ContentClipStore.shared.url(.blackGap)
        let clean = try await ContentClipStore.shared.url(.cleanLandscape)
        let page = dir.file("report.html")
        let lint = try await runPreflight(["lint", "--deep", "--report", page.path, black.path, clean.path])
        #expect(lint.status == 1, "the clips are short, so both fail: \(lint.stderr)")
        #expect(FileManager.default.fileExists(atPath: page.path))

        let dom = try await Self.chromium(dir.file("profile-dom"), ["--dump-dom", page.absoluteString])
        #expect(dom.status == 0, "chromium --dump-dom: \(dom.stderr.suffix(2000))")
        #expect(dom.stdout.components(separatedBy: "<section class=\"file\"").count - 1 == 2)
        #expect(dom.stdout.contains("data-rule=\"video.black\""))
        #expect(dom.stdout.contains("data-rule=\"duration.too-short\""))
        #expect(dom.stdout.contains("<figure class=\"frame flagged\">"))
        #expect(dom.stdout.contains("class=\"level-plot\""))
        #expect(dom.stdout.components(separatedBy: "<img ").count - 1 > 8, "the contact sheets' pictures")

        let shot = dir.file("shot.png")
        let screenshot = try await Self.chromium(dir.file("profile-shot"),
                                                 ["--screenshot=\(shot.path)", "--window-size=1280,1600", page.absoluteString])
        #expect(screenshot.status == 0, "chromium --screenshot: \(screenshot.stderr.suffix(2000))")
        // The picture is really drawn: decode it and find the FAIL badge's red (#c62828) among its pixels.
        let pixels = try await runProcess("ffmpeg", ["-v", "error", "-i", shot.path, "-f", "rawvideo", "-pix_fmt", "rgb24", "-"])
        #expect(pixels.status == 0)
        let bytes = [UInt8](pixels.stdoutData)
        #expect(bytes.count == 1280 * 1600 * 3, "a 1280×1600 screenshot")
        // Counted on a thread of its own: millions of pixels are seconds of work in a debug build.
        let (red, distinct) = await onThread { () -> (Int, Int) in
            var red = 0, colours = Set<UInt32>()
            var index = 0
            while index + 2 < bytes.count {
                let (r, g, b) = (bytes[index], bytes[index + 1], bytes[index + 2])
                if abs(Int(r) - 0xC6) < 8, abs(Int(g) - 0x28) < 8, abs(Int(b) - 0x28) < 8 { red += 1 }
                if colours.count < 5000 { colours.insert(UInt32(r) << 16 | UInt32(g) << 8 | UInt32(b)) }
                index += 3
            }
            return (red, colours.count)
        }
        #expect(red > 200, "the FAIL badges are drawn (\(red) red pixels)")
        #expect(distinct > 200, "text, frames and plot, not a blank page (\(distinct) colours)")
    }
}
