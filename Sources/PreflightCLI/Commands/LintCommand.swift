import ArgumentParser
import Foundation
import MediaProbe
import Preflight

/// `preflight lint`: checks files against the service's review rules before anything is uploaded.
struct LintCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check media files against MetaStudio's review rules before upload.",
        discussion: """
            Directories are walked for media files. A file passes when no rule finds an error; warnings do not fail it.

            Exit status:
              0   every file passes (warnings allowed)
              1   at least one file fails
              2   the tool itself could not run (for example no media files under the given directories)
              64  usage error

            Examples:
              preflight lint take-3.mp4
              preflight lint --format json recordings/ > report.json
              preflight lint --role action-video dance.mp4
              preflight lint --deep --background-replacement take-3.mp4
            """
    )

    @Option(help: "What the files are for: \(Role.allCases.map(\.rawValue).joined(separator: ", ")).")
    var role: Role = .trainingVideo

    @Option(help: "Output format: text (for people) or json (a stable contract for other tools).")
    var format: OutputFormat = .text

    @Option(help: "How many files to probe at once (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Also check what the reviewer sees and hears (black bars, silence, stills, cuts, loudness…): decodes the sound and samples the picture, so it reads the whole file.")
    var deep = false

    @Flag(help: "With --deep: the job replaces the background (is_background_replacement), so a green screen is required.")
    var backgroundReplacement = false

    @Option(help: "With --deep: where the voice is trained from, VIDEO (the video's sound, the default) or AUDIO (separate audio files; a silent track is then only a warning).")
    var audioSourceType: AudioSourceType = .video

    @Argument(help: "Files or directories to check.")
    var paths: [String]

    func validate() throws {
        if paths.isEmpty { throw ValidationError("Give at least one file or directory to check.") }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
        if backgroundReplacement && !deep { throw ValidationError("--background-replacement is checked by the content rules; add --deep.") }
    }

    func run() async throws {
        AllocatorTuning.keepFreedMemoryForReuse()
        let contentChecks = deep
            ? ContentCheckOptions(backgroundReplacement: backgroundReplacement, audioSource: audioSourceType) : nil
        let report = await Linter(concurrency: jobs, contentChecks: contentChecks).lint(paths: paths, role: role)
        if report.files.isEmpty {
            printError("preflight: no media files found in \(paths.joined(separator: ", ")) for role \(role.rawValue)")
            throw ExitStatus.toolFailed
        }
        switch format {
        case .json: writeOut(JSONReporter().render(report))
        case .text: writeOut(TextReporter(colour: stdoutWantsColour()).render(report))
        }
        throw report.passed ? ExitStatus.success : ExitStatus.lintFailed
    }
}
