public import Foundation
import MetaStudio
import NIOPosix
public import Preflight

/// Makes a new training job the way ``UpdateWorkflow`` re-submits one: lint the files, call Create with the given
/// fields and the part counts, stream the files to the returned URLs (videos in parallel parts, retried), confirm the
/// multipart uploads and, if asked, submit the job for review. From the moment the job exists, progress is journalled
/// (the journal records the new job's id) so an interrupted run can be finished with `resume`, without a second Create.
///
/// Create itself is sent exactly once: when its answer is lost the job may exist, and the error
/// (``CreateError/outcomeUnknown(name:reason:)``) says how to look for it instead of making another.
///
/// ```swift
/// let workflow = CreateWorkflow(service: client)
/// let outcome = try await workflow.run(CreateOptions(request: CreateTrainingJobRequest(name: "Avatar 1"),
///     run: UploadRun(projectID: project, files: [UpdateFile(role: .trainingVideo, path: "take-1.mp4")],
///                    submit: true, journalURL: journal)))
/// ```
public struct CreateWorkflow: Sendable {
    /// The service calls (Create, Show, Execute).
    public let service: any TrainingJobCreating
    /// The linter run before anything is sent.
    public let linter: Linter

    /// Creates a workflow over a service client.
    public init(service: any TrainingJobCreating, linter: Linter = Linter()) {
        self.service = service
        self.linter = linter
    }

    /// Runs the create.
    /// - Parameter events: progress; a `created` step carries the new job's id as soon as the job exists.
    /// - Returns: `.lintFailed` (no network call was made) or `.completed`.
    /// - Throws: ``CreateError`` (`outcomeUnknown` before the job is known to exist, `afterCreate` once it does,
    ///   `local`), ``UpdateError`` for local problems before Create, or the client's errors for a Create the service
    ///   refused.
    public func run(_ options: CreateOptions, events: @escaping @Sendable (UpdateEvent) -> Void = { _ in }) async throws
        -> CreateOutcome {
        // 1. Open each file once and lint it through that descriptor: a failing file stops everything before any
        // request is made, and what is uploaded is what was linted.
        let files = UpdateWorkflow.absoluteFiles(options.files)
        let linter = UpdateWorkflow.linter(
            self.linter, deep: options.deep,
            isBackgroundReplacement: options.request.isBackgroundReplacement ?? Self.defaultBackgroundReplacement,
            audioSource: options.request.audioSourceType)
        let (report, opened) = try await UpdateWorkflow.openAndLint(files, linter: linter, events: events)
        guard let pins = opened, report.passed else { return .lintFailed(report) }
        let update = UpdateWorkflow(service: service, linter: linter)

        if options.resume {
            return try await resume(options, files: files, pins: pins, report: report, update: update, events: events)
        }

        // A journal left by an interrupted create means a job already waits for these files: making another one
        // would be the duplicate this workflow exists to avoid.
        if let journalURL = options.journalURL {
            let existing = try await NIOThreadPool.singleton.runIfActive { () -> (Bool, String?) in
                guard FileManager.default.fileExists(atPath: journalURL.path) else { return (false, nil) }
                return (true, try? JournalFileIO.read(journalURL).jobID)
            }
            if existing.0 { throw CreateError.journalExists(path: journalURL.path, jobID: existing.1) }
        }

        let planned = try update.plan(files, pins: pins, partSize: options.partSize)
        var request = options.request
        // The part-count fields are the same in Create and Update: the role table sets them on an Update body.
        var counts = UpdateTrainingJobRequest()
        for (file, plan, _) in planned {
            file.role.wire.multipart?.setCount(&counts, plan.count)
        }
        request.videoMultipartCount = counts.videoMultipartCount ?? request.videoMultipartCount
        request.actionVideoMultipartCount = counts.actionVideoMultipartCount ?? request.actionVideoMultipartCount

        // 2. Create: once, never repeated.
        events(.step(name: "create", message: "Creating job '\(request.name)' (sent once; never retried automatically)"))
        let urls: TrainingJobUploadURLs
        do {
            urls = try await service.createJob(request).body
        } catch let error as MetaStudioClientError
            where error == .timeout || error == .connection || error == .invalidResponse {
            // The client's own advice ("retry") is the wrong one here, so the reason is said in a few words instead.
            let reason = error == .timeout ? "no answer before the deadline"
                : error == .connection ? "the connection failed or was reset" : "the answer could not be read"
            throw CreateError.outcomeUnknown(name: request.name, reason: reason)
        } catch let error as MetaStudioServiceError where error.statusCode >= 500 {
            let reason = "HTTP \(error.statusCode)" + (error.errorCode.map { " \($0)" } ?? "")
                + (error.requestID.map { ", request id \($0)" } ?? "")
            throw CreateError.outcomeUnknown(name: request.name, reason: reason)
        }
        guard let jobID = urls.jobID, !jobID.isEmpty else {
            throw CreateError.outcomeUnknown(name: request.name, reason: "the service answered without a job_id")
        }
        events(.step(name: "created", message: "Created job \(jobID)" + (options.journalURL == nil ? ""
            : "; if this run is interrupted, finish it with the same command plus --resume")))

        // From here on the job exists and waits for its files: every failure is reported with the job's id (exit 4).
        let updateOptions = options.update(jobID: jobID, files: files, resume: false)
        var journalSaved = false
        do {
            let journal = UpdateJournal(projectID: options.projectID, jobID: jobID,
                                        files: try UpdateWorkflow.journalFiles(planned, urls: urls), submit: options.submit)
            let store = JournalStore(journal: journal, url: options.journalURL)
            try await store.save()
            journalSaved = true
            let plannedFiles = planned.map { UpdateWorkflow.describe($0.file, $0.plan, identity: $0.identity) }
            let outcome = try await update.finish(store: store, pins: pins, options: updateOptions, files: plannedFiles,
                                                  resumed: false, report: report, events: events)
            return try Self.created(outcome)
        } catch {
            throw CreateError.afterCreate(error, jobID: jobID, journal: journalSaved ? options.journalURL : nil)
        }
    }

