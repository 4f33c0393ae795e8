import Foundation
import Testing
import MediaProbe
import TestSupport

/// MediaProbe against ffprobe, on the committed samples and on clips made during the test.
@Suite("MediaProbe agrees with ffprobe")
struct DifferentialTests {
    /// Every media file under `samples/` (recursively), skipping hidden folders, scripts, JSON and READMEs.
    static func sampleFiles() -> [String] {
        let root = RepoPaths.samples.resolvingSymlinksInPath()
        guard let walker = FileManager.default.enumerator(
            at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        else { return [] }
        var files: [String] = []
        for case let url as URL in walker {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let name = url.lastPathComponent.lowercased()
            if name.hasPrefix("readme") || ["sh", "py", "json", "md"].contains(url.pathExtension.lowercased()) { continue }
            files.append(String(url.path.dropFirst(root.path.count + 1)))
        }
        return files.sorted()
    }

    @Test("samples/ file matches ffprobe", arguments: sampleFiles())
    func sample(_ relativePath: String) async throws {
        let path = RepoPaths.samples.resolvingSymlinksInPath().appendingPathComponent(relativePath).path
        try await expectAgreement(path: path, label: relativePath)
    }

    @Test("generated clip matches ffprobe", arguments: GeneratedClip.allCases)
    func generated(_ clip: GeneratedClip) async throws {
        let directory = try TemporaryDirectory(prefix: "mediaprobe-diff")
        let url = try await clip.make(in: directory)
        try await expectAgreement(path: url.path, label: clip.rawValue)
    }

    /// ffprobe reading the file means MediaProbe must read it with the same facts; ffprobe failing means MediaProbe
    /// throws too (ZIP archives excepted: MediaProbe names them instead).
    private func expectAgreement(path: String, label: String) async throws {
        let report = try await FFmpegTools.ffprobe(path)
        let outcome = Result { () throws(MediaProbeError) in try MediaFile.probe(path) }
        switch (outcome, report) {
        case let (.success(facts), report?):
            expectFacts(facts, match: report, file: label)
        case let (.success(facts), nil):
            #expect(facts.container.family == .zip, "\(label): ffprobe cannot read it, but MediaProbe returned \(facts.container.formatName)")
        case let (.failure(error), report?):
            Issue.record("\(label): ffprobe reads it as \(report.format.format_name), MediaProbe threw \(error)")
        case (.failure, nil):
            break
        }
    }
}

/// What specific generated clips must come out as, beyond agreeing with ffprobe.
@Suite("Generated clips")
struct GeneratedClipTests {
    @Test("rotation is read from the display matrix and swaps the displayed size",
          arguments: [GeneratedClip.rotated90, .rotated180, .rotated270])
    func rotation(_ clip: GeneratedClip) async throws {
        let directory = try TemporaryDirectory(prefix: "mediaprobe-rotation")
        let facts = try await MediaFile.probe(clip.make(in: directory).path)
        let video = try #require(facts.videoStreams.first)
        #expect(video.rotation == clip.rotation)
        #expect(video.width == 176 && video.height == 96)
        if clip.rotation == 180 {
            #expect(video.displayWidth == 176 && video.displayHeight == 96)
        } else {
            #expect(video.displayWidth == 96 && video.displayHeight == 176)
        }
    }

    @Test("portrait clip is tall without rotation")
    func portrait() async throws {
        let directory = try TemporaryDirectory(prefix: "mediaprobe-portrait")
        let facts = try await MediaFile.probe(GeneratedClip.portrait.make(in: directory).path)
        let video = try #require(facts.videoStreams.first)
        #expect(video.rotation == 0)
        #expect(video.displayWidth == 96 && video.displayHeight == 176)
    }

