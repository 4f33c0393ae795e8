import Foundation
import Testing
import TestSupport

/// Damaged and odd inputs: each gets a verdict, and the tool neither crashes nor hangs.
@Suite("robustness")
struct RobustnessTests {
    /// Media samples worth mutating (real containers of several kinds).
    static func seeds() throws -> [URL] {
        try ExpectedSample.all().map(\.url).filter {
            let size = (try? FileManager.default.attributesOfItem(atPath: $0.path)[.size] as? Int) ?? 0
            return size > 1024
        }
    }

    /// Writes `count` mutated or truncated copies of the seeds into `dir`, deterministically. Seconds of byte work in
    /// a debug build: call it through `onThread`, not from a task.
    static func mutate(_ seeds: [URL], count: Int, into dir: URL) throws -> [URL] {
        var rng = SeededGenerator(seed: 0x5EED_2026)
        var outputs: [URL] = []
        let originals = try seeds.map { try Data(contentsOf: $0) }
        for i in 0..<count {
            let source = Int.random(in: 0..<originals.count, using: &rng)
            var bytes = [UInt8](originals[source])
            let ext = seeds[source].pathExtension
            switch i % 6 {
            case 0: // cut anywhere, header included
                bytes = Array(bytes.prefix(Int.random(in: 0..<bytes.count, using: &rng)))
            case 1: // flip bytes in the header region (the moov of a faststart file sits there)
                let span = min(bytes.count, 65_536)
                for _ in 0..<Int.random(in: 1...32, using: &rng) {
                    bytes[Int.random(in: 0..<span, using: &rng)] ^= UInt8.random(in: 1...255, using: &rng)
                }
            case 2: // overwrite a 4-byte field with an extreme value (box sizes, counts, offsets)
                let at = Int.random(in: 0..<max(1, min(bytes.count, 65_536) - 4), using: &rng)
                let value: [UInt8] = [[0xFF, 0xFF, 0xFF, 0xFF], [0, 0, 0, 0], [0x7F, 0xFF, 0xFF, 0xFF], [0, 0, 0, 1]][Int.random(in: 0..<4, using: &rng)]
                for k in 0..<4 where at + k < bytes.count { bytes[at + k] = value[k] }
            case 3: // zero a random range
                let start = Int.random(in: 0..<bytes.count, using: &rng)
                let end = min(bytes.count, start + Int.random(in: 1...4096, using: &rng))
                for k in start..<end { bytes[k] = 0 }
            case 4: // duplicate a slice into the middle
                let start = Int.random(in: 0..<bytes.count, using: &rng)
                let slice = bytes[start..<min(bytes.count, start + Int.random(in: 1...8192, using: &rng))]
                bytes.insert(contentsOf: slice, at: Int.random(in: 0..<bytes.count, using: &rng))
            default: // random garbage after a truncated header
                bytes = Array(bytes.prefix(Int.random(in: 8..<min(bytes.count, 4096), using: &rng)))
                bytes += (0..<Int.random(in: 0...16_384, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            }
            let url = dir.appendingPathComponent(String(format: "mutant-%03d.%@", i, ext))
            try writeFileNow(Data(bytes), to: url)
            outputs.append(url)
        }
        return outputs
    }

    @Test("300 mutated or truncated samples each get a verdict, without a crash or a hang")
    func mutants() async throws {
        let dir = try TemporaryDirectory(prefix: "preflight-mutants")
        let files = try await onThread { try Self.mutate(try Self.seeds(), count: 300, into: dir.url) }
        // Three runs of 100 files; a crash shows as a signal status, a hang as the timeout's kill (137).
        for batch in stride(from: 0, to: files.count, by: 100) {
            let chunk = Array(files[batch..<min(files.count, batch + 100)])
            let result = try await runPreflight(["lint", "--format", "json"] + chunk.map(\.path))
            #expect(result.status == 0 || result.status == 1, "batch \(batch): status \(result.status); stderr: \(result.stderr.prefix(500))")
            let object = try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any]
            let reports = object?["files"] as? [[String: Any]] ?? []
            #expect(reports.count == chunk.count)
            for (file, report) in zip(chunk, reports) {
                #expect(report["path"] as? String == file.path)
                #expect(["pass", "fail"].contains(report["verdict"] as? String ?? ""), "\(file.lastPathComponent)")
            }
        }
    }

    @Test("40 mutated or truncated samples each get a verdict with --deep too, without a crash or a hang")
    func deepMutants() async throws {
        let dir = try TemporaryDirectory(prefix: "preflight-deep-mutants")
        let files = try Self.mutate(try Self.seeds(), count: 40, into: dir.url)
        let result = try await runPreflight(["lint", "--deep", "--format", "json"] + files.map(\.path))
        #expect(result.status == 0 || result.status == 1, "status \(result.status); stderr: \(result.stderr.prefix(500))")
        let object = try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any]
        let reports = object?["files"] as? [[String: Any]] ?? []
        #expect(reports.count == files.count)
        for (file, report) in zip(files, reports) {
            #expect(["pass", "fail"].contains(report["verdict"] as? String ?? ""), "\(file.lastPathComponent)")
        }
    }

