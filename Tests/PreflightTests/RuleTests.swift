import MediaProbe
import FoundationEssentials
import Foundation
import Testing
@testable import Preflight

@Suite("Video rules")
struct RuleTests {
    let good = FactsBuilder()

    static let durationCases: [(Double, [String])] = [
        (179.9, ["duration.too-short"]), (179.999, ["duration.too-short"]), (180.0, []), (180.0001, []), (599.999, []),
        (600.0, []), (600.001, ["duration.too-long"]), (600.1, ["duration.too-long"]), (0.5, ["duration.too-short"]),
        (3600, ["duration.too-long"]),
    ]

    @Test("a clean 1080p MP4 has no findings", arguments: [Role.trainingVideo, .actionVideo])
    func cleanFile(role: Role) {
        #expect(good.findings(role: role).isEmpty)
    }

    @Test("rule identifiers are unique and stable in form")
    func uniqueIdentifiers() {
        let ids = RuleRegistry.all.map(\.id)
        #expect(Set(ids).count == ids.count)
        for id in ids { #expect(id.range(of: #"^[a-z0-9-]+\.[a-z0-9-]+$"#, options: .regularExpression) != nil, "\(id)") }
        let required = ["file.unreadable", "container.not-mp4", "video.missing", "resolution.unsupported", "duration.too-short",
                        "duration.too-long", "media.truncated", "audio.missing", "size.too-large", "frame-rate.unusual",
                        "codec.unusual", "extension.mismatch"]
        for id in required { #expect(ids.contains(id), "\(id) is registered") }
        #expect(RuleRegistry.description(of: "media.truncated")?.severity == .error)
        #expect(RuleRegistry.description(of: "audio.missing")?.severity == .warning)
    }

    // MARK: duration

    @Test("duration boundaries: 179.9 fails, 180 and 600 pass, 600.1 fails",
          arguments: RuleTests.durationCases)
    func durationBoundaries(duration: Double, expected: [String]) {
        #expect(good.with { $0.duration = duration }.ruleIDs() == expected)
    }

    @Test("a short video's message states the gap in seconds")
    func shortMessage() throws {
        let finding = try #require(good.with { $0.duration = 179.5 }.findings().first)
        #expect(finding.message.hasPrefix("179.5 s is 0.5 s short of the 3-minute minimum (180 s)"))
        #expect(finding.actual == "179.5 s")
        #expect(finding.severity == .error)
    }

    @Test("a long video's message states the gap and a trim command")
    func longMessage() throws {
        let finding = try #require(good.with { $0.duration = 612.25; $0.path = "my take.mp4" }.findings().first)
        #expect(finding.rule == "duration.too-long")
        #expect(finding.message.hasPrefix("612.25 s is 12.25 s over the 10-minute maximum (600 s)"))
        #expect(finding.message.contains("ffmpeg -i 'my take.mp4' -t 600"))
    }

    @Test("an unknown duration is an error of its own")
    func unknownDuration() throws {
        #expect(good.with { $0.duration = nil }.ruleIDs() == ["duration.unknown"])
        let finding = try #require(good.with { $0.duration = nil }.findings().first)
        #expect(finding.message.hasPrefix("neither the container nor the video stream states a duration"))
    }

    /// Picture (video stream) and sound (audio stream) lengths, and the rules they break. The file lasts as long as
    /// the longer of the two, as libavformat's `format.duration` would.
    static let pictureAndSoundCases: [(picture: Double, sound: Double, expected: [String])] = [
        (179.9, 200, ["duration.too-short"]), (179.9, 170, ["duration.too-short"]),
        (180, 200, []), (180, 179, []),
        (600, 590, []), (600, 610, ["duration.too-long"]),
        (600.1, 590, ["duration.too-long"]), (600.1, 620, ["duration.too-long"]),
        (179.9, 650, ["duration.too-short", "duration.too-long"]),
    ]

    @Test("the picture's own length is judged as well as the file's, at both limits",
          arguments: RuleTests.pictureAndSoundCases)
    func pictureAndSound(picture: Double, sound: Double, expected: [String]) {
        let take = good.with { $0.duration = max(picture, sound); $0.videoDuration = picture; $0.audioDuration = sound }
        #expect(take.ruleIDs() == expected, "picture \(picture) s, sound \(sound) s")
    }

    @Test("a picture shorter than its sound: the message names the picture and both lengths")
    func shortPictureMessage() throws {
        let finding = try #require(good.with { $0.duration = 200; $0.videoDuration = 170 }.findings().first)
        #expect(finding.rule == "duration.too-short")
        #expect(finding.message.hasPrefix(
            "the picture lasts 170 s (the file 200 s: the sound runs on 30 s); the review needs at least 180 s of picture, 10 s more: record a longer take"))
        #expect(finding.actual == "picture 170 s, file 200 s")
    }

