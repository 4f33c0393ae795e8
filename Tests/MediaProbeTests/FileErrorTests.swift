import Foundation
import Testing
import MediaProbe
import TestSupport

/// Paths that are not readable media files must come back as the right `MediaProbeError.Reason`, naming the path.
@Suite("File-system errors")
struct FileErrorTests {
    private func reason(_ path: String) -> MediaProbeError.Reason? {
        do {
            _ = try MediaFile.probe(path)
            return nil
        } catch {
            #expect(error.path == path)
            #expect(error.description.contains(path))
            return error.reason
        }
    }

    @Test("missing path is notFound")
    func missing() async throws {
        let directory = try TemporaryDirectory(prefix: "mediaprobe-errors")
        #expect(reason(directory.file("nothing-here.mp4").path) == .notFound)
        #expect(reason(directory.file("no-folder/clip.mp4").path) == .notFound)
    }

    @Test("directory is isDirectory")
    func directory() async throws {
        let directory = try TemporaryDirectory(prefix: "mediaprobe-errors")
        #expect(reason(directory.url.path) == .isDirectory)
    }

    @Test("zero-byte file is empty")
    func empty() async throws {
        let directory = try TemporaryDirectory(prefix: "mediaprobe-errors")
        let url = directory.file("empty.mp4")
        try await writeFile(Data(), to: url)
        #expect(reason(url.path) == .empty)
    }

    @Test("text file named .mp4 is notMedia with FFmpeg's message")
    func textFile() async throws {
        let directory = try TemporaryDirectory(prefix: "mediaprobe-errors")
        let url = directory.file("notes.mp4")
        try await writeFile(Data("These are meeting notes, not a video.\n".utf8), to: url)
        guard case .notMedia(let detail)? = reason(url.path) else {
            Issue.record("expected notMedia")
            return
        }
        #expect(detail == "Invalid data found when processing input")
    }

    @Test("unreadable file: permissionDenied unless the current user can still open it")
    func unreadable() async throws {
        let directory = try TemporaryDirectory(prefix: "mediaprobe-errors")
        let url = directory.file("locked.mp4")
        try await FFmpegTools.makeClip(url, seconds: 0.5, outputOptions: ["-movflags", "+faststart"])
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: url.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: url.path) }

        // Root (and CAP_DAC_OVERRIDE) reads a mode-000 file; everyone else is refused. Ask the kernel, as the probe does.
        let descriptor = open(url.path, O_RDONLY)
        let readable = descriptor >= 0
        if readable { close(descriptor) }

        let outcome = Result { () throws(MediaProbeError) in try MediaFile.probe(url.path) }
        if readable {
            let facts = try outcome.get()
            #expect(facts.videoStreams.count == 1)
        } else {
            #expect(throws: MediaProbeError(path: url.path, reason: .permissionDenied)) { try outcome.get() }
        }
    }

    @Test("a FIFO is refused without blocking")
    func fifo() async throws {
        let directory = try TemporaryDirectory(prefix: "mediaprobe-errors")
        let path = directory.file("pipe.mp4").path
        #expect(mkfifo(path, 0o644) == 0)
        guard case .other? = reason(path) else {
            Issue.record("expected .other for a FIFO")
            return
        }
    }

    @Test("a ZIP archive is named, not probed")
    func zipArchive() async throws {
        let directory = try TemporaryDirectory(prefix: "mediaprobe-errors")
        let url = directory.file("frames.zip")
        // An empty ZIP archive: just the end-of-central-directory record.
        try await writeFile(Data([0x50, 0x4B, 0x05, 0x06] + [UInt8](repeating: 0, count: 18)), to: url)
        let facts = try MediaFile.probe(url.path)
        #expect(facts.container.family == .zip)
        #expect(facts.streams.isEmpty)
    }
}