    @Test("odd inputs: zero bytes, a directory, a missing path, a text file named .mp4")
    func oddInputs() async throws {
        let dir = try TemporaryDirectory()
        let empty = dir.file("empty.mp4")
        try await writeFile(Data(), to: empty)
        let text = dir.file("notes.mp4")
        try await writeFile(Data("This is not a video, just some notes.\n".utf8), to: text)
        let folder = dir.file("folder.mp4")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let missing = dir.file("missing.mp4")

        let result = try await runPreflight(["lint", "--format", "json", empty.path, text.path, missing.path])
        #expect(result.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
        let files = try #require(object["files"] as? [[String: Any]])
        #expect(files.count == 3)
        let expectations = ["0 bytes", "not a media file", "no such file"]
        for (file, expected) in zip(files, expectations) {
            #expect(file["verdict"] as? String == "fail")
            let findings = try #require(file["findings"] as? [[String: Any]])
            #expect(findings.map { $0["rule"] as? String } == ["file.unreadable"])
            let message = findings.first?["message"] as? String ?? ""
            #expect(message.contains(file["path"] as? String ?? "?"), "the message names the file")
            #expect(message.contains(expected), "\(message)")
        }

        // A directory given to probe is named as such; given to lint it is walked (here: nothing inside → status 2).
        let probe = try await runPreflight(["probe", folder.path])
        #expect(probe.status == 1)
        #expect(probe.stderr.contains("\(folder.path): is a directory"))
        let lint = try await runPreflight(["lint", folder.path])
        #expect(lint.status == 2)
    }

    @Test("a file without read permission fails with permission denied")
    func unreadableFile() async throws {
        // World-traversable folder so that an unprivileged user can reach the file but not read it.
        let dir = try TemporaryDirectory()
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir.url.path)
        let seed = try #require(try Self.seeds().first)
        let locked = dir.file("locked.mp4")
        try FileManager.default.copyItem(at: seed, to: locked)
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: locked.path)

        let binary = RepoPaths.preflightBinary.path
        let result: ProcessResult
        if getuid() == 0 {
            // root reads anything; run the binary as `nobody` so that the permission bits apply.
            result = try await runProcess("setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", binary, "lint", "--format", "json", locked.path])
        } else {
            result = try await runPreflight(["lint", "--format", "json", locked.path])
        }
        #expect(result.status == 1, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
        let file = try #require((object["files"] as? [[String: Any]])?.first)
        let finding = try #require((file["findings"] as? [[String: Any]])?.first)
        #expect(finding["rule"] as? String == "file.unreadable")
        #expect((finding["message"] as? String)?.contains("permission denied") == true)
    }
}
