import Foundation
import NIOPosix
import Testing
import TestSupport
@testable import Preflight

/// The audio ZIP is read within fixed bounds: its end record is looked for only in its last 64 KiB + 22 bytes, and
/// entries are streamed to disk under a per-entry cap and a total budget.
@Suite("Audio ZIP limits (security)")
struct ZipLimitsTests {
    /// A linter on a pool of its own, so that the limits are judged on this suite's work alone, not queued behind the
    /// deep lints other suites run at the same time.
    static let linter: Linter = {
        let pool = NIOThreadPool(numberOfThreads: 1)
        pool.start()
        return Linter(concurrency: 1, threadPool: pool)
    }()

    let dir: TemporaryDirectory

    init() throws {
        dir = try TemporaryDirectory(prefix: "zip-limits")
    }

    /// Writes a ZIP with one deflated entry of `inflated` zero bytes whose headers declare `declared` bytes.
    func lyingZip(_ name: String, entry: String = "take.wav", inflated: Int, declared: Int) async throws -> URL {
        let url = dir.file(name)
        let script = """
            import sys, zipfile, struct
            path, name, size, declared = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
            with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
                info = zipfile.ZipInfo(name)
                info.compress_type = zipfile.ZIP_DEFLATED
                with z.open(info, "w", force_zip64=False) as f:
                    chunk = bytes(1 << 20)
                    left = size
                    while left > 0:
                        f.write(chunk[:min(left, len(chunk))])
                        left -= len(chunk)
            data = bytearray(open(path, "rb").read())
            struct.pack_into("<I", data, 22, declared)
            central = data.rfind(b"PK\\x01\\x02")
            struct.pack_into("<I", data, central + 24, declared)
            open(path, "wb").write(bytes(data))
            """
        let result = try await runProcess("python3", ["-c", script, url.path, entry, String(inflated), String(declared)])
        guard result.status == 0 else { throw TestSupportError("python3 failed: \(result.stderr)") }
        return url
    }

    @Test("an entry that inflates past its declared size is judged at once, writing no more than it declared",
          .hangGuard)
    func inflatesPastDeclaredSize() async throws {
        // 64 MiB of zeros deflate to about 64 KB: enough to show the entry is stopped at its declared 4 KiB.
        let bomb = try await lyingZip("bomb.zip", inflated: 64 * 1024 * 1024, declared: 4096)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: bomb.path)[.size] as? NSNumber).int64Value
        #expect(size < 1024 * 1024, "the ZIP itself is small")
        let (archive, written) = try await Self.linter.onThreadPool { AudioArchive.inspectCounting(bomb.path) }
        #expect(archive.failure == nil)
        let entry = try #require(archive.entries.first)
        guard case .notAudio(let reason) = entry.kind else {
            Issue.record("expected not-audio, got \(entry.kind)")
            return
        }
        #expect(reason.contains("inflates past its declared size"))
        #expect(written <= 4096)
        let findings = await Self.linter.lint(path: bomb.path, role: .audioZip).findings.map(\.rule)
        #expect(findings.contains("archive.entry-not-audio"))
    }

    @Test("large entries are examined from their first bytes only, and never past the total budget", .hangGuard)
    func perEntryCapAndBudget() async throws {
        // Declared honestly: 24 MiB of zeros, more than the per-entry cap.
        let large = try await lyingZip("large.zip", inflated: 24 << 20, declared: 24 << 20)
        let (archive, written) = try await Self.linter.onThreadPool { AudioArchive.inspectCounting(large.path) }
        #expect(written == AudioArchive.Limits.maximumBytesExaminedPerEntry)
        guard case .notAudio(let reason) = try #require(archive.entries.first).kind else {
            Issue.record("zeros are not audio")
            return
        }
        #expect(reason.contains("in its first 4 MiB"))
        // With a budget smaller than one entry's cap, the entry is skipped, nothing is written, and the rule says so.
        let (skipped, none) = try await Self.linter.onThreadPool { AudioArchive.inspectCounting(large.path, budget: 1 << 20) }
        #expect(none == 0)
        #expect(skipped.entries.first?.kind == .skipped)
    }

    @Test("a 200 MB random file named x.zip is judged not a ZIP within seconds", .hangGuard)
    func bigRandomNonZip() async throws {
        let url = dir.file("x.zip")
        // 200 MB: a precomputed random chunk at the start and twice at the end (more than the 64 KiB + 22 bytes the
        // end record may occupy), a sparse hole between (nothing to write for it).
        var generator = SeededGenerator(seed: 0x5EC0_21E)
        let chunk = (0..<(128 << 10)).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let total: UInt64 = 200 * 1000 * 1000
        #expect(FileManager.default.createFile(atPath: url.path, contents: Data(chunk)))
        let handle = try FileHandle(forWritingTo: url)
        try handle.seek(toOffset: total - 2 * UInt64(chunk.count))
        try handle.write(contentsOf: Data(chunk))
        try handle.write(contentsOf: Data(chunk.reversed()))
        try handle.close()
        #expect(ZipEndRecord.find(in: chunk.reversed(), startingAt: 0) == nil, "the random tail holds no end record")

        let result = try await runPreflight(["lint", "--role", "audio-zip", "--format", "json", url.path])
        #expect(!result.killedBySignal, "lint must judge the file within the timeout")
        #expect(result.status == 1)
        #expect(result.stdout.contains("archive.invalid"))
    }

    @Test("the end record is found only where the format puts it, comment included")
    func endRecordPlacement() {
        func record(comment: Int) -> [UInt8] {
            [0x50, 0x4B, 0x05, 0x06, 0, 0, 0, 0, 1, 0, 1, 0, 46, 0, 0, 0, 10, 0, 0, 0, UInt8(comment & 0xFF), UInt8(comment >> 8)]
        }
        let body = [UInt8](repeating: 0x41, count: 56)
        let plain = ZipEndRecord.find(in: body + record(comment: 0), startingAt: 0)
        #expect(plain?.offset == 56 && plain?.entryCount == 1 && plain?.directoryOffset == 10)
        let commented = ZipEndRecord.find(in: body + record(comment: 5) + Array("hello".utf8), startingAt: 0)
        #expect(commented?.offset == 56)
        // A comment length that runs past the end of the file is no record.
        #expect(ZipEndRecord.find(in: body + record(comment: 9) + Array("hi".utf8), startingAt: 0) == nil)
    }
}
