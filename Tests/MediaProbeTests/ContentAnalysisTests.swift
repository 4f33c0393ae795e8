import Foundation
import Testing
import MediaProbe
import TestSupport

/// `MediaFile.analyzeContent` on generated takes: what the sampled pictures and the decoded sound show.
@Suite("Content analysis")
struct ContentAnalysisTests {
    static func analyse(_ clip: ContentClip) async throws -> ContentFacts {
        let url = try await ContentClipStore.shared.url(clip)
        return try await onThread { try MediaFile.analyzeContent(url.path) }
    }

    @Test("a clean take: about one sample a second, the whole picture active, an opening silence, speech loudness")
    func clean() async throws {
        let facts = try await Self.analyse(.cleanLandscape)
        #expect(facts.videoProblem == nil && facts.audioProblem == nil)
        let video = try #require(facts.video)
        #expect(video.displayWidth == 320 && video.displayHeight == 180)
        #expect((13...15).contains(video.samples.count), "\(video.samples.map(\.time))")
        // Key frames only after the idet window: far fewer frames decoded than the 140 in the file.
        #expect(video.decodedFrames < 70, "\(video.decodedFrames)")
        let active = try #require(video.activePicture)
        #expect(active.width >= 316 && active.height >= 176, "\(active)")
        #expect(video.samples.allSatisfy { $0.darkShare < 0.5 && $0.borderGreenShare < 0.01 })
        // The person sways (a sine), so a step that lands on the turn barely moves; most steps move clearly.
        let moving = video.samples.dropFirst().filter { ($0.maxBlockDifference ?? 0) > 2 }.count
        #expect(moving >= (video.samples.count - 1) * 4 / 5, "\(video.samples.map { $0.maxBlockDifference ?? -1 })")
        let audio = try #require(facts.audio)
        #expect(abs(audio.duration - 14) < 0.2)
        #expect(audio.sampleRate == 48000 && audio.channels == 1)
        let loudness = try #require(audio.integratedLoudness)
        #expect((-30 ... -18).contains(loudness), "\(loudness)")
        #expect(audio.samplePeak < -15 && audio.samplePeak > -25, "\(audio.samplePeak)")
        #expect(audio.clippedSamples == 0)
        // The opening's room tone is below −60 dBFS: silencedetect finds it, from the start to about 10 s.
        let opening = try #require(audio.silences.first)
        #expect(opening.start < 0.1 && abs(opening.end - 10) < 0.3, "\(audio.silences)")
        #expect((138...141).contains(audio.windowLevels.count), "\(audio.windowLevels.count)")
        #expect(audio.windowLevels.prefix(99).allSatisfy { $0 < -60 })
    }

    @Test("pillarboxed portrait footage: cropdetect finds the 100-pixel-wide active picture")
    func pillarbox() async throws {
        let video = try #require(try await Self.analyse(.pillarbox).video)
        let active = try #require(video.activePicture)
        #expect(abs(active.width - 100) <= 4 && active.height >= 176, "\(active)")
        #expect(abs(active.x - 110) <= 4)
    }

    @Test("a portrait take is measured upright")
    func portrait() async throws {
        let video = try #require(try await Self.analyse(.cleanPortrait).video)
        #expect(video.displayWidth == 180 && video.displayHeight == 320)
        #expect(video.activePicture?.width ?? 0 >= 176)
    }

    @Test("a still photo: samples after the first do not differ")
    func still() async throws {
        let video = try #require(try await Self.analyse(.stillPhoto).video)
        #expect(video.samples.dropFirst().allSatisfy { ($0.maxBlockDifference ?? 99) < 1 }, "\(video.samples.map { $0.maxBlockDifference ?? -1 })")
    }

    @Test("green screen: the border is green")
    func green() async throws {
        let video = try #require(try await Self.analyse(.greenScreen).video)
        #expect(video.samples.allSatisfy { $0.borderGreenShare > 0.95 }, "\(video.samples.map(\.borderGreenShare))")
    }

    @Test("interlaced footage: the decoder flags the frames and idet sees interlacing")
    func interlaced() async throws {
        let video = try #require(try await Self.analyse(.interlaced).video)
        #expect(video.samples.allSatisfy { $0.interlaced })
        let counts = try #require(video.interlace)
        #expect(counts.interlaced > counts.progressive, "\(counts)")
        let clean = try #require(try await Self.analyse(.cleanLandscape).video)
        #expect(!clean.samples.contains { $0.interlaced })
    }

    @Test("a silent track has no peak and is all silence")
    func silent() async throws {
        let audio = try #require(try await Self.analyse(.silentTrack).audio)
        #expect(audio.samplePeak < -100)
        #expect(audio.silentShare > 0.95)
        #expect(audio.integratedLoudness == nil)
    }

    @Test("a clipped voice has clipped runs and a true peak above 0 dBTP")
    func clipped() async throws {
        let audio = try #require(try await Self.analyse(.clipped).audio)
        #expect(audio.clippedShare > 0.0005, "\(audio.clippedSamples) of \(audio.totalSamples)")
        #expect((audio.truePeak ?? -99) > -0.5)
    }

    @Test("a file that is not media throws, naming the file")
    func notMedia() async throws {
        let directory = try TemporaryDirectory(prefix: "content-not-media")
        let url = directory.file("notes.mp4")
        try await writeFile(Data("not a video at all".utf8), to: url)
        #expect(throws: MediaProbeError.self) { try MediaFile.analyzeContent(url.path) }
    }

    @Test("a file cut short: what could be read is analysed, never a crash or a hang")
    func truncated() async throws {
        let source = try await ContentClipStore.shared.url(.cleanLandscape)
        let directory = try TemporaryDirectory(prefix: "content-truncated")
        let url = directory.file("cut.mp4")
        let data = try await readFile(source)
        try await writeFile(data.prefix(data.count / 2), to: url)
        let facts = try await onThread { try MediaFile.analyzeContent(url.path) }
        // Either stream may or may not have given something; what matters is an answer.
        #expect(facts.video != nil || facts.videoProblem != nil)
        #expect(facts.audio != nil || facts.audioProblem != nil)
    }
}