    /// Finishes an interrupted create: the journal names the job, and the update workflow's resume does the rest.
    private func resume(_ options: CreateOptions, files: [UpdateFile], pins: [PinnedFile], report: LintReport,
                        update: UpdateWorkflow,
                        events: @escaping @Sendable (UpdateEvent) -> Void) async throws -> CreateOutcome {
        guard let journalURL = options.journalURL else {
            throw UpdateError.journal(path: "(none)", reason: "is needed to resume; give --journal PATH")
        }
        // Without the journal this run cannot know the job's id; telling the user to create again could make a
        // second job, so the advice is to look for the first one.
        let exists = try await NIOThreadPool.singleton.runIfActive { FileManager.default.fileExists(atPath: journalURL.path) }
        guard exists else {
            throw CreateError.noJournal(path: journalURL.path, name: options.request.name, reason: "does not exist")
        }
        let journal = try await NIOThreadPool.singleton.runIfActive { try JournalFileIO.read(journalURL) }
        events(.step(name: "resume", message: "Resuming job \(journal.jobID) from \(journalURL.path)"))
        let updateOptions = options.update(jobID: journal.jobID, files: files, resume: true)
        do {
            return try Self.created(try await update.resume(updateOptions, files: files, pins: pins, report: report,
                                                            events: events))
        } catch let error as UpdateError where error.kind == .uploadFailed {
            throw CreateError.afterCreate(error, jobID: journal.jobID, journal: journalURL)
        }
    }

    private static func created(_ outcome: UpdateOutcome) throws -> CreateOutcome {
        switch outcome {
        case .completed(let summary, let report): return .completed(summary, report)
        case .lintFailed(let report): return .lintFailed(report)
        case .planned: throw CreateError.unexpected("the upload returned a plan although this is not a dry run")
        }
    }

    /// What the service assumes for `is_background_replacement` when a Create leaves it out: `true` (the API
    /// contract's default), so the content rules then ask for a green screen.
    public static let defaultBackgroundReplacement = true

    /// The default journal location for a create: `.preflight-create-<name>.journal.json` in `directory`, so that
    /// the same command plus `--resume` finds it before the job's id is known.
    public static func defaultJournalURL(name: String, in directory: URL) -> URL {
        let safe = String(name.prefix(80).map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_" })
        return directory.appendingPathComponent(".preflight-create-\(safe).journal.json")
    }
}
