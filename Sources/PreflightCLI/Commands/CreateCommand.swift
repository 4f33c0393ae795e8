import ArgumentParser
import Foundation
import MediaProbe
import MetaStudio
import MetaStudioUpload
import Preflight

/// `preflight create`: lint the files, create a new job, upload the files and (with `--submit`) submit it for review.
struct CreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Lint the files, create a new training job, upload the files and (with --submit) submit it for review.",
        discussion: """
            Steps: lint every file for its role, the videos with the content rules of lint --deep too unless \
            --no-deep (the service replaces the background unless --no-background-replacement, so a green screen is \
            then required); a failing file stops everything before any network call; call \
            Create with the given fields and the part counts; print the new job's id; stream each file to its upload \
            URL(s) (videos in parts, several at a time, failed parts retried); confirm the video uploads; with \
            --submit, submit the job for review.

            Create is sent once and never retried automatically: if its answer is lost (a timeout, a dropped \
            connection, a server error) the job may exist, and a second Create could make a second job. Preflight \
            then says so and stops; look for the job with `preflight jobs list --name NAME`.

            Progress goes to standard error: bars on a terminal, plain lines otherwise. The line "Created job ID" \
            appears as soon as the job exists. A journal (.preflight-create-<name>.journal.json in the current \
            directory, or --journal PATH; mode 0600 because it holds the signed upload URLs) records the job's id and \
            which parts were sent; after an interruption run the same command with --resume to send only the \
            missing parts (no new Create call). The journal is removed when done. While a journal is in its place a \
            new create is refused, so that an unfinished job is not duplicated.

            Credentials: CLOUD_SDK_AK and CLOUD_SDK_SK (plus CLOUD_SDK_SECURITY_TOKEN for temporary keys), or \
            CLOUD_SDK_TOKEN. The project id comes from --project-id or CLOUD_SDK_PROJECT_ID.

            Exit status:
              0   done
              1   at least one file fails lint; nothing was sent (the report is the same as `preflight lint`'s)
              2   no job was made, or whether one was is unknown (the message says which); the tool could not run
              3   with --resume: the job is in a state where its files can no longer be uploaded
              4   an upload, confirmation or submit failed after the job was created; finish with --resume
              64  usage error

            Examples:
              preflight create --name "Avatar 1" --training-video take-1.mp4 \\
                --id-card-front id-front.jpg --id-card-back id-back.jpg --grant-file grant.pdf --submit
              preflight create --name "Avatar 1" --training-video take-1.mp4 --flexus --supported-service VIDEO_2D --format json
              preflight create --name "Avatar 1" --training-video take-1.mp4 --submit --resume
            """
    )

    @OptionGroup(title: "Files") var uploadFiles: UploadFileOptions

    // Create body fields: the ones Update also has, then Create's own.
    @Option(help: "Model name (required; also the model's asset name).")
    var name: String
    @OptionGroup(title: "Job fields") var fields: JobFieldOptions
    @Option(name: .customLong("model-version"), help: "Model version: V3.2 (service default) or V3.3 (fast Flexus).")
    var modelVersion: String?
    @Flag(inversion: .prefixedNo, help: "Basic-edition (Flexus) training.")
    var flexus: Bool?
    @Flag(name: .customLong("ondemand-resource"), inversion: .prefixedNo, help: "An on-demand job rather than an ordinary one.")
    var ondemandResource: Bool?
    @Flag(name: .customLong("live-copy"), inversion: .prefixedNo, help: "A live-room replication job.")
    var liveCopy: Bool?
    @Flag(name: .customLong("only-human-model"), inversion: .prefixedNo, help: "Train only the avatar, not the voice (Flexus only).")
    var onlyHumanModel: Bool?

    @OptionGroup var service: ServiceOptions
    @OptionGroup var tuning: UploadTuningOptions

    @Flag(help: "Submit the job for review (SUBMITVERIFYING) after the upload.")
    var submit = false
    @Flag(help: "Finish an interrupted create from its journal (no new Create call; only missing parts are sent).")
    var resume = false
    @Option(help: "Journal path (default: .preflight-create-<name>.journal.json in the current directory).")
    var journal: String?
    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text
    @Option(name: .long, help: ArgumentHelp(
        "Also write the result to a file: FORMAT:FILE (text or json), or a bare FILE for the --format result instead of standard output. Repeatable.",
        valueName: "[format:]file"), completion: .file(), transform: UpdateCommand.destination)
    var output: [ReportDestination] = []

    func validate() throws {
        try ReportDestination.validate(output)
        if name.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--name must not be empty") }
        if let modelVersion, !ModelVersion.knownValues.map(\.rawValue).contains(modelVersion) {
            throw ValidationError("--model-version must be V3.2 or V3.3")
        }
        if flexus == true, fields.supportedServices.contains(where: { $0 != SupportedService.video2d.rawValue }) {
            throw ValidationError("a Flexus job (--flexus) may only use --supported-service VIDEO_2D")
        }
    }

    var request: CreateTrainingJobRequest {
        CreateTrainingJobRequest(
            name: name, contact: fields.contact, isBackgroundReplacement: fields.backgroundReplacement,
            batchName: fields.batchName, tags: fields.tagList, modelVersion: modelVersion.map { ModelVersion(rawValue: $0) },
            isOndemandResource: ondemandResource, isFlexus: flexus, isFastFlexus: fields.fastFlexus, isLiveCopy: liveCopy,
            isOnlyHumanModel: onlyHumanModel, audioSourceType: fields.audioSource, supportedService: fields.services)
    }

    func run() async throws {
        // Set before the HTTP client starts its threads: a streaming upload needs a handful of chunks, not an arena each.
        AllocatorTuning.limitArenas(to: 2)
        let environment = ProcessInfo.processInfo.environment
        let files = uploadFiles.files
        let journalURL = journal.map { URL(fileURLWithPath: $0) }
            ?? CreateWorkflow.defaultJournalURL(name: name, in: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))

        // A configuration problem is reported after lint, so that failing files are always reported first (exit 1).
        let configuration = Result { try service.configuration(environment) }
        let display = UploadProgressDisplay(interactive: UploadProgressDisplay.stderrIsInteractive())
        let outcome: Result<CreateOutcome, any Error>
        switch configuration {
        case .success(let configuration):
            let client = MetaStudioClient(configuration: configuration)
            let options = CreateOptions(
                projectID: configuration.projectID, files: files, request: request, partSize: tuning.partSizeBytes,
                parallelism: tuning.parallel, submit: submit, resume: resume, journalURL: journalURL, deep: tuning.deep)
            do {
                outcome = .success(try await CreateWorkflow(service: client).run(options) { display.handle($0) })
            } catch {
                outcome = .failure(error)
            }
            try? await client.shutdown()
        case .failure(let error):
            let report = await UpdateWorkflow.lint(files, linter: tuning.linter(request.isBackgroundReplacement ?? CreateWorkflow.defaultBackgroundReplacement,
                                                                                 request.audioSourceType),
                                                   events: { display.handle($0) })
            outcome = report.passed ? .failure(error) : .success(.lintFailed(report))
        }
        display.finish()

        let status: ExitCode
        let render: (OutputFormat, Bool) -> String
        switch outcome {
        case .success(.lintFailed(let report)):
            status = ExitStatus.lintFailed
            render = { format, colour in
                format == .json ? JSONReporter().render(report) : TextReporter(colour: colour).render(report)
            }
        case .success(.completed(let summary, _)):
            status = ExitStatus.success
            render = { format, _ in
                format == .json ? CreateOutput.json(.completed(summary)) : CreateOutput.text(summary: summary)
            }
        case .failure(let error):
            let (exit, kind, jobID) = Self.classify(error)
            let message = String(describing: error)
            printError("preflight: create: \(message)")
            status = exit
            render = { format, _ in
                format == .json ? CreateOutput.json(.failed(kind: kind, message: message, jobID: jobID))
                    : "preflight: create: \(message)\n"
            }
        }
        let failed: Bool
        if case .failure = outcome { failed = true } else { failed = false }
        let failedWrites = writeResult(render, to: output, format: format, failed: failed)
        if status == ExitStatus.success && failedWrites { throw ExitStatus.toolFailed }
        throw status
    }

    /// The exit status, a stable error kind and the job's id (when the job exists) for an error.
    static func classify(_ error: any Error) -> (ExitCode, String, String?) {
        if let error = error as? CreateError {
            switch error.kind {
            case .afterCreate: return (UpdateExitStatus.uploadFailed, error.kind.description, error.jobID)
            default: return (ExitStatus.toolFailed, error.kind.description, error.jobID)
            }
        }
        let (exit, kind) = UpdateCommand.classify(error)
        return (exit, kind, nil)
    }
}

