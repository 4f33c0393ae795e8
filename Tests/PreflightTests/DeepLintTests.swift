import Foundation
import MediaProbe
import Testing
import TestSupport
@testable import Preflight

/// `Linter` with content checks on generated takes: each rule's positive case, and clean takes that get no content
/// finding at all.
@Suite("Deep lint on generated takes")
struct DeepLintTests {
    static let contentIDs = Set(RuleRegistry.contentRules.map(\.description.id))

    /// The content findings for a clip (header findings such as the clips' small size and short length left out).
    static func contentFindings(_ clip: ContentClip, options: ContentCheckOptions = ContentCheckOptions()) async throws -> [Finding] {
        let url = try await ContentClipStore.shared.url(clip)
        let report = await Linter(concurrency: 1, contentChecks: options).lint(path: url.path, role: .trainingVideo)
        return report.findings.filter { contentIDs.contains($0.rule) }
    }

    @Test("a clean take gets no content finding", arguments: [ContentClip.cleanLandscape, .cleanPortrait])
    func clean(_ clip: ContentClip) async throws {
        let findings = try await Self.contentFindings(clip)
        #expect(findings.isEmpty, "\(findings.map { "\($0.rule): \($0.message)" })")
    }

    @Test("each faulty take trips its rule", arguments: [
        (ContentClip.pillarbox, "picture.black-bars"), (.letterbox, "picture.black-bars"), (.silentTrack, "audio.silent"),
        (.clipped, "audio.clipping"), (.noisy, "audio.noisy"), (.quiet, "audio.loudness"),
        (.speechOpening, "opening.speech"), (.stillPhoto, "video.still"), (.blackGap, "video.black"),
        (.frozenMiddle, "video.frozen"), (.hardCut, "video.cuts"), (.interlaced, "video.interlaced"), (.hlg, "color.hdr"),
        (.lateAudio, "av.offset"),
    ])
    func faulty(_ clip: ContentClip, rule: String) async throws {
        let findings = try await Self.contentFindings(clip)
        #expect(findings.contains { $0.rule == rule }, "\(findings.map { "\($0.rule): \($0.message)" })")
    }

    @Test("each faulty take trips only what it should", arguments: [
        (ContentClip.pillarbox, ["picture.black-bars"]), (.letterbox, ["picture.black-bars"]), (.silentTrack, ["audio.silent"]),
        (.quiet, ["audio.loudness"]), (.speechOpening, ["opening.speech"]), (.stillPhoto, ["video.still"]),
        (.blackGap, ["video.black"]), (.frozenMiddle, ["video.frozen"]), (.hardCut, ["video.cuts"]), (.hlg, ["color.hdr"]),
        (.lateAudio, ["av.offset"]),
    ])
    func precise(_ clip: ContentClip, rules: [String]) async throws {
        let findings = try await Self.contentFindings(clip)
        #expect(Set(findings.map(\.rule)) == Set(rules), "\(findings.map { "\($0.rule): \($0.message)" })")
    }

    @Test("the black gap's message gives its span in seconds")
    func blackMessage() async throws {
        let finding = try #require(try await Self.contentFindings(.blackGap).first { $0.rule == "video.black" })
        #expect(finding.message.hasPrefix("black from 5.0 s to 9.0 s"), "\(finding.message)")
    }

    @Test("the pillarbox message gives the active picture in pixels")
    func pillarboxMessage() async throws {
        let finding = try #require(try await Self.contentFindings(.pillarbox).first { $0.rule == "picture.black-bars" })
        #expect(finding.message.hasPrefix("active picture 100×180 of 320×180"), "\(finding.message)")
        #expect(finding.severity == .error)
    }

    @Test("a silent track is an error for VIDEO sound and a warning for AUDIO")
    func silentSeverity() async throws {
        let video = try #require(try await Self.contentFindings(.silentTrack).first { $0.rule == "audio.silent" })
        #expect(video.severity == .error)
        let audio = try #require(try await Self.contentFindings(.silentTrack, options: ContentCheckOptions(audioSource: .audio))
            .first { $0.rule == "audio.silent" })
        #expect(audio.severity == .warning)
    }

    @Test("background replacement: a green screen passes, a grey room fails")
    func greenScreen() async throws {
        let on = ContentCheckOptions(backgroundReplacement: true)
        let green = try await Self.contentFindings(.greenScreen, options: on)
        #expect(green.isEmpty, "\(green.map(\.message))")
        let grey = try await Self.contentFindings(.cleanLandscape, options: on)
        #expect(grey.map(\.rule) == ["background.not-green"])
        // Off (the default), nobody asks for green.
        #expect(try await Self.contentFindings(.cleanLandscape).isEmpty)
    }

    @Test("without content checks the linter reports no content rule and decodes nothing")
    func headerOnly() async throws {
        let url = try await ContentClipStore.shared.url(.silentTrack)
        let report = await Linter(concurrency: 1).lint(path: url.path, role: .trainingVideo)
        #expect(!report.findings.contains { Self.contentIDs.contains($0.rule) })
    }

    @Test("a file that is not media gets file.unreadable once, not a content finding too")
    func notMedia() async throws {
        let directory = try TemporaryDirectory(prefix: "deep-not-media")
        let url = directory.file("take.mp4")
        try await writeFile(Data(repeating: 0x41, count: 4096), to: url)
        let report = await Linter(concurrency: 1, contentChecks: ContentCheckOptions()).lint(path: url.path, role: .trainingVideo)
        #expect(report.findings.map(\.rule) == ["file.unreadable"])
    }
}
