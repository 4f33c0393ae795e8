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

extension WorkflowFailureKind {
    /// The exit status of a create or update that failed this way: it follows the phase the run had reached.
    var exitStatus: ExitCode {
        switch self {
        case .refusedState: UpdateExitStatus.refusedState
        case .uploadFailed: UpdateExitStatus.uploadFailed
        default: ExitStatus.toolFailed
        }
    }
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
    @OptionGroup var upload: UploadRunFlags
    @Flag(name: .customLong("dry-run"), help: "Lint and check the job's state, print the plan, change nothing.")
    var dryRun = false
    @OptionGroup var resultOutput: OutputOptions<OutputFormat>

    func validate() throws {
        if jobID.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--job-id must not be empty") }
    }

    var request: UpdateTrainingJobRequest {
        UpdateTrainingJobRequest(
            name: name, contact: fields.contact, isBackgroundReplacement: fields.backgroundReplacement,
            batchName: fields.batchName, tags: fields.tagList, isFastFlexus: fields.fastFlexus,
            supportedService: fields.services, audioSourceType: fields.audioSource)
    }

    func run() async throws {
        let outcome = await runUploadWorkflow(
            service: service, files: uploadFiles.files, upload: upload,
            defaultJournal: UpdateJournal.defaultURL(jobID: jobID, in: .currentDirectory()),
            judgedBy: (request.isBackgroundReplacement, request.audioSourceType),
            lintFailed: UpdateOutcome.lintFailed) { client, run, events in
            let options = UpdateOptions(jobID: jobID, request: request, dryRun: dryRun, run: run)
            return try await UpdateWorkflow(service: client).run(options, events: events)
        }

        // One rendering per format, written to the --output files and (unless a bare FILE took its place) stdout.
        let result: UploadCommandResult
        switch outcome {
        case .success(.lintFailed(let report)):
            result = .lintFailed(report)
        case .success(.planned(let plan, _)):
            result = UploadCommandResult(status: ExitStatus.success) { format, _ in
                format == .json ? UploadCommandOutput.json(.planned(plan)) : UploadCommandOutput.text(plan: plan)
            }
        case .success(.completed(let summary, _)):
            result = UploadCommandResult(status: ExitStatus.success) { format, _ in
                format == .json ? UploadCommandOutput.json(.completed(summary, jobID: nil))
                    : UploadCommandOutput.text(summary: summary)
            }
        case .failure(let error):
            let (exit, kind) = Self.classify(error)
            result = .failure("update", error, status: exit) { UploadCommandOutput.json(.failed(kind: kind, message: $0, jobID: nil)) }
        }
        throw result.write(resultOutput)
    }

    /// The exit status and a stable error kind for an error.
    static func classify(_ error: any Error) -> (ExitCode, String) {
        if let error = error as? UpdateError { return (error.kind.exitStatus, error.kind.description) }
        if error is MetaStudioServiceError { return (ExitStatus.toolFailed, "service") }
        if error is MetaStudioClientError { return (ExitStatus.toolFailed, "client") }
        return (ExitStatus.toolFailed, "tool")
    }
}
