import Foundation
import Testing
import TestSupport

/// A playlist or concat script is judged by what it is: lint opens no file it names (a FIFO among them cannot stall it).
@Suite("Security: lint opens no file a playlist names")
struct PlaylistLintTests {
    static let playlists: [(name: String, text: @Sendable (String) -> String)] = [
        ("hls", { "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:600\n#EXTINF:600.0,\n\($0)\n#EXT-X-ENDLIST\n" }),
        ("ffconcat", { "ffconcat version 1.0\nfile '\($0)'\n" }),
    ]

    @Test("a playlist or ffconcat script named take.mp4 that names a passing video is judged a text playlist",
          arguments: [0, 1])
    func playlistNamingAVideo(index: Int) async throws {
        let (name, text) = Self.playlists[index]
        let dir = try TemporaryDirectory(prefix: "playlist-\(name)")
        let take = dir.file("take.mp4")
        try await writeFile(Data(text(try LintRun.passingVideo.path).utf8), to: take)
        let (result, file) = try await LintRun.json(take.path)
        #expect(result.status == 1, "\(name): \(result.stdout)")
        let finding = try #require(file?.findings.first)
        #expect(["container.not-mp4", "file.unreadable"].contains(finding.rule))
        #expect(finding.message.contains("a text playlist, not a video"), "\(finding.message)")
    }

    @Test("a playlist or ffconcat script naming a FIFO is judged within 10 s without opening it", arguments: [0, 1])
    func playlistNamingAFIFO(index: Int) async throws {
        let (name, text) = Self.playlists[index]
        let dir = try TemporaryDirectory(prefix: "playlist-fifo-\(name)")
        let fifo = dir.file("stall.mp4")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        let take = dir.file("take.mp4")
        try await writeFile(Data(text(fifo.path).utf8), to: take)
        let (result, file) = try await LintRun.json(take.path)
        #expect(result.status == 1)
        #expect(file?.findings.first?.message.contains("a text playlist, not a video") == true)
    }
}
