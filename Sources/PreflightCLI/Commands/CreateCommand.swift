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
    @OptionGroup var upload: UploadRunFlags
    @OptionGroup var resultOutput: OutputOptions<OutputFormat>

    func validate() throws {
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
        let outcome = await runUploadWorkflow(
            service: service, files: uploadFiles.files, upload: upload,
            defaultJournal: CreateWorkflow.defaultJournalURL(name: name, in: .currentDirectory()),
            judgedBy: (request.isBackgroundReplacement ?? CreateWorkflow.defaultBackgroundReplacement, request.audioSourceType),
            lintFailed: CreateOutcome.lintFailed) { client, run, events in
            try await CreateWorkflow(service: client).run(CreateOptions(request: request, run: run), events: events)
        }

        let result: UploadCommandResult
        switch outcome {
        case .success(.lintFailed(let report)):
            result = .lintFailed(report)
        case .success(.completed(let summary, _)):
            result = UploadCommandResult(status: ExitStatus.success) { format, _ in
                format == .json ? UploadCommandOutput.json(.completed(summary, jobID: summary.jobID))
                    : UploadCommandOutput.createdText(summary: summary)
            }
        case .failure(let error):
            let (exit, kind, jobID) = Self.classify(error)
            result = .failure("create", error, status: exit) { UploadCommandOutput.json(.failed(kind: kind, message: $0, jobID: jobID)) }
        }
        throw result.write(resultOutput)
    }

    /// The exit status, a stable error kind and the job's id (when the job exists) for an error.
    static func classify(_ error: any Error) -> (ExitCode, String, String?) {
        if let error = error as? CreateError { return (error.kind.exitStatus, error.kind.description, error.jobID) }
        let (exit, kind) = UpdateCommand.classify(error)
        return (exit, kind, nil)
    }
}
