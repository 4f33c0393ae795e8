import Foundation
import Testing
import TestSupport
@testable import Preflight

/// The non-video roles, on real files made with the ffmpeg CLI and Python's zipfile module.
@Suite("image, grant-file and audio-zip roles")
struct UploadRoleTests {
    let dir: TemporaryDirectory

    init() throws {
        dir = try TemporaryDirectory(prefix: "preflight-roles")
    }

    func image(_ name: String, size: String = "320x240") async throws -> String {
        let url = dir.file(name)
        try await FFmpegTools.ffmpeg(["-f", "lavfi", "-i", "testsrc2=s=\(size):d=1", "-frames:v", "1", url.path])
        return url.path
    }

    func audio(_ name: String, seconds: Int = 1) async throws -> String {
        let url = dir.file(name)
        try await FFmpegTools.ffmpeg(["-f", "lavfi", "-i", "sine=frequency=440:sample_rate=16000:duration=\(seconds)", url.path])
        return url.path
    }

    /// Builds a ZIP whose entries are (name in archive, file on disk or literal text).
    func zip(_ name: String, _ entries: [(String, String)], literal: Bool = false) async throws -> String {
        let url = dir.file(name)
        let spec = entries.map { "(\(Self.pythonString($0.0)), \(Self.pythonString($0.1)))" }.joined(separator: ", ")
        let write = literal ? "z.writestr(n, s)" : "z.write(s, n)"
        let script = "import zipfile\nwith zipfile.ZipFile(\(Self.pythonString(url.path)), 'w', zipfile.ZIP_DEFLATED) as z:\n    for n, s in [\(spec)]:\n        \(write)\n"
        let result = try await runProcess("python3", ["-c", script])
        guard result.status == 0 else { throw TestSupportError("zip failed: \(result.stderr)") }
        return url.path
    }

    static func pythonString(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
    }

    func rules(_ path: String, _ role: Role) async -> [String] {
        await Linter().lint(path: path, role: role).findings.map(\.rule)
    }

    @Test("JPEG and PNG pictures pass every image role", arguments: [Role.cover, .idCardFront, .idCardBack, .preBeautyImage, .postBeautyImage])
    func goodImages(role: Role) async throws {
        #expect(await rules(try await image("a.jpg"), role) == [])
        #expect(await rules(try await image("b.png"), role) == [])
    }

    @Test("a BMP or a video is not an accepted picture")
    func wrongImageFormats() async throws {
        #expect(await rules(try await image("a.bmp"), .cover) == ["image.format-unsupported"])
        let clip = dir.file("clip.mp4")
        try await FFmpegTools.ffmpeg(["-f", "lavfi", "-i", "testsrc2=s=320x240:d=1", "-c:v", "libx264", "-preset", "ultrafast", clip.path])
        #expect(await rules(clip.path, .idCardFront).first == "image.format-unsupported")
    }

    @Test("a cut-short JPEG or a text file named .jpg fails to decode; an empty file is unreadable")
    func brokenImages() async throws {
        let whole = try await readFile(URL(fileURLWithPath: try await image("whole.jpg")))
        let cut = dir.file("cut.jpg")
        try await writeFile(whole.prefix(200), to: cut)
        #expect(await rules(cut.path, .cover).contains("image.undecodable"))
        let empty = dir.file("empty.png")
        try await writeFile(Data(), to: empty)
        #expect(await rules(empty.path, .cover) == ["file.unreadable"])
        let text = dir.file("notes.jpg")
        try await writeFile(Data("just text, not a picture\n".utf8), to: text)
        // FFmpeg opens a .jpg by its name, then finds nothing to decode.
        #expect(await rules(text.path, .cover) == ["image.undecodable"])
    }

    @Test("grant file: a complete PDF or a photo passes; a cut PDF, a Word file or text fails")
    func grantFiles() async throws {
        let pdf = dir.file("grant.pdf")
        try await writeFile(Data(MinimalPDF.text().utf8), to: pdf)
        #expect(await rules(pdf.path, .grantFile) == [])
        let cutPDF = dir.file("cut.pdf")
        try await writeFile(Data("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n".utf8), to: cutPDF)
        #expect(await rules(cutPDF.path, .grantFile) == ["grant.pdf-incomplete"])
        #expect(await rules(try await image("grant.jpg"), .grantFile) == [])
        let docx = try await zip("grant.docx", [("word/document.xml", "<w:document/>")], literal: true)
        #expect(await rules(docx, .grantFile) == ["grant.type-unsupported"])
        let text = dir.file("grant.txt")
        try await writeFile(Data("I hereby grant…\n".utf8), to: text)
        let finding = try #require(await Linter().lint(path: text.path, role: .grantFile).findings.first)
        #expect(finding.rule == "grant.type-unsupported")
        #expect(finding.message.contains("plain text"))
        #expect(await rules(dir.file("absent.pdf").path, .grantFile) == ["file.unreadable"])
    }

    @Test("audio zip: decodable WAV and MP3 entries pass")
    func goodArchive() async throws {
        let path = try await zip("audio.zip", [("take1.wav", try await audio("take1.wav")), ("take2.mp3", try await audio("take2.mp3")), ("folder/take3.wav", try await audio("take3.wav"))])
        #expect(await rules(path, .audioZip) == [])
    }

    @Test("audio zip: a text entry fails, clutter warns, nothing decodable fails, a non-zip is invalid, '..' is unsafe")
    func badArchives() async throws {
        let wav = try await audio("voice.wav")
        let withText = try await zip("with-text.zip", [("script.txt", "the words I read")], literal: true)
        #expect(await rules(withText, .audioZip).sorted() == ["archive.entry-not-audio", "archive.no-audio"])
        let clutter = try await zip("clutter.zip", [("voice.wav", wav), ("__MACOSX/._voice.wav", wav), (".DS_Store", wav)])
        #expect(await rules(clutter, .audioZip) == ["archive.clutter"])
        let empty = try await zip("empty.zip", [])
        #expect(await rules(empty, .audioZip) == ["archive.no-audio"])
        let notZip = dir.file("audio.zip.txt")
        try await writeFile(Data("PK? no, just text".utf8), to: notZip)
        #expect(await rules(notZip.path, .audioZip) == ["archive.invalid"])
        let unsafe = try await zip("unsafe.zip", [("../escape.wav", wav), ("ok.wav", wav)])
        #expect(await rules(unsafe, .audioZip) == ["archive.unsafe-path"])
    }

    @Test("every role's rules are registered with unique identifiers")
    func registry() {
        let ids = RuleRegistry.all.map(\.id)
        #expect(Set(ids).count == ids.count)
        for id in ["image.format-unsupported", "image.undecodable", "image.empty", "grant.type-unsupported", "grant.pdf-incomplete",
                   "archive.invalid", "archive.unsafe-path", "archive.too-large", "archive.no-audio", "archive.entry-not-audio", "archive.clutter"] {
            #expect(ids.contains(id), "\(id)")
        }
    }
}
