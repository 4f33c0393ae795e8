public import ArgumentParser
import Foundation
import MetaStudio
public import Preflight

/// Output formats shared by the subcommands.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

extension Role: ExpressibleByArgument {}
extension VoiceSource: ExpressibleByArgument {}

/// Exit statuses of the CLI; part of its interface (documented in `--help` and the README).
enum ExitStatus {
    /// Every file passes, or the command did what it was asked.
    static let success = ExitCode(0)
    /// At least one file fails the service's requirements.
    static let lintFailed = ExitCode(1)
    /// The tool itself could not run (nothing to check, output could not be written, …).
    static let toolFailed = ExitCode(2)
    /// Usage error (unknown flag, bad value); ArgumentParser's own status for validation errors.
    static let usage = ExitCode(64)
}

/// Writes to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message.hasSuffix("\n") ? message : message + "\n").utf8))
}

/// Writes to standard output without Swift's buffering surprises at exit.
func writeOut(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
}

/// Whether standard output is a terminal that wants colour (NO_COLOR unset, TERM not dumb).
func stdoutWantsColour() -> Bool {
    let env = ProcessInfo.processInfo.environment
    if env["NO_COLOR"] != nil || env["TERM"] == "dumb" { return false }
    return isatty(STDOUT_FILENO) == 1
}

/// `value` as pretty, stable JSON with a final newline; `fallback` if it cannot be encoded.
func prettyJSON(_ value: some Encodable, fallback: String) -> String {
    guard let data = try? StableJSON.encoder(pretty: true).encode(value) else { return fallback }
    return String(decoding: data, as: UTF8.self) + "\n"
}
