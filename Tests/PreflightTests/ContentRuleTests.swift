import MediaProbe
import Testing
@testable import Preflight

/// Synthetic content facts, so that each content rule can be tested at its thresholds.
struct ContentBuilder {
    var width = 1920
    var height = 1080
    var active: PixelRect? = PixelRect(x: 0, y: 0, width: 1920, height: 1080)
    /// One sample a second for 300 s: a live picture (every step differs a little), not black, not green.
    var samples: [FrameSample] = (0..<300).map { second in
        FrameSample(time: Double(second), meanLuma: 110, darkShare: 0.05, difference: second == 0 ? nil : 3,
                    maxBlockDifference: second == 0 ? nil : 12, borderGreenShare: 0, interlaced: false)
    }
    var interlace: InterlaceCounts? = InterlaceCounts(topFieldFirst: 0, bottomFieldFirst: 0, progressive: 38, undetermined: 2)
    var integratedLoudness: Double? = -23
    var truePeak: Double? = -3
    var samplePeak = -4.0
    var clippedSamples = 0
    var totalSamples = 300 * 48_000
    /// Half-second levels: a silent opening of room tone, then speech with pauses.
    var windowLevels: [Double] = (0..<600).map { $0 < 20 ? -70 : ($0 % 3 == 0 ? -62 : -22) }
    var silences: [TimeSpan] = [TimeSpan(start: 0, end: 10)]
    var options = ContentCheckOptions()
    var facts = FactsBuilder()

    func with(_ change: (inout ContentBuilder) -> Void) -> ContentBuilder {
        var copy = self
        change(&copy)
        return copy
    }

    func subject() -> LintSubject {
        let media = facts.build()
        let video = VideoContentFacts(streamIndex: 0, displayWidth: width, displayHeight: height, activePicture: active,
                                      samples: samples, interlace: interlace, decodedFrames: samples.count + 40)
        let audio = AudioContentFacts(
            streamIndex: 1, sampleRate: 48_000, channels: 1, duration: 300, integratedLoudness: integratedLoudness,
            loudnessRange: 6, truePeak: truePeak, samplePeak: samplePeak, rmsLevel: -26, clippedSamples: clippedSamples,
            totalSamples: totalSamples, windowSeconds: 0.5, windowLevels: windowLevels, silences: silences)
        return LintSubject(path: media.path, role: .trainingVideo, fileSize: media.fileSize, media: media,
                           content: .success(ContentFacts(video: video, audio: audio)), contentOptions: options)
    }

    func findings() -> [Finding] { RuleRegistry.contentRules.flatMap { $0.check(subject()) } }
    func ruleIDs() -> [String] { findings().map(\.rule) }

    /// Samples whose steps in `range` (sample indices) show the same picture.
    static func freezing(_ samples: [FrameSample], _ range: ClosedRange<Int>) -> [FrameSample] {
        var copy = samples
        for index in range where index > 0 && index < copy.count {
            copy[index].maxBlockDifference = 0.2
            copy[index].difference = 0.05
        }
        return copy
    }
}

@Suite("Content rules at their thresholds")
struct ContentRuleTests {
    let clean = ContentBuilder()

    @Test("a clean take gets no content finding, with or without background replacement on a green screen")
    func cleanTake() {
        #expect(clean.findings().isEmpty, "\(clean.findings())")
        let green = clean.with {
            $0.options.backgroundReplacement = true
            for index in $0.samples.indices { $0.samples[index].borderGreenShare = 0.9 }
        }
        #expect(green.findings().isEmpty)
    }

