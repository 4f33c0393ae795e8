import ArgumentParser
import Preflight

/// Where `create` and `update` write their result: `--format` on standard output, and `--output` files.
struct ResultOutputOptions: ParsableArguments {
    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text
    @Option(name: .long, help: ArgumentHelp(
        "Also write the result to a file: FORMAT:FILE (text or json), or a bare FILE for the --format result instead of standard output. Repeatable.",
        valueName: "[format:]file"), completion: .file(), transform: ResultOutputOptions.destination)
    var output: [ReportDestination] = []

    /// Parses an `--output` value; create and update write text or JSON only.
    static func destination(_ argument: String) throws -> ReportDestination {
        let destination = try ReportDestination.parse(argument)
        if let format = destination.format, OutputFormat(rawValue: format.rawValue) == nil {
            throw ValidationError("create and update write text or json, not \(format.rawValue) (--output \(argument))")
        }
        return destination
    }

    func validate() throws {
        try ReportDestination.validate(output)
    }
}
