import ArgumentParser
import Foundation
import MediaProbe
import MetaStudio
import MetaStudioUpload
import Preflight

/// Exit statuses `update` adds to the shared ones (documented in its `--help`).
enum UpdateExitStatus {
    /// The job is in a state where Update is not allowed; nothing was changed.
    static let refusedState = ExitCode(3)
    /// Uploading (or confirming) failed after the job was updated; `--resume` finishes it.
    static let uploadFailed = ExitCode(4)
}

/// `preflight update`: lint the new files, update a job whose review failed, upload the files and resubmit.
struct UpdateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Lint new files, update a job rejected by review, upload the files and (with --submit) resubmit it.",
        discussion: """
            Steps: lint every file for its role, the videos with the content rules of lint --deep too unless \
            --no-deep (judged by the request's --[no-]background-replacement and --audio-source-type, or where they \
            are not given, by the job's own settings from Show); a failing file stops everything before any change; check \
            that the job is in AUTO_VERIFY_FAILED or MANUAL_VERIFY_FAILED; call Update with the given fields and the \
            part counts; stream each file to its upload URL(s) (videos in parts, several at a time, failed parts \
            retried); confirm the video uploads; with --submit, submit the job for review.

            Progress goes to standard error: bars on a terminal, plain lines otherwise. A journal \
            (.preflight-update-<job>.journal.json in the current directory, or --journal PATH; mode 0600 because it \
            holds the signed upload URLs) records which parts were sent; after an interruption run the same command \
            with --resume to send only the missing parts (no new Update call). The journal is removed when done.

            Credentials: CLOUD_SDK_AK and CLOUD_SDK_SK (plus CLOUD_SDK_SECURITY_TOKEN for temporary keys), or \
            CLOUD_SDK_TOKEN. The project id comes from --project-id or CLOUD_SDK_PROJECT_ID.

            Exit status:
              0   done (or, with --dry-run, the plan was printed)
              1   at least one file fails lint; nothing was sent (the report is the same as `preflight lint`'s)
              2   the tool could not run: credentials, endpoint, network or service error before the upload
              3   the job is in a state that does not allow Update; nothing was changed
              4   an upload or its confirmation failed after the job was updated; finish with --resume
              64  usage error

            Examples:
              preflight update --job-id 0123abcd --training-video take-4.mp4 \\
                --id-card-front id-front.jpg --id-card-back id-back.jpg --grant-file grant.pdf --submit
              preflight update --job-id 0123abcd --training-video take-4.mp4 --dry-run --format json
              preflight update --job-id 0123abcd --training-video take-4.mp4 --submit --resume
            """
    )

    @OptionGroup(title: "Files") var uploadFiles: UploadFileOptions

    // Update body fields.
    @Option(help: "New model name.")
    var name: String?
    @OptionGroup(title: "Job fields") var fields: JobFieldOptions

    // The job and the service.
    @Option(name: .customLong("job-id"), help: "The job to update.")
    var jobID: String
    @OptionGroup var service: ServiceOptions

    // Upload behaviour.
    @OptionGroup var tuning: UploadTuningOptions
    @Flag(help: "Submit the job for review (SUBMITVERIFYING) after the upload.")
    var submit = false
    @Flag(name: .customLong("dry-run"), help: "Lint and check the job's state, print the plan, change nothing.")
    var dryRun = false
    @Flag(help: "Finish an interrupted update from its journal (no new Update call; only missing parts are sent).")
    var resume = false
    @Option(help: "Journal path (default: .preflight-update-<job>.journal.json in the current directory).")
    var journal: String?
    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text
    @Option(name: .long, help: ArgumentHelp(
        "Also write the result to a file: FORMAT:FILE (text or json), or a bare FILE for the --format result instead of standard output. Repeatable.",
        valueName: "[format:]file"), completion: .file(), transform: UpdateCommand.destination)
    var output: [ReportDestination] = []

    /// Parses an `--output` value; update writes text or JSON only.
    static func destination(_ argument: String) throws -> ReportDestination {
        let destination = try ReportDestination.parse(argument)
        if let format = destination.format, OutputFormat(rawValue: format.rawValue) == nil {
            throw ValidationError("update writes text or json, not \(format.rawValue) (--output \(argument))")
        }
        return destination
    }

    var files: [UpdateFile] { uploadFiles.files }

    func validate() throws {
        try ReportDestination.validate(output)
        if jobID.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--job-id must not be empty") }
    }

    var request: UpdateTrainingJobRequest {
        UpdateTrainingJobRequest(
            name: name, contact: fields.contact, isBackgroundReplacement: fields.backgroundReplacement,
            batchName: fields.batchName, tags: fields.tagList, isFastFlexus: fields.fastFlexus,
            supportedService: fields.services, audioSourceType: fields.audioSource)
    }

    func run() async throws {
        // Set before the HTTP client starts its threads: a streaming upload needs a handful of chunks, not an arena each.
        AllocatorTuning.limitArenas(to: 2)
        let environment = ProcessInfo.processInfo.environment
        let journalURL = journal.map { URL(fileURLWithPath: $0) }
            ?? UpdateJournal.defaultURL(jobID: jobID, in: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))

        // A configuration problem is reported after lint, so that failing files are always reported first (exit 1).
        let configuration = Result { try service.configuration(environment) }
        let display = UploadProgressDisplay(interactive: UploadProgressDisplay.stderrIsInteractive())
        let outcome: Result<UpdateOutcome, any Error>
        switch configuration {
        case .success(let configuration):
            let client = MetaStudioClient(configuration: configuration)
            let options = UpdateOptions(
                projectID: configuration.projectID, jobID: jobID, files: files, request: request,
                partSize: tuning.partSizeBytes, parallelism: tuning.parallel, submit: submit, dryRun: dryRun,
                resume: resume, journalURL: journalURL, deep: tuning.deep)
            do {
                outcome = .success(try await UpdateWorkflow(service: client).run(options) { display.handle($0) })
            } catch {
                outcome = .failure(error)
            }
            try? await client.shutdown()
        case .failure(let error):
            let report = await UpdateWorkflow.lint(files, linter: tuning.linter(request.isBackgroundReplacement,
                                                                                 request.audioSourceType),
                                                   events: { display.handle($0) })
            outcome = report.passed ? .failure(error) : .success(.lintFailed(report))
        }
        display.finish()

        // One rendering per format, written to the --output files and (unless a bare FILE took its place) stdout.
        let status: ExitCode
        let render: (OutputFormat, Bool) -> String?
        switch outcome {
        case .success(.lintFailed(let report)):
            status = ExitStatus.lintFailed
            render = { format, colour in
                format == .json ? JSONReporter().render(report) : TextReporter(colour: colour).render(report)
            }
        case .success(.planned(let plan, _)):
            status = ExitStatus.success
            render = { format, _ in format == .json ? UpdateOutput.json(.planned(plan)) : UpdateOutput.text(plan: plan) }
        case .success(.completed(let summary, _)):
            status = ExitStatus.success
            render = { format, _ in
                format == .json ? UpdateOutput.json(.completed(summary)) : UpdateOutput.text(summary: summary)
            }
        case .failure(let error):
            let (exit, kind) = Self.classify(error)
            let message = String(describing: error)
            printError("preflight: update: \(message)")
            status = exit
            render = { format, _ in
                format == .json ? UpdateOutput.json(.failed(kind: kind, message: message)) : "preflight: update: \(message)\n"
            }
        }
        let failed: Bool
        if case .failure = outcome { failed = true } else { failed = false }
        let failedWrites = writeResult(render, to: output, format: format, failed: failed)
        if status == ExitStatus.success && failedWrites { throw ExitStatus.toolFailed }
        throw status
    }

    /// The exit status and a stable error kind for an error.
    static func classify(_ error: any Error) -> (ExitCode, String) {
        if let error = error as? UpdateError {
            switch error.kind {
            case .refusedState: return (UpdateExitStatus.refusedState, "refused-state")
            case .uploadFailed: return (UpdateExitStatus.uploadFailed, "upload-failed")
            default: return (ExitStatus.toolFailed, error.kind.description)
            }
        }
        if error is MetaStudioServiceError { return (ExitStatus.toolFailed, "service") }
        if error is MetaStudioClientError { return (ExitStatus.toolFailed, "client") }
        return (ExitStatus.toolFailed, "tool")
    }
}

