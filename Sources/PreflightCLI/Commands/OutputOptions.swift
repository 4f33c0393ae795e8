import ArgumentParser
import Foundation

/// The formats of a command that writes to `--output` files as well as standard output: `lint`'s reports
/// (``ReportFormat``) or the results of `create` and `update` (``OutputFormat``).
protocol OutputFormatChoice: ExpressibleByArgument, CaseIterable, RawRepresentable<String> {
    /// The format of standard output when `--format` is not given.
    static var text: Self { get }
    /// What the command writes, for help and messages: "report" or "result".
    static var noun: String { get }
    /// The commands that write these formats, for the error about a format they do not write.
    static var writers: String { get }
    /// The help of `--format`.
    static var formatHelp: String { get }
}

extension ReportFormat: OutputFormatChoice {
    static let noun = "report"
    static let writers = "lint"
    static let formatHelp = "Report format on standard output: text (for people), json (a stable contract for other tools), sarif (SARIF 2.1.0, for code scanning), junit (JUnit XML, for CI test views) or html (the page --report writes)."
}

extension OutputFormat: OutputFormatChoice {
    static let noun = "result"
    static let writers = "create and update"
    static let formatHelp = "Output format: text or json."
}

/// A command's `--format` for standard output and its `--output` files, and the writing of both.
struct OutputOptions<Format: OutputFormatChoice>: ParsableArguments {
    @Option(help: ArgumentHelp(Format.formatHelp))
    var format: Format = .text
    @Option(name: .long, help: ArgumentHelp(
        "Also write the \(Format.noun) to a file: FORMAT:FILE (\(Self.formatList)), or a bare FILE for the --format "
            + "\(Format.noun) instead of standard output. Repeatable.",
        valueName: "[format:]file"), completion: .file(), transform: Self.destination)
    var output: [ReportDestination] = []

    /// The formats `--output` takes, for help and messages.
    static var formatList: String {
        let names = Format.allCases.map(\.rawValue)
        return names.count == 2 ? names.joined(separator: " or ") : names.joined(separator: ", ")
    }

    /// Parses an `--output` value, refusing a format this command does not write.
    static func destination(_ argument: String) throws -> ReportDestination {
        let destination = try ReportDestination.parse(argument)
        if let format = destination.format, Format(rawValue: format.rawValue) == nil {
            throw ValidationError("\(Format.writers) write \(formatList), not \(format.rawValue) (--output \(argument))")
        }
        return destination
    }

    func validate() throws {
        try ReportDestination.validate(output)
    }

    /// Whether standard output gets the `--format` text: no bare `--output FILE` took its place.
    var writesStandardOutput: Bool { !output.contains { $0.format == nil } }

    /// Writes `render(format)` to each of `destinations` (the `--output` files unless given), in its own format or,
    /// for a bare FILE, in `--format`. A file that cannot be written is reported on standard error.
    /// - Returns: whether every file was written.
    func writeFiles(_ destinations: [ReportDestination]? = nil, render: (Format) -> String) -> Bool {
        var written = true
        for destination in destinations ?? output {
            let destinationFormat = destination.format.flatMap { Format(rawValue: $0.rawValue) } ?? format
            do {
                try Data(render(destinationFormat).utf8).write(to: URL(fileURLWithPath: destination.path), options: .atomic)
            } catch {
                printError("preflight: could not write the \(destinationFormat.rawValue) \(Format.noun) to \(destination.path): "
                    + writeFailureReason(error, path: destination.path))
                written = false
            }
        }
        return written
    }
}

/// Why writing `path` failed, in plain words rather than Foundation's wrapping.
func writeFailureReason(_ error: any Error, path: String) -> String {
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