    @Test("container families and brands")
    func families() async throws {
        let directory = try TemporaryDirectory(prefix: "mediaprobe-family")
        let mov = try await MediaFile.probe(GeneratedClip.quickTimeMOV.make(in: directory).path)
        #expect(mov.container.family == .isoBaseMedia)
        #expect(mov.container.majorBrand == "qt  ")
        let mp4 = try await MediaFile.probe(GeneratedClip.mp4Faststart.make(in: directory).path)
        #expect(mp4.container.majorBrand == "isom")
        #expect(mp4.container.compatibleBrands.contains("mp41"))
        let mkv = try await MediaFile.probe(GeneratedClip.matroska.make(in: directory).path)
        #expect(mkv.container.family == .matroska)
        let webm = try await MediaFile.probe(GeneratedClip.webm.make(in: directory).path)
        #expect(webm.container.family == .webm)
        #expect(webm.videoStreams.first?.codec == "vp9")
    }

    @Test("fragmented MP4 without an mvhd duration still has ffprobe's duration")
    func fragmented() async throws {
        let directory = try TemporaryDirectory(prefix: "mediaprobe-fragmented")
        let url = try await GeneratedClip.fragmentedMP4.make(in: directory)
        let facts = try MediaFile.probe(url.path)
        let report = try #require(try await FFmpegTools.ffprobe(url.path))
        let expected = try #require(report.format.duration.flatMap(Double.init))
        let duration = try #require(facts.duration)
        #expect(abs(duration - expected) < 0.001)
        #expect(duration > 1.9)
        #expect(facts.videoStreams.first?.isVariableFrameRate == false)
        // The picture's own length comes from the fragments too, as ffprobe's stream duration does.
        let picture = try #require(report.streams.first { $0.codec_type == "video" }?.duration.flatMap(Double.init))
        let videoDuration = try #require(facts.videoDuration)
        #expect(abs(videoDuration - picture) < 0.002)
        #expect(videoDuration > 1.9)
    }

    @Test("the picture's own duration: shorter or longer than the sound, and after an edit list that trims the start",
          arguments: [GeneratedClip.pictureShorterThanSound, .pictureLongerThanSound, .editListTrimsStart])
    func pictureDuration(_ clip: GeneratedClip) async throws {
        let directory = try TemporaryDirectory(prefix: "mediaprobe-picture")
        let url = try await clip.make(in: directory)
        let expected = try #require(clip.expectedDurations)
        let facts = try MediaFile.probe(url.path)
        let file = try #require(facts.duration), picture = try #require(facts.videoDuration)
        // AAC adds at most a frame (1024 samples at 48 kHz) where no edit list hides its padding.
        #expect(abs(file - expected.file) < 0.03, "file \(file) s")
        #expect(abs(picture - expected.picture) < 0.002, "picture \(picture) s")
        let report = try #require(try await FFmpegTools.ffprobe(url.path))
        let theirs = try #require(report.streams.first { $0.codec_type == "video" }?.duration.flatMap(Double.init))
        #expect(abs(picture - theirs) < 0.002, "picture \(picture) s vs ffprobe's stream duration \(theirs) s")
        if clip == .editListTrimsStart {
            // The media keeps the frames from the 1 s key frame on: counting them would overstate the picture.
            let video = try #require(facts.videoStreams.first)
            #expect(video.frameCount == 75)
            #expect(video.duration == picture)
        }
    }

    @Test("audio-less clip has one video stream and no audio")
    func audioless() async throws {
        let directory = try TemporaryDirectory(prefix: "mediaprobe-audioless")
        let facts = try await MediaFile.probe(GeneratedClip.audioless.make(in: directory).path)
        #expect(facts.streams.map(\.kind) == [.video])
        #expect(facts.audioStreams.isEmpty)
    }

    @Test("variable frame rate is seen in the index; constant is not")
    func variableFrameRate() async throws {
        let directory = try TemporaryDirectory(prefix: "mediaprobe-vfr")
        let variable = try await MediaFile.probe(GeneratedClip.variableFrameRate.make(in: directory).path)
        #expect(variable.videoStreams.first?.isVariableFrameRate == true)
        let constant = try await MediaFile.probe(GeneratedClip.mp4MoovAtEnd.make(in: directory).path)
        #expect(constant.videoStreams.first?.isVariableFrameRate == false)
        let hevc = try await MediaFile.probe(GeneratedClip.hevcMP4.make(in: directory).path)
        #expect(hevc.videoStreams.first?.codec == "hevc")
        #expect(hevc.videoStreams.first?.isVariableFrameRate == false)
    }
}
