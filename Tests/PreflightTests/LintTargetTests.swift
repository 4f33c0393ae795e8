import Foundation
import MediaProbe
import Testing
import TestSupport
@testable import Preflight

/// A target read through another path than the one it reports (an open descriptor's alias, as the update does).
@Suite("lint targets read from another path")
struct LintTargetTests {
    @Test("the report, the facts and the findings name the given path, not the path read from")
    func reportsNameTheGivenPath() async throws {
        let dir = try TemporaryDirectory(prefix: "preflight-targets")
        let real = dir.file("real.png")
        try await FFmpegTools.ffmpeg(["-f", "lavfi", "-i", "testsrc2=s=320x240:d=1", "-frames:v", "1", real.path])
        let shown = dir.file("as-given.png").path
        let good = await Linter().lint(LintTarget(path: shown, role: .cover, readPath: real.path))
        #expect(good.path == shown)
        #expect(good.media?.path == shown)
        #expect(good.findings.isEmpty, "\(good.findings)")

        let text = dir.file("notes.txt")
        try await writeFile("just text, not a picture\n", to: text)
        let bad = await Linter().lint(LintTarget(path: shown, role: .cover, readPath: text.path))
        #expect(!bad.findings.isEmpty)
        for finding in bad.findings {
            #expect(!finding.message.contains(text.path), "\(finding.message)")
        }
        #expect(bad.findings.contains { $0.message.contains(shown) || $0.message.contains("as-given.png") }, "\(bad.findings)")
    }
}