/// The JSON `update` prints: `status` plus exactly one of the plan, the summary or the error.
enum UpdateOutput: Encodable {
    case planned(UpdatePlan)
    case completed(UpdateSummary)
    case failed(kind: String, message: String)

    private enum CodingKeys: String, CodingKey { case status, plan, summary, error }
    private enum ErrorKeys: String, CodingKey { case kind, message }

    var status: String {
        switch self {
        case .planned: return "planned"
        case .completed: return "completed"
        case .failed: return "failed"
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(status, forKey: .status)
        switch self {
        case .planned(let plan): try container.encode(plan, forKey: .plan)
        case .completed(let summary): try container.encode(summary, forKey: .summary)
        case .failed(let kind, let message):
            var error = container.nestedContainer(keyedBy: ErrorKeys.self, forKey: .error)
            try error.encode(kind, forKey: .kind)
            try error.encode(message, forKey: .message)
        }
    }

    static func json(_ output: UpdateOutput) -> String {
        prettyJSON(output, fallback: "{\"status\":\"\(output.status)\"}\n")
    }

    static func text(plan: UpdatePlan) -> String {
        var lines = ["Dry run: job \(plan.jobID) is in \(plan.state); nothing was changed.", "Would upload:"]
        for file in plan.files {
            let parts = file.partCount == 1 ? "1 part" : "\(file.partCount) parts of \(ByteCountText.format(file.partSize))"
            lines.append("  \(file.role.rawValue.padding(toLength: 18, withPad: " ", startingAt: 0)) \(file.path)  "
                + "\(ByteCountText.format(file.size)) in \(parts) → \(file.uploadField) (\(file.contentType))")
        }
        lines.append("Then: " + (plan.commands.isEmpty ? "nothing" : plan.commands.joined(separator: ", "))
            + "; \(plan.parallelism) part(s) at a time.")
        return lines.joined(separator: "\n") + "\n"
    }

    static func text(summary: UpdateSummary) -> String {
        let total = summary.files.reduce(Int64(0)) { $0 + $1.size }
        var lines = ["Job \(summary.jobID): uploaded \(summary.files.count) file(s), \(ByteCountText.format(total))"
            + (summary.resumed ? " (resumed: \(summary.partsSent) missing part(s) sent)" : "") + "."]
        if !summary.commands.isEmpty { lines.append("Sent: " + summary.commands.joined(separator: ", ") + ".") }
        lines.append(summary.submitted ? "Submitted for review." : "Not submitted; run again with --submit (and --resume) or submit it in the console.")
        return lines.joined(separator: "\n") + "\n"
    }
}
