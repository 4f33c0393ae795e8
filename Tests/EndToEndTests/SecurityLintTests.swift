import Foundation
import Testing
import TestSupport

/// Lint judges each file by what it is, opens nothing else, and writes nothing a file name could forge.
@Suite("Security: lint input, end to end")
struct SecurityLintTests {
    @Test("a 12000×12000 PNG is refused from its header, before a decoder allocates it")
    func hugePNG() async throws {
        let dir = try TemporaryDirectory(prefix: "huge-png")
        let png = dir.file("cover.png")
        // An 8-bit grey PNG declaring 12000×12000 pixels (144 MB decoded; RGBA would be 576 MB). Its IDAT holds the first
        // rows only: the header alone must make lint refuse it.
        let script = """
            import sys, zlib, struct
            w = h = 12000
            def chunk(kind, data):
                return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)
            z = zlib.compressobj(9)
            row = bytes(w + 1)
            idat = b"".join(z.compress(row) for _ in range(64)) + z.flush()
            ihdr = struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0)
            open(sys.argv[1], "wb").write(b"\\x89PNG\\r\\n\\x1a\\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b""))
            """
        let made = try await runProcess("python3", ["-c", script, png.path])
        try #require(made.status == 0, "\(made.stderr)")
        let (result, file) = try await LintRun.json(png.path, role: "cover")
        #expect(result.status == 1)
        let finding = try #require(file?.findings.first)
        #expect(finding.message.contains("12000×12000"), "\(finding.message)")
        #expect(finding.message.contains("over the limit"))
    }

    @Test("an 18-byte `%PDF-1.7\\n%%EOF` grant file fails; the sample PDF with its xref, trailer and objects passes")
    func structurallyEmptyPDF() async throws {
        let dir = try TemporaryDirectory(prefix: "pdf-structure")
        let pdf = dir.file("grant.pdf")
        try await writeFile(Data("%PDF-1.7\n%%EOF".utf8), to: pdf)
        let (result, file) = try await LintRun.json(pdf.path, role: "grant-file")
        #expect(result.status == 1)
        #expect(file?.findings.map(\.rule) == ["grant.pdf-malformed"])
        let good = dir.file("good.pdf")
        try await writeFile(Data(MinimalPDF.text().utf8), to: good)
        let (passed, _) = try await LintRun.json(good.path, role: "grant-file")
        #expect(passed.status == 0, "\(passed.stdout)")
        // startxref must point at the table: an offset into an object is no cross-reference section.
        let wrong = dir.file("wrong-offset.pdf")
        try await writeFile(Data(MinimalPDF.text().replacingOccurrences(of: "startxref\n110\n", with: "startxref\n9\n").utf8), to: wrong)
        let (misplaced, misplacedFile) = try await LintRun.json(wrong.path, role: "grant-file")
        #expect(misplaced.status == 1)
        #expect(misplacedFile?.findings.map(\.rule) == ["grant.pdf-malformed"])
    }

    @Test("a newline or escape in a file name is escaped in text output and cannot forge a PASS line")
    func controlCharactersInNames() async throws {
        let dir = try TemporaryDirectory(prefix: "control-names")
        let forged = dir.file("x\nPASS  forged.mp4  (training-video, 1920×1080, h264, 200 s)\u{1B}[2K")
        try await writeFile(Data("not a video".utf8), to: forged)
        let result = try await runPreflight(["lint", forged.path])
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(!lines.contains { $0.hasPrefix("PASS") }, "\(result.stdout)")
        #expect(!result.stdout.contains("\u{1B}"))
        #expect(result.stdout.contains("x\\nPASS  forged.mp4"))
        #expect(lines.filter { $0.hasPrefix("FAIL  ") }.count == 1)
    }

    @Test("a path starting with '-' is written ./-… in suggested commands")
    func dashPathsInCommands() async throws {
        let dir = try TemporaryDirectory(prefix: "dash-names")
        let mov = try #require(try ExpectedSample.all().first { $0.errors.contains("container.not-mp4") && $0.path.hasSuffix(".mov") })
        try FileManager.default.copyItem(at: mov.url, to: dir.file("-take.mov"))
        let result = try await runPreflight(["lint", "--format", "json", "--", "-take.mov"], currentDirectory: dir.url)
        let finding = try #require(try LintCommandTests.decode(result).files.first?.findings.first { $0.rule == "container.not-mp4" })
        #expect(finding.message.contains("ffmpeg -i ./-take.mov "), "\(finding.message)")
        #expect(finding.message.contains(" ./-take.mp4"))
    }

    @Test("a symbolic link to a folder given on the command line is not walked")
    func symlinkedFolderArgument() async throws {
        let dir = try TemporaryDirectory(prefix: "symlink-arg")
        let link = dir.file("recordings")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: RepoPaths.samples.appendingPathComponent("pass"))
        let result = try await runPreflight(["lint", "--format", "json", link.path])
        #expect(result.status == 1, "\(result.stdout)")
        let report = try LintCommandTests.decode(result)
        #expect(report.files.map(\.path) == [link.path])
        #expect(report.files.first?.findings.first?.message.contains("symbolic link") == true)
    }
}
