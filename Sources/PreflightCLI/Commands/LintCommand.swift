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

    @Option(help: "Report format on standard output: text (for people), json (a stable contract for other tools), sarif (SARIF 2.1.0, for code scanning) or junit (JUnit XML, for CI test views).")
    var format: ReportFormat = .text

    @Option(name: .long, help: ArgumentHelp(
        "Also write a report to a file: FORMAT:FILE (text, json, sarif, junit, html), or a bare FILE for the --format report instead of standard output. Repeatable.",
        valueName: "[format:]file"), completion: .file(), transform: ReportDestination.parse)
    var output: [ReportDestination] = []

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
        output + (htmlReport.map { [ReportDestination(format: .html, path: $0)] } ?? [])
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
        var failedWrites = false
        for destination in destinations {
            let destinationFormat = destination.format ?? format
            let text = render(report, as: destinationFormat, colour: false)
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: destination.path), options: .atomic)
            } catch {
                printError("preflight: could not write the \(destinationFormat.rawValue) report to \(destination.path): \(Self.reason(error, path: destination.path))")
                failedWrites = true
            }
        }
        if !output.contains(where: { $0.format == nil }) {
            writeOut(render(report, as: format, colour: format == .text && stdoutWantsColour()))
        }
        if failedWrites { throw ExitStatus.toolFailed }
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

    /// Why writing `path` failed, in plain words rather than Foundation's wrapping.
    static func reason(_ error: any Error, path: String) -> String {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            return "it is a folder"
        }
        let parent = URL(fileURLWithPath: path).deletingLastPathComponent().path
        if !FileManager.default.fileExists(atPath: parent) { return "no such folder, \(parent)" }
        if let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        switch (error as? CocoaError)?.code {
        case .fileWriteNoPermission?: return "permission denied"
        case .fileWriteVolumeReadOnly?: return "read-only file system"
        case .fileWriteOutOfSpace?: return "no space left on the device"
        default: return error.localizedDescription
        }
    }
}

/// The report formats `lint` writes.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, sarif, junit, html
}

/// One `--output`: a file, and the format to write to it (nil: the `--format` one).
struct ReportDestination {
    var format: ReportFormat?
    var path: String

    /// Parses `FORMAT:FILE` or `FILE`. A prefix before the first colon that holds no slash is a format, and must be a
    /// known one; a file whose name has a colon can be given as `./name:with:colon`.
    /// Checks a command's `--output` list: at most one bare FILE, and no file named twice.
    static func validate(_ destinations: [ReportDestination]) throws {
        if destinations.filter({ $0.format == nil }).count > 1 {
            throw ValidationError("Only one --output may be a bare FILE (it takes the --format report); give the others as FORMAT:FILE.")
        }
        var seen = Set<String>()
        for destination in destinations
        where !seen.insert(URL(fileURLWithPath: destination.path).standardizedFileURL.path).inserted {
            throw ValidationError("Two --output options name the same file, \(destination.path); give each report a file of its own.")
        }
    }

    static func parse(_ argument: String) throws -> ReportDestination {
        let formats = ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")
        if let colon = argument.firstIndex(of: ":"), !argument[..<colon].contains("/") {
            let name = String(argument[..<colon])
            guard let format = ReportFormat(rawValue: name.lowercased()) else {
                throw ValidationError("unknown report format '\(name)' in --output \(argument); the formats are \(formats) (write ./\(argument) for a file whose name has a colon)")
            }
            let path = String(argument[argument.index(after: colon)...])
            guard !path.isEmpty else { throw ValidationError("--output \(argument) names no file after the format") }
            return ReportDestination(format: format, path: path)
        }
        guard !argument.isEmpty else { throw ValidationError("--output needs a file name") }
        return ReportDestination(format: nil, path: argument)
    }
}