    @Test("content rule ids are registered with one severity each")
    func registered() {
        let expected: [String: Severity] = [
            "picture.black-bars": .error, "audio.silent": .error, "video.still": .error, "background.not-green": .error,
            "content.undecodable": .error, "audio.clipping": .warning, "audio.loudness": .warning, "audio.noisy": .warning,
            "opening.speech": .warning, "video.cuts": .warning, "video.black": .warning, "video.frozen": .warning,
            "video.interlaced": .warning, "color.hdr": .warning, "av.offset": .warning,
        ]
        for (id, severity) in expected { #expect(RuleRegistry.description(of: id)?.severity == severity, "\(id)") }
    }

    @Test("black bars: 80 % of the width passes, just under fails; the message gives both sizes",
          arguments: [(1536, false), (1535, true), (608, true)])
    func pillarbox(width: Int, fails: Bool) throws {
        let builder = clean.with { $0.active = PixelRect(x: (1920 - width) / 2, y: 0, width: width, height: 1080) }
        #expect(builder.ruleIDs().contains("picture.black-bars") == fails)
        if width == 608 {
            let finding = try #require(builder.findings().first)
            #expect(finding.severity == .error)
            #expect(finding.message.hasPrefix("active picture 608×1080 of 1920×1080"), "\(finding.message)")
        }
    }

    @Test("letterbox: 864 of 1080 rows passes, 863 fails", arguments: [(864, false), (863, true)])
    func letterbox(height: Int, fails: Bool) {
        let builder = clean.with { $0.active = PixelRect(x: 0, y: (1080 - height) / 2, width: 1920, height: height) }
        #expect(builder.ruleIDs().contains("picture.black-bars") == fails)
    }

    @Test("silent: a peak just under −60 dBFS is silent, at −60 it is not; 95 % silence is silent")
    func silent() throws {
        #expect(clean.with { $0.samplePeak = -60.01 }.ruleIDs().contains("audio.silent"))
        #expect(!clean.with { $0.samplePeak = -60 }.ruleIDs().contains("audio.silent"))
        #expect(clean.with { $0.silences = [TimeSpan(start: 0, end: 285)] }.ruleIDs().contains("audio.silent"))
        #expect(!clean.with { $0.silences = [TimeSpan(start: 0, end: 284.9)] }.ruleIDs().contains("audio.silent"))
        let error = try #require(clean.with { $0.samplePeak = -90 }.findings().first { $0.rule == "audio.silent" })
        #expect(error.severity == .error)
        let warning = try #require(clean.with { $0.samplePeak = -90; $0.options.audioSource = .audio }
            .findings().first { $0.rule == "audio.silent" })
        #expect(warning.severity == .warning)
    }

    @Test("still: 90 % frozen steps is still (and then not also frozen); 89 % is frozen, not still")
    func still() {
        let still = clean.with { $0.samples = ContentBuilder.freezing($0.samples, 1...270) }
        #expect(still.ruleIDs().contains("video.still"))
        #expect(!still.ruleIDs().contains("video.frozen"))
        let almost = clean.with { $0.samples = ContentBuilder.freezing($0.samples, 1...264) }
        #expect(!almost.ruleIDs().contains("video.still"))
        #expect(almost.ruleIDs().contains("video.frozen"))
    }

    @Test("frozen: 5 s of identical samples warns, 4 s does not; the message gives the span")
    func frozen() throws {
        let five = clean.with { $0.samples = ContentBuilder.freezing($0.samples, 101...105) }
        let finding = try #require(five.findings().first { $0.rule == "video.frozen" })
        #expect(finding.message.hasPrefix("frozen from 100.0 s to 105.0 s"), "\(finding.message)")
        #expect(!clean.with { $0.samples = ContentBuilder.freezing($0.samples, 101...104) }.ruleIDs().contains("video.frozen"))
    }

    @Test("frozen ignores a block difference of exactly 1 level (live), trips below it")
    func frozenLevel() {
        let live = clean.with { for index in 101...110 { $0.samples[index].maxBlockDifference = 1.0 } }
        #expect(!live.ruleIDs().contains("video.frozen"))
        let frozen = clean.with { for index in 101...110 { $0.samples[index].maxBlockDifference = 0.99 } }
        #expect(frozen.ruleIDs().contains("video.frozen"))
    }

    @Test("black: two black samples (2 s) warn, one does not; the message gives the span")
    func black() throws {
        let two = clean.with { for index in 98...99 { $0.samples[index].darkShare = 0.98 } }
        let finding = try #require(two.findings().first { $0.rule == "video.black" })
        #expect(finding.message.hasPrefix("black from 98.0 s to 100.0 s"), "\(finding.message)")
        #expect(!clean.with { $0.samples[98].darkShare = 1 }.ruleIDs().contains("video.black"))
        #expect(!clean.with { for index in 98...99 { $0.samples[index].darkShare = 0.979 } }.ruleIDs().contains("video.black"))
    }

    @Test("cuts: a jump of 20 levels at 4× its neighbours is a cut; 19.9, or a busy neighbour, is not")
    func cuts() throws {
        let cut = clean.with { $0.samples[150].difference = 20 }
        let finding = try #require(cut.findings().first { $0.rule == "video.cuts" })
        #expect(finding.message.contains("between 149.0 s and 150.0 s"))
        #expect(!clean.with { $0.samples[150].difference = 19.9 }.ruleIDs().contains("video.cuts"))
        #expect(!clean.with { $0.samples[150].difference = 20; $0.samples[151].difference = 5.1 }.ruleIDs().contains("video.cuts"))
    }