    @Test("a file too long only because its sound runs on: the message names the file and gives a trim command")
    func longFileMessage() throws {
        let finding = try #require(good.with { $0.duration = 620; $0.videoDuration = 590; $0.path = "my take.mp4" }.findings().first)
        #expect(finding.rule == "duration.too-long")
        #expect(finding.message.hasPrefix(
            "the file lasts 620 s (the picture 590 s: the sound runs on 30 s); the review accepts at most 600 s, 20 s over: trim it"))
        #expect(finding.message.contains("ffmpeg -i 'my take.mp4' -t 600"))
        #expect(finding.actual == "file 620 s, picture 590 s")
    }

    @Test("a header shorter than the picture: whichever breaks the limit is named")
    func fileShorterThanPicture() throws {
        let short = try #require(good.with { $0.duration = 179; $0.videoDuration = 181 }.findings().first)
        #expect(short.message.hasPrefix("the file lasts 179 s (the picture 181 s); the review needs at least 180 s, 1 s more"))
        let long = try #require(good.with { $0.duration = 598; $0.videoDuration = 605 }.findings().first)
        #expect(long.rule == "duration.too-long")
        #expect(long.message.hasPrefix("the picture lasts 605 s (the file 598 s); the review accepts at most 600 s of picture, 5 s over"))
    }

    @Test("without a longer sound track the gap is not blamed on the sound")
    func noSoundToBlame() throws {
        let finding = try #require(good.with { $0.hasAudio = false; $0.duration = 200; $0.videoDuration = 170 }.findings().first)
        #expect(finding.message.hasPrefix("the picture lasts 170 s (the file 200 s, 30 s more than the picture)"))
    }

    static let frameCountCases: [(frames: Int, rate: Double, expected: [String])] = [
        (4250, 25, ["duration.too-short"]), (4499, 25, ["duration.too-short"]), (4500, 25, []), (15_000, 25, []),
        (15_001, 25, ["duration.too-long"]), (5394, 29.97, ["duration.too-short"]), (5395, 29.97, []),
    ]

    @Test("a video stream without a stated duration is judged by frames ÷ rate", arguments: RuleTests.frameCountCases)
    func framesOverRate(frames: Int, rate: Double, expected: [String]) {
        let take = good.with { $0.duration = 300; $0.videoStatesDuration = false; $0.videoFrameCount = frames; $0.frameRate = rate }
        #expect(take.ruleIDs() == expected, "\(frames) frames at \(rate) fps")
        if frames == 4250 {
            #expect(take.findings().first?.message.hasPrefix("the picture lasts 170 s (the file 300 s") == true)
        }
    }

    @Test("a video stream with neither duration nor frame count leaves the file's duration to judge (fragmented MP4)",
          arguments: [(300.0, [String]()), (170.0, ["duration.too-short"]), (650.0, ["duration.too-long"])])
    func pictureUnknown(file: Double, expected: [String]) throws {
        let take = good.with { $0.duration = file; $0.videoStatesDuration = false }
        #expect(take.build().videoDuration == nil)
        #expect(take.ruleIDs() == expected)
        if let finding = take.findings().first {
            #expect(finding.actual == Format.seconds(file), "only the file's length is given")
        }
    }

    @Test("a file without a container duration is judged by its picture; duration.unknown needs both missing")
    func containerUnknown() {
        #expect(good.with { $0.duration = nil; $0.videoDuration = 300 }.ruleIDs() == [])
        #expect(good.with { $0.duration = nil; $0.videoDuration = 170 }.ruleIDs() == ["duration.too-short"])
        #expect(good.with { $0.duration = nil; $0.videoStatesDuration = false; $0.videoFrameCount = 7500 }.ruleIDs() == [])
    }

    // MARK: resolution

    @Test("accepted resolutions pass in every rotation",
          arguments: [(1920, 1080), (1080, 1920), (3840, 2160), (2160, 3840)], [0, 90, 180, 270])
    func acceptedResolutions(size: (Int, Int), rotation: Int) {
        // Rotating by 90 or 270 swaps the displayed size, which is still one of the accepted four.
        #expect(good.with { $0.width = size.0; $0.height = size.1; $0.rotation = rotation }.ruleIDs() == [])
    }

    @Test("a 1920×1080 stream rotated 90° is portrait 1080×1920 as displayed and passes")
    func rotatedPortrait() {
        let facts = good.with { $0.rotation = 90 }.build()
        #expect(facts.videoStreams.first?.displayWidth == 1080)
        #expect(good.with { $0.rotation = 90 }.ruleIDs().isEmpty)
        #expect(good.with { $0.rotation = 270 }.ruleIDs().isEmpty)
    }

    @Test("other sizes fail in every rotation",
          arguments: [(1280, 720), (1920, 1088), (1440, 1080), (2560, 1440), (4096, 2160), (1080, 1080), (7680, 4320)], [0, 90, 180, 270])
    func rejectedResolutions(size: (Int, Int), rotation: Int) {
        #expect(good.with { $0.width = size.0; $0.height = size.1; $0.rotation = rotation }.ruleIDs() == ["resolution.unsupported"])
    }

    @Test("a near miss suggests the crop, a small video says not to upscale")
    func resolutionAdvice() throws {
        let crop = try #require(good.with { $0.height = 1088 }.findings().first)
        #expect(crop.message.contains("crop=1920:1080"))
        #expect(crop.actual == "1920×1088")
        let small = try #require(good.with { $0.width = 1280; $0.height = 720 }.findings().first)
        #expect(small.message.contains("smaller than 1920×1080"))
    }

    // MARK: container

    @Test("ISO base media with an MP4 brand is MP4", arguments: ["isom", "mp42", "mp41", "iso6", "avc1", "M4V "])
    func mp4Brands(brand: String) {
        #expect(good.with { $0.majorBrand = brand; $0.compatibleBrands = [brand] }.ruleIDs().isEmpty)
    }

    @Test("a QuickTime brand never counts, even with MP4 compatible brands or an .mp4 name")
    func quickTime() throws {
        let findings = good.with { $0.majorBrand = "qt  "; $0.compatibleBrands = ["qt  ", "isom"] }.findings()
        #expect(findings.map(\.rule) == ["container.not-mp4", "extension.mismatch"])
        let message = findings[0].message
        #expect(message.contains("QuickTime MOV"))
        #expect(message.contains("ffmpeg -i take.mp4 -map 0:v -map 0:a? -c copy -movflags +faststart take.remux.mp4"))
    }

    @Test("a MOV named .mov gets the exact remux command and no extension warning")
    func movRemux() throws {
        let findings = good.with { $0.majorBrand = "qt  "; $0.compatibleBrands = ["qt  "]; $0.path = "clips/take 1.mov" }.findings()
        #expect(findings.map(\.rule) == ["container.not-mp4"])
        #expect(findings[0].message.hasSuffix("ffmpeg -i 'clips/take 1.mov' -map 0:v -map 0:a? -c copy -movflags +faststart 'clips/take 1.mp4'"))
    }

    @Test("other containers fail whatever the extension",
          arguments: [(ContainerFamily.matroska, "take.mkv"), (.webm, "take.webm"), (.avi, "take.avi"), (.mpegTS, "take.ts"), (.matroska, "take.mp4")])
    func otherContainers(family: ContainerFamily, path: String) {
        let ids = good.with { $0.family = family; $0.majorBrand = nil; $0.compatibleBrands = []; $0.path = path }.ruleIDs()
        #expect(ids.first == "container.not-mp4")
        #expect(ids.contains("extension.mismatch") == path.hasSuffix(".mp4"))
    }

    @Test("a 3GPP brand without MP4 compatibility is not MP4")
    func threeGPP() {
        #expect(good.with { $0.majorBrand = "3gp5"; $0.compatibleBrands = ["3gp5"]; $0.path = "a.3gp" }.ruleIDs() == ["container.not-mp4"])
    }

    @Test("ISO base media without an ftyp is not MP4")
    func noFtyp() {
        #expect(good.with { $0.majorBrand = nil; $0.compatibleBrands = [] }.ruleIDs() == ["container.not-mp4"])
    }

    // MARK: streams

    @Test("an audio-only file fails with video.missing, and gets no audio or codec warnings")
    func audioOnly() {
        #expect(good.with { $0.hasVideo = false }.ruleIDs() == ["video.missing"])
    }

    @Test("cover art is not a video stream")
    func coverArtOnly() throws {
        let findings = good.with { $0.hasVideo = false; $0.coverArt = true }.findings()
        #expect(findings.map(\.rule) == ["video.missing"])
        #expect(findings[0].message.contains("cover picture"))
    }

    @Test("a silent video passes with an audio.missing warning")
    func silent() {
        let builder = good.with { $0.hasAudio = false }
        #expect(builder.ruleIDs() == ["audio.missing"])
        #expect(builder.findings().allSatisfy { $0.severity == .warning })
    }

    @Test("truncated media is an error naming the missing bytes")
    func truncated() throws {
        let builder = good.with {
            $0.fileSize = 1_000_000
            $0.integrity = IndexIntegrity(checked: true, indexedSamples: 4500, samplesOutsideFile: 1200, indexedEnd: 3_000_000)
        }
        let finding = try #require(builder.findings().first)
        #expect(finding.rule == "media.truncated")
        #expect(finding.message.contains("1200 of 4500 indexed samples"))
        #expect(finding.message.contains("1.9 MiB missing"))
        #expect(good.with { $0.integrity = IndexIntegrity(checked: false, indexedSamples: 0, samplesOutsideFile: 0, indexedEnd: nil) }.ruleIDs().isEmpty)
    }

    @Test("size boundary: 5 GiB passes, one byte more warns")
    func size() {
        let limit: Int64 = 5 * 1024 * 1024 * 1024
        #expect(good.with { $0.fileSize = limit }.ruleIDs().isEmpty)
        #expect(good.with { $0.fileSize = limit + 1 }.ruleIDs() == ["size.too-large"])
    }

    @Test("frame rates: 25, 29.97, 30, 50, 59.94 and 60 are usual; 24, 23.976, 15, 120 and variable warn",
          arguments: [(25.0, false), (29.97, false), (30, false), (50, false), (59.94, false), (60, false),
                      (24, true), (23.976, true), (15, true), (120, true), (60.1, true)])
    func frameRates(rate: Double, warns: Bool) {
        #expect(good.with { $0.frameRate = rate }.ruleIDs() == (warns ? ["frame-rate.unusual"] : []))
    }

    @Test("a variable frame rate warns even at 30 fps on average")
    func variableRate() {
        #expect(good.with { $0.variableFrameRate = true; $0.frameRate = 30 }.ruleIDs() == ["frame-rate.unusual"])
    }

    @Test("codecs: H.264 and H.265 are expected; others warn", arguments: [("h264", false), ("hevc", false), ("mpeg4", true), ("av1", true), ("vp9", true), ("prores", true)])
    func codecs(codec: String, warns: Bool) {
        #expect(good.with { $0.videoCodec = codec }.ruleIDs() == (warns ? ["codec.unusual"] : []))
    }

    @Test("extension mismatch: MP4 content named .mov warns; .mp4 and .m4v do not", arguments: [("a.mov", true), ("a.MP4", false), ("a.m4v", false), ("a", true), ("a.mkv", true)])
    func extensions(path: String, warns: Bool) {
        #expect(good.with { $0.path = path }.ruleIDs() == (warns ? ["extension.mismatch"] : []))
    }

    @Test("several problems are all reported, errors before warnings")
    func ordering() {
        let report = FileReport(path: "x.mp4", role: .trainingVideo,
                                findings: good.with { $0.hasAudio = false; $0.duration = 30; $0.width = 640; $0.height = 360 }.findings(),
                                media: nil)
        #expect(report.findings.map(\.rule) == ["resolution.unsupported", "duration.too-short", "audio.missing"])
        #expect(report.verdict == .fail)
    }

    @Test("a report with only warnings passes")
    func warningsPass() {
        let report = FileReport(path: "x.mp4", role: .trainingVideo, findings: good.with { $0.hasAudio = false }.findings(), media: nil)
        #expect(report.verdict == .pass)
        #expect(LintReport(files: [report]).summary == Summary(files: [report]))
        #expect(LintReport(files: [report]).passed)
    }

    @Test("probe failures become file.unreadable errors naming the file",
          arguments: [MediaProbeError.Reason.notFound, .isDirectory, .permissionDenied, .empty, .notMedia(detail: "Invalid data found when processing input")])
    func unreadable(reason: MediaProbeError.Reason) {
        let finding = UnreadableFileRule.finding(for: MediaProbeError(path: "dir/x.mp4", reason: reason))
        #expect(finding.rule == "file.unreadable")
        #expect(finding.severity == .error)
        #expect(finding.message.hasPrefix("dir/x.mp4: "))
    }
}
