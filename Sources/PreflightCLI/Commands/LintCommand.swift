import ArgumentParser
import Foundation
import MediaProbe
import MetaStudio
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

            Reports: --format picks the report on standard output (text, json, sarif, junit or html). Each \
            --output FORMAT:FILE writes one more report to FILE, so text can go to the terminal and SARIF or JUnit \
            to files in the same run; a bare --output FILE writes the --format report to FILE instead of standard \
            output. --quiet leaves passing files (and the summary line) out of text reports.

            Examples:
              preflight lint take-3.mp4
              preflight lint --format json recordings/ > report.json
              preflight lint --output sarif:preflight.sarif --output junit:preflight.xml recordings/
              preflight lint --quiet --role action-video dance/
              preflight lint --deep --background-replacement take-3.mp4
            """
    )

    @Option(help: "What the files are for: \(Role.allCases.map(\.rawValue).joined(separator: ", ")).")
    var role: Role = .trainingVideo

    @OptionGroup var reports: OutputOptions<ReportFormat>

    @Option(name: .customLong("report"), help: ArgumentHelp(
        "Also write one self-contained HTML page to FILE: each file's verdict and findings, and with --deep a contact sheet of sampled frames (flagged moments marked) and a plot of the sound's level (silence and clipping marked). The same as --output html:FILE.",
        valueName: "file.html"), completion: .file(extensions: ["html"]))
    var htmlReport: String?
    @Flag(name: [.short, .long], help: "In text reports, show only failing files (with their findings), for big batches.")
    var quiet = false

    @Option(help: "How many files to probe at once (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Also check what the reviewer sees and hears (black bars, silence, stills, cuts, loudness…): decodes the sound and samples the picture, so it reads the whole file.")
    var deep = false

    @Flag(help: "With --deep: the job replaces the background (is_background_replacement), so a green screen is required.")
    var backgroundReplacement = false

    @Option(help: "With --deep: where the voice is trained from, VIDEO (the video's sound, the default) or AUDIO (separate audio files; a silent track is then only a warning).")
    var audioSourceType: VoiceSource = .video

    @Argument(help: "Files or directories to check.")
    var paths: [String]

    /// Every `--output`, and the `--report` page as an HTML one.
    var destinations: [ReportDestination] {
        reports.output + (htmlReport.map { [ReportDestination(format: .html, path: $0)] } ?? [])
    }

    func validate() throws {
        if paths.isEmpty { throw ValidationError("Give at least one file or directory to check.") }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
        try ReportDestination.validate(destinations)
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
        let written = reports.writeFiles(destinations) { render(report, as: $0, colour: false) }
        if reports.writesStandardOutput {
            let format = reports.format
            writeOut(render(report, as: format, colour: format == .text && stdoutWantsColour()))
        }
        if !written { throw ExitStatus.toolFailed }
        throw report.passed ? ExitStatus.success : ExitStatus.lintFailed
    }

    func render(_ report: LintReport, as format: ReportFormat, colour: Bool) -> String {
        switch format {
        case .text: return TextReporter(colour: colour, onlyFailing: quiet).render(report)
        case .json: return JSONReporter().render(report)
        case .sarif:
            return SARIFReporter(toolVersion: PreflightVersion.current,
                                 workingDirectory: FileManager.default.currentDirectoryPath).render(report)
        case .junit: return JUnitReporter().render(report)
        case .html: return HTMLReporter().render(report)
        }
    }
}