    @Test("interlaced: more than half the samples flagged, or idet 2× progressive over 10 frames")
    func interlaced() {
        let half = clean.with { for index in 0..<150 { $0.samples[index].interlaced = true } }
        #expect(!half.ruleIDs().contains("video.interlaced"))
        let most = clean.with { for index in 0..<151 { $0.samples[index].interlaced = true } }
        #expect(most.ruleIDs().contains("video.interlaced"))
        let idet = clean.with { $0.interlace = InterlaceCounts(topFieldFirst: 21, bottomFieldFirst: 0, progressive: 10, undetermined: 9) }
        #expect(idet.ruleIDs().contains("video.interlaced"))
        let even = clean.with { $0.interlace = InterlaceCounts(topFieldFirst: 20, bottomFieldFirst: 0, progressive: 10, undetermined: 10) }
        #expect(!even.ruleIDs().contains("video.interlaced"))
    }

    @Test("not green: only with background replacement on; a 50 % green border passes, 49 % fails")
    func green() throws {
        let grey = clean.with { $0.options.backgroundReplacement = true }
        let finding = try #require(grey.findings().first { $0.rule == "background.not-green" })
        #expect(finding.severity == .error)
        let half = grey.with { for index in $0.samples.indices { $0.samples[index].borderGreenShare = 0.5 } }
        #expect(!half.ruleIDs().contains("background.not-green"))
        let under = grey.with { for index in $0.samples.indices { $0.samples[index].borderGreenShare = 0.49 } }
        #expect(under.ruleIDs().contains("background.not-green"))
    }

    @Test("clipping: more than 0.01 % of samples clipped warns, exactly 0.01 % does not")
    func clipping() {
        #expect(!clean.with { $0.clippedSamples = 1440 }.ruleIDs().contains("audio.clipping"))
        #expect(clean.with { $0.clippedSamples = 1441 }.ruleIDs().contains("audio.clipping"))
    }

    @Test("loudness: −35 and −10 LUFS pass, beyond them warns", arguments: [
        (-35.0, false), (-35.01, true), (-10.0, false), (-9.99, true), (-23.0, false),
    ])
    func loudness(value: Double, warns: Bool) {
        #expect(clean.with { $0.integratedLoudness = value }.ruleIDs().contains("audio.loudness") == warns)
    }

    @Test("noisy: a floor of −45 dBFS passes, above it warns")
    func noisy() {
        #expect(!clean.with { $0.windowLevels = $0.windowLevels.map { max($0, -45) } }.ruleIDs().contains("audio.noisy"))
        let noisy = clean.with { $0.windowLevels = $0.windowLevels.map { max($0, -44.9) } }
        #expect(noisy.ruleIDs().contains("audio.noisy"))
    }

    @Test("opening: −40 dBFS in the first 10 s passes, louder warns; a window from 10 s on is not the opening")
    func opening() throws {
        #expect(!clean.with { $0.windowLevels[5] = -40 }.ruleIDs().contains("opening.speech"))
        let loud = clean.with { $0.windowLevels[5] = -39.9 }
        let finding = try #require(loud.findings().first { $0.rule == "opening.speech" })
        #expect(finding.message.hasPrefix("sound at −39.9 dBFS from 2.5 s in the first 10 s"), "\(finding.message)")
        #expect(!clean.with { $0.windowLevels[20] = -10 }.ruleIDs().contains("opening.speech"))
    }

    @Test("HDR: HLG and PQ warn, BT.709 does not", arguments: [("arib-std-b67", true), ("smpte2084", true), ("bt709", false)])
    func hdr(transfer: String, warns: Bool) {
        let builder = clean.with { $0.facts.colorTransfer = transfer }
        #expect(builder.ruleIDs().contains("color.hdr") == warns)
    }

    @Test("offset: sound 0.2 s late passes, 0.21 s warns; ending 1 s apart passes, 1.01 s warns")
    func offset() {
        #expect(!clean.with { $0.facts.audioStart = 0.2 }.ruleIDs().contains("av.offset"))
        #expect(clean.with { $0.facts.audioStart = 0.21 }.ruleIDs().contains("av.offset"))
        #expect(!clean.with { $0.facts.audioDuration = 301 }.ruleIDs().contains("av.offset"))
        #expect(clean.with { $0.facts.audioDuration = 301.01 }.ruleIDs().contains("av.offset"))
    }

    @Test("a file the content pass cannot decode gets one error naming the file and the stream")
    func undecodable() throws {
        var subject = clean.subject()
        subject.content = .success(ContentFacts(video: nil, audio: nil, videoProblem: "video stream #0: decoding failed (Invalid data)"))
        let findings = RuleRegistry.contentRules.flatMap { $0.check(subject) }
        let finding = try #require(findings.first)
        #expect(findings.count == 1 && finding.rule == "content.undecodable" && finding.severity == .error)
        #expect(finding.message.hasPrefix("take.mp4: video stream #0: decoding failed"))
    }
}