/// The JSON `create` prints: `status`, the job's id once it exists, and the summary or the error.
enum CreateOutput: Encodable {
    case completed(UpdateSummary)
    case failed(kind: String, message: String, jobID: String?)

    private enum CodingKeys: String, CodingKey { case status, jobID = "job_id", summary, error }
    private enum ErrorKeys: String, CodingKey { case kind, message }

    var status: String {
        switch self {
        case .completed: return "completed"
        case .failed: return "failed"
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(status, forKey: .status)
        switch self {
        case .completed(let summary):
            try container.encode(summary.jobID, forKey: .jobID)
            try container.encode(summary, forKey: .summary)
        case .failed(let kind, let message, let jobID):
            try container.encodeIfPresent(jobID, forKey: .jobID)
            var error = container.nestedContainer(keyedBy: ErrorKeys.self, forKey: .error)
            try error.encode(kind, forKey: .kind)
            try error.encode(message, forKey: .message)
        }
    }

    static func json(_ output: CreateOutput) -> String {
        prettyJSON(output, fallback: "{\"status\":\"\(output.status)\"}\n")
    }

    static func text(summary: UpdateSummary) -> String {
        (summary.resumed ? "Finished job \(summary.jobID).\n" : "Created job \(summary.jobID).\n")
            + UpdateOutput.text(summary: summary)
    }
}
