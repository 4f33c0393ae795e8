import Foundation
import Testing
import MediaProbe
import TestSupport

/// Index integrity and damaged input.
@Suite("Index integrity and damaged files")
struct IntegrityTests {
    @Test("a faststart MP4 cut inside mdat is truncated; the whole file is not")
    func truncatedMdat() async throws {
        let directory = try TemporaryDirectory(prefix: "mediaprobe-integrity")
        let whole = try await GeneratedClip.mp4Faststart.make(in: directory)
        let data = try await readFile(whole)
        let cut = directory.file("cut.mp4")
        try await writeFile(data.prefix(data.count * 2 / 3), to: cut)

        let complete = try MediaFile.probe(whole.path)
        #expect(complete.integrity.checked)
        #expect(!complete.integrity.isTruncated)
        #expect(complete.integrity.indexedEnd == Int64(data.count))
        #expect(complete.integrity.indexedSamples > 25)

        let truncated = try MediaFile.probe(cut.path)
        #expect(truncated.integrity.isTruncated)
        #expect(truncated.integrity.samplesOutsideFile > 0)
        #expect(truncated.integrity.indexedEnd == Int64(data.count))
        // The header still describes the whole clip.
        #expect(truncated.duration == complete.duration)
    }

    @Test("Matroska has no byte index after the header, so the check is not made")
    func matroskaUnchecked() async throws {
        let directory = try TemporaryDirectory(prefix: "mediaprobe-integrity")
        let facts = try await MediaFile.probe(GeneratedClip.matroska.make(in: directory).path)
        #expect(!facts.integrity.checked)
        #expect(!facts.integrity.isTruncated)
        #expect(facts.integrity.indexedEnd == nil)
    }

    @Test("an MP4 whose ftyp box is gone has no major brand but still probes")
    func missingFileType() async throws {
        let directory = try TemporaryDirectory(prefix: "mediaprobe-integrity")
        var data = try await readFile(GeneratedClip.mp4Faststart.make(in: directory))
        // Rename the first box from `ftyp` to `free`: same layout, no brands.
        #expect(data[4..<8] == Data("ftyp".utf8))
        data.replaceSubrange(4..<8, with: Data("free".utf8))
        let url = directory.file("no-ftyp.mp4")
        try await writeFile(data, to: url)
        let facts = try MediaFile.probe(url.path)
        #expect(facts.container.family == .isoBaseMedia)
        #expect(facts.container.majorBrand == nil)
        #expect(facts.container.compatibleBrands.isEmpty)
        #expect(facts.videoStreams.count == 1)
    }

    @Test("a file cut inside its header throws instead of crashing")
    func truncatedHeader() async throws {
        let directory = try TemporaryDirectory(prefix: "mediaprobe-integrity")
        let data = try await readFile(GeneratedClip.mp4Faststart.make(in: directory))
        let url = directory.file("header-cut.mp4")
        try await writeFile(data.prefix(600), to: url)
        #expect(throws: MediaProbeError.self) { try MediaFile.probe(url.path) }
    }

    @Test("damaged bytes never crash the probe", arguments: [7, 42, 1234])
    func mutated(seed: UInt64) async throws {
        let directory = try TemporaryDirectory(prefix: "mediaprobe-integrity")
        let original = try await readFile(GeneratedClip.mp4Faststart.make(in: directory))
        var generator = SplitMix(seed: seed)
        var survived = 0
        for round in 0..<20 {
            var bytes = [UInt8](original)
            // Scribble over the header, where the structure lives.
            let limit = min(bytes.count, 4096)
            for _ in 0..<(1 + round) {
                bytes[Int(generator.next() % UInt64(limit))] = UInt8(truncatingIfNeeded: generator.next())
            }
            let url = directory.file("mutated-\(round).mp4")
            try await writeFile(Data(bytes), to: url)
            do {
                let facts = try MediaFile.probe(url.path)
                #expect(facts.fileSize == Int64(bytes.count))
                survived += 1
            } catch {
                #expect(error.path == url.path)
            }
        }
        // Not every mutation is fatal: most land in places FFmpeg tolerates.
        #expect(survived > 0)
    }
}

/// A small deterministic random generator, so damaged files are the same on every run.
struct SplitMix: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
