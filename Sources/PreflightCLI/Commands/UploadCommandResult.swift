import ArgumentParser
import Foundation
import MetaStudio
import MetaStudioUpload
import Preflight

/// How `create` and `update` end: the exit status, the result in each output format, and whether the command failed.
struct UploadCommandResult {
    /// The status the command exits with, unless writing an `--output` file fails.
    var status: ExitCode
    /// Whether the command failed (its message is then on standard error already).
    var failed = false
    /// The text for a format (and whether colour is wanted).
    var render: (OutputFormat, Bool) -> String

    /// At least one file fails lint: the report, the same as `preflight lint`'s.
    static func lintFailed(_ report: LintReport) -> UploadCommandResult {
        UploadCommandResult(status: ExitStatus.lintFailed) { format, colour in
            format == .json ? JSONReporter().render(report) : TextReporter(colour: colour).render(report)
        }
    }

    /// `command` failed with `error`: the message goes to standard error now, and is the text result; `json` gives
    /// the JSON result for the message.
    static func failure(_ command: String, _ error: any Error, status: ExitCode,
                        json: @escaping (String) -> String) -> UploadCommandResult {
        let message = String(describing: error)
        printError("preflight: \(command): \(message)")
        return UploadCommandResult(status: status, failed: true) { format, _ in
            format == .json ? json(message) : "preflight: \(command): \(message)\n"
        }
    }

    /// Writes the result: to each `--output` file in its format, then, unless a bare FILE took its place, to standard
    /// output in `--format` (on failure only as JSON: the message is on standard error already). Each file that cannot
    /// be written is reported on standard error.
    /// - Returns: the status to exit with: a command that succeeded but could not write an `--output` file exits 2.
    func write(_ options: OutputOptions<OutputFormat>) -> ExitCode {
        let written = options.writeFiles { render($0, false) }
        let format = options.format
        if options.writesStandardOutput, !(failed && format == .text) {
            writeOut(render(format, format == .text && stdoutWantsColour()))
        }
        return status == ExitStatus.success && !written ? ExitStatus.toolFailed : status
    }
}

/// Runs the workflow of `create` or `update` with a client for `service` and the run that `upload` asks for (the
/// `files`, journalled at `--journal` or else at `defaultJournal`), its progress on standard error.
///
/// When the service cannot be configured (credentials, endpoint, …), the files are linted anyway, with the content
/// rules judged by `settings`, so that failing files are always reported first (exit 1): `lintFailed` makes the
/// outcome of such a report; with every file passing, the configuration problem is the result. The linter is made
/// only then, after the allocator is tuned: a linter starts its thread pool.
func runUploadWorkflow<Outcome>(
    service: ServiceOptions, files: [UpdateFile], upload: UploadRunFlags, defaultJournal: URL,
    judgedBy settings: (backgroundReplacement: Bool?, audioSource: AudioSourceType?), lintFailed: (LintReport) -> Outcome,
    _ workflow: (MetaStudioClient, UploadRun, _ events: @escaping @Sendable (UpdateEvent) -> Void) async throws -> Outcome
) async -> Result<Outcome, any Error> {
    // Set before the HTTP client starts its threads: a streaming upload needs a handful of chunks, not an arena each.
    AllocatorTuning.limitArenas(to: 2)
    let configuration = Result { try service.configuration(ProcessInfo.processInfo.environment) }
    let display = UploadProgressDisplay(interactive: UploadProgressDisplay.stderrIsInteractive())
    defer { display.finish() }
    switch configuration {
    case .success(let configuration):
        let client = MetaStudioClient(configuration: configuration)
        let outcome: Result<Outcome, any Error>
        do {
            let run = upload.run(projectID: configuration.projectID, files: files, defaultJournal: defaultJournal)
            outcome = .success(try await workflow(client, run) { display.handle($0) })
        } catch {
            outcome = .failure(error)
        }
        try? await client.shutdown()
        return outcome
    case .failure(let error):
        let linter = upload.linter(settings.backgroundReplacement, settings.audioSource)
        let report = await UpdateWorkflow.lint(files, linter: linter, events: { display.handle($0) })
        return report.passed ? .failure(error) : .success(lintFailed(report))
    }
}
