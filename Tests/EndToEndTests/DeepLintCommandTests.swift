import Foundation
import Testing
import TestSupport

/// `preflight lint --deep`, end to end, on generated takes.
@Suite("preflight lint --deep, end to end")
struct DeepLintCommandTests {
    static func rules(_ result: ProcessResult) throws -> [String] {
        let report = try LintCommandTests.decode(result)
        return report.files.flatMap { $0.findings.map(\.rule) }
    }

    @Test("--deep adds the content rules; plain lint stays header-only")
    func deepAddsContent() async throws {
        let url = try await ContentClipStore.shared.url(.pillarbox)
        let deep = try await runPreflight(["lint", "--deep", "--format", "json", url.path])
        #expect(deep.status == 1, "\(deep.stderr)")
        #expect(try Self.rules(deep).contains("picture.black-bars"))
        let plain = try await runPreflight(["lint", "--format", "json", url.path])
        #expect(!(try Self.rules(plain).contains("picture.black-bars")))
    }

    @Test("--background-replacement asks for green; --audio-source-type AUDIO makes a silent track a warning")
    func options() async throws {
        let grey = try await ContentClipStore.shared.url(.cleanLandscape)
        let replaced = try await runPreflight(["lint", "--deep", "--background-replacement", "--format", "json", grey.path])
        #expect(try Self.rules(replaced).contains("background.not-green"))
        let silent = try await ContentClipStore.shared.url(.silentTrack)
        let audio = try await runPreflight(["lint", "--deep", "--audio-source-type", "AUDIO", "--format", "json", silent.path])
        let report = try LintCommandTests.decode(audio)
        let finding = try #require(report.files.first?.findings.first { $0.rule == "audio.silent" })
        #expect(finding.severity == "warning")
    }

    @Test("--background-replacement without --deep is a usage error")
    func usage() async throws {
        let grey = try await ContentClipStore.shared.url(.cleanLandscape)
        let result = try await runPreflight(["lint", "--background-replacement", grey.path])
        #expect(result.status == 64, "\(result.stderr)")
    }
}
