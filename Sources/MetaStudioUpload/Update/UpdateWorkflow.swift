import AsyncHTTPClient
import Foundation
import MetaStudio
import NIOCore
import NIOPosix
public import Preflight

/// Re-submits a training job whose review failed: lint the files, check the job's state, call Update, stream the
/// files to the returned URLs (videos in parallel parts, retried), confirm the multipart uploads and, if asked,
/// submit the job for review. Progress is journalled so an interrupted run can be finished with `resume`.
///
/// ```swift
/// let workflow = UpdateWorkflow(service: client)
/// let outcome = try await workflow.run(UpdateOptions(projectID: project, jobID: job,
///     files: [UpdateFile(role: .trainingVideo, path: "take-4.mp4")], submit: true))
/// ```
public struct UpdateWorkflow: Sendable {
    /// The service calls (Show, Update, Execute).
    public let service: any TrainingJobUpdating
    /// The linter run before anything is sent.
    public let linter: Linter

    /// Creates a workflow over a service client.
    public init(service: any TrainingJobUpdating, linter: Linter = Linter()) {
        self.service = service
        self.linter = linter
    }

    /// Runs the update.
    /// - Returns: `.lintFailed` (no network call was made), `.planned` for a dry run, or `.completed`.
    /// - Throws: ``UpdateError`` (`refusedState`, `uploadFailed`, …) or the client's errors for failed service calls.
    public func run(_ options: UpdateOptions, events: @escaping @Sendable (UpdateEvent) -> Void = { _ in }) async throws
        -> UpdateOutcome {
        let files = Self.absoluteFiles(options.files)

        // 1. Lint: a failing file stops everything before any request is made.
        let report = await Self.lint(files, linter: linter, events: events)
        guard report.passed else { return .lintFailed(report) }

        if options.resume { return try await resume(options, files: files, report: report, events: events) }

        // 2. Show: Update is allowed only after a failed review.
        events(.step(name: "show", message: "Checking the state of job \(options.jobID)"))
        let state = try await service.showJob(jobID: options.jobID).body.summary.state
        guard state.allowsUpdate else { throw UpdateError.refusedState(jobID: options.jobID, state: state) }

        let planned = try plan(files, partSize: options.partSize)
        var request = options.request
        for (file, plan, _) in planned {
            file.role.wire.multipart?.setCount(&request, plan.count)
        }
        let commands = Self.commands(for: files, submit: options.submit)
        let plannedFiles = planned.map { Self.describe($0.file, $0.plan, identity: $0.identity) }
        if options.dryRun {
            return .planned(UpdatePlan(jobID: options.jobID, state: state.rawValue, request: request, files: plannedFiles,
                                       commands: commands.map(\.rawValue), parallelism: options.parallelism), report)
        }

        // 3. Update: new single-use URLs for every file.
        events(.step(name: "update", message: "Updating job \(options.jobID)"))
        let urls = try await service.updateJob(jobID: options.jobID, request).body
        // From here on the job waits for its files: every failure is reported as one after the update (exit 4).
        var journalSaved = false
        do {
            let journalFiles = try Self.journalFiles(planned, urls: urls)
            let journal = UpdateJournal(projectID: options.projectID, jobID: options.jobID, files: journalFiles,
                                        submit: options.submit)
            let store = JournalStore(journal: journal, url: options.journalURL)
            try await store.save()
            journalSaved = true
            return try await finish(store: store, options: options, files: plannedFiles, resumed: false, report: report,
                                    events: events)
        } catch {
            throw UpdateError.afterUpdate(error, jobID: options.jobID, journal: journalSaved ? options.journalURL : nil)
        }
    }

    // MARK: - Steps

    /// Step 1 on its own: lints `files` (relative paths are taken from the current directory) as ``run(_:events:)``
    /// does before any request; for a caller that cannot make requests yet but reports failing files first.
    public static func lint(_ files: [UpdateFile], linter: Linter = Linter(),
                            events: @escaping @Sendable (UpdateEvent) -> Void = { _ in }) async -> LintReport {
        let files = Self.absoluteFiles(files)
        events(.step(name: "lint", message: "Checking \(files.count) file(s) against the service's rules"))
        return await linter.lint(files: files.map { (path: $0.path, role: $0.role) })
    }

    private static func absoluteFiles(_ files: [UpdateFile]) -> [UpdateFile] {
        files.map { UpdateFile(role: $0.role, path: absolutePath($0.path)) }
    }

    /// Finishes an interrupted run from its journal (also for a job made by ``CreateWorkflow``): checks the journal
    /// against `files` and the job's state, asks which video parts the service holds, then ``finish(store:options:files:resumed:report:events:)``.
    func resume(_ options: UpdateOptions, files: [UpdateFile], report: LintReport,
                        events: @escaping @Sendable (UpdateEvent) -> Void) async throws -> UpdateOutcome {
        guard let journalURL = options.journalURL else {
            throw UpdateError.journal(path: "(none)", reason: "is needed to resume; give --journal PATH")
        }
        var journal = try await NIOThreadPool.singleton.runIfActive { try JournalFileIO.read(journalURL) }
        guard journal.jobID == options.jobID else {
            throw UpdateError.journalMismatch(path: journalURL.path, reason: "it is for job \(journal.jobID)")
        }
        let given = Set(files.map { "\($0.role.rawValue)=\($0.path)" })
        let recorded = Set(journal.files.map { "\($0.role.rawValue)=\($0.path)" })
        guard given == recorded else {
            throw UpdateError.journalMismatch(path: journalURL.path, reason: "it records the files "
                + journal.files.map { "--\($0.role.rawValue) \($0.path)" }.joined(separator: " "))
        }
        for file in journal.files where (try? FileIdentity(path: file.path)) != file.identity {
            throw UpdateError.fileChanged(path: file.path, role: file.role)
        }
        if Date().timeIntervalSince(journal.createdAt) > 24 * 3600 {
            throw UpdateError.urlsExpired(path: journalURL.path, createdAt: journal.createdAt)
        }
        let plannedFiles = journal.files.map { file in
            PlannedFile(role: file.role, path: file.path, size: file.identity.size, uploadField: file.role.wire.uploadURLField,
                        contentType: file.role.wire.contentType, partSize: file.partSize, partCount: file.parts.count)
        }
        let submitted = journal.commandsSent.contains(TrainingCommand.submitVerifying.rawValue)
        events(.step(name: "show", message: "Checking the state of job \(options.jobID)"))
        let state = try await service.showJob(jobID: options.jobID).body.summary.state
        if !submitted, !(state.allowsUpdate || state == .waitFileUpload) {
            throw UpdateError.refusedState(jobID: options.jobID, state: state)
        }
        if options.dryRun {
            let commands = Self.commands(for: files, submit: options.submit || journal.submit)
                .filter { !journal.commandsSent.contains($0.rawValue) }
            return .planned(UpdatePlan(jobID: options.jobID, state: state.rawValue, request: options.request,
                                       files: plannedFiles, commands: commands.map(\.rawValue),
                                       parallelism: options.parallelism), report)
        }
        do {
            // The service knows which parts of each video it holds: a part may have arrived after the journal was last
            // written (the process was killed between the answer and the write).
            for index in journal.files.indices {
                guard let multipart = journal.files[index].role.wire.multipart,
                      !journal.commandsSent.contains(multipart.confirm.rawValue),
                      !journal.files[index].parts.allSatisfy(\.uploaded) else { continue }
                events(.step(name: "resume", message: "Asking the service which \(journal.files[index].role.rawValue) parts it already has"))
                let answer = try await service.executeCommand(jobID: options.jobID, multipart.list).body
                let held = Set((answer.multipartData ?? []).compactMap(\.partNumberValue))
                for part in journal.files[index].parts.indices where held.contains(journal.files[index].parts[part].part.number) {
                    journal.files[index].parts[part].uploaded = true
                }
            }
            let store = JournalStore(journal: journal, url: journalURL)
            try await store.save()
            var resumedOptions = options
            resumedOptions.submit = options.submit || journal.submit
            return try await finish(store: store, options: resumedOptions, files: plannedFiles, resumed: true, report: report,
                                    events: events)
        } catch {
            throw UpdateError.afterUpdate(error, jobID: options.jobID, journal: journalURL)
        }
    }

    /// Uploads what is missing, confirms, submits, removes the journal.
    func finish(store: JournalStore, options: UpdateOptions, files: [PlannedFile], resumed: Bool,
                        report: LintReport, events: @escaping @Sendable (UpdateEvent) -> Void) async throws -> UpdateOutcome {
        let journal = store.journal
        var tasks: [PartUploadTask] = []
        var statuses: [UploadFileStatus] = []
        for (fileIndex, file) in journal.files.enumerated() {
            var uploaded: Int64 = 0
            for entry in file.parts {
                if entry.uploaded {
                    uploaded += entry.part.length
                } else {
                    tasks.append(PartUploadTask(fileIndex: fileIndex, path: file.path, role: file.role, part: entry.part,
                                                partCount: file.parts.count, url: entry.url,
                                                contentType: file.role.wire.contentType))
                }
            }
            statuses.append(UploadFileStatus(role: file.role, path: file.path, totalBytes: file.identity.size,
                                             uploadedBytes: uploaded))
        }

        // 4. Upload, streaming each part from disk.
        if !tasks.isEmpty {
            events(.step(name: "upload", message: "Uploading \(tasks.count) part(s), \(options.parallelism) at a time"))
            events(.uploadStarting(statuses))
            let httpClient = HTTPClient(eventLoopGroupProvider: .singleton,
                                        configuration: PartUploader.clientConfiguration(parallelism: options.parallelism))
            let uploader = PartUploader(httpClient: httpClient, parallelism: options.parallelism, retry: options.retry)
            do {
                let service = self.service, jobID = options.jobID, retry = options.retry
                try await uploader.upload(tasks, events: { events(.upload($0)) }, alreadyUploaded: { task in
                    try await Self.serviceHolds(task, service: service, jobID: jobID, retry: retry)
                }, partDone: { task in
                    try await store.markUploaded(fileIndex: task.fileIndex, partNumber: task.part.number)
                })
            } catch {
                try? await httpClient.shutdown()
                throw error
            }
            try await httpClient.shutdown()
        }

        // 5–6. Confirm the multipart uploads, then submit.
        var sent: [String] = []
        let roles = journal.files.map(\.role)
        for command in Self.commands(for: roles.map { UpdateFile(role: $0, path: "") }, submit: options.submit)
        where !journal.commandsSent.contains(command.rawValue) {
            let isSubmit = command == .submitVerifying
            events(.step(name: isSubmit ? "submit" : "confirm",
                         message: isSubmit ? "Submitting job \(options.jobID) for review" : "Sending \(command.rawValue)"))
            let answer = try await service.executeCommand(jobID: options.jobID, command).body
            if !answer.succeeded {
                throw UpdateError.commandFailed(command: command.rawValue, jobID: options.jobID,
                                                reason: answer.failureMessage ?? "the service answered EXCUTE_FAILED")
            }
            try await store.recordCommand(command.rawValue)
            sent.append(command.rawValue)
        }
        if let url = options.journalURL { try? await NIOThreadPool.singleton.runIfActive { JournalFileIO.remove(url) } }
        let bytes = tasks.reduce(Int64(0)) { $0 + $1.part.length }
        let summary = UpdateSummary(jobID: options.jobID, files: files, partsSent: tasks.count, bytesSent: bytes,
                                    commands: sent, submitted: options.submit, resumed: resumed)
        return .completed(summary, report)
    }

    /// Whether the service lists a video part as received, asking a few times with growing pauses: the interrupted
    /// run's PUT of that part may still be arriving. Other roles cannot be asked, so the answer is no.
    static func serviceHolds(_ task: PartUploadTask, service: any TrainingJobUpdating, jobID: String,
                             retry: RetryPolicy) async throws -> Bool {
        let command: TrainingCommand
        switch task.role {
        case .trainingVideo: command = .getMultipartUploaded
        case .actionVideo: command = .getActionVideoMultipartUploaded
        default: return false
        }
        // Pauses grow predictably from half a second (no jitter): the part either arrives or it does not.
        let polling = RetryPolicy(maxAttempts: max(retry.maxAttempts, 6), baseDelay: .milliseconds(500),
                                  maxDelay: max(retry.maxDelay, .seconds(4)), jitter: .none)
        do {
            return try await polling.run { _ in
                let answer = try await service.executeCommand(jobID: jobID, command).body
                guard (answer.multipartData ?? []).contains(where: { $0.partNumberValue == task.part.number }) else {
                    throw PartNotListed()
                }
                return true
            } shouldRetry: { error, _ in
                error is PartNotListed
            }
        } catch is PartNotListed {
            return false
        }
    }

    /// The service does not (yet) list the part asked about.
    private struct PartNotListed: Error {}

    // MARK: - Planning

    func plan(_ files: [UpdateFile], partSize: Int64?) throws -> [(file: UpdateFile, plan: PartPlan, identity: FileIdentity)] {
        try files.map { file in
            let identity = try FileIdentity(path: file.path)
            let plan: PartPlan
            if file.role.wire.multipart != nil {
                do {
                    plan = try PartPlan(fileSize: identity.size, partSize: partSize)
                } catch let error as PartPlanError {
                    throw UpdateError.invalidPlan(path: file.path, role: file.role, reason: error)
                }
            } else {
                plan = PartPlan.single(fileSize: identity.size)
            }
            return (file, plan, identity)
        }
    }

    static func describe(_ file: UpdateFile, _ plan: PartPlan, identity: FileIdentity) -> PlannedFile {
        PlannedFile(role: file.role, path: file.path, size: identity.size, uploadField: file.role.wire.uploadURLField,
                    contentType: file.role.wire.contentType, partSize: plan.partSize, partCount: plan.count)
    }

    /// The journal entries for `planned` files: each part paired with its URL from `urls` (an Update or Create answer).
    /// - Throws: ``UpdateError/missingUploadURLs(role:expected:received:)`` when a file's URLs are missing or miscounted.
    static func journalFiles(_ planned: [(file: UpdateFile, plan: PartPlan, identity: FileIdentity)],
                             urls: TrainingJobUploadURLs) throws -> [JournalFile] {
        var journalFiles: [JournalFile] = []
        for (file, plan, identity) in planned {
            let received = file.role.wire.urls(urls)
            guard received.count == plan.count else {
                throw UpdateError.missingUploadURLs(role: file.role, expected: plan.count, received: received.count)
            }
            let parts = zip(plan.parts, received).map { JournalPart(part: $0, url: $1) }
            journalFiles.append(JournalFile(role: file.role, path: file.path, identity: identity, partSize: plan.partSize,
                                            parts: parts))
        }
        return journalFiles
    }

    /// The commands after the upload: confirm each uploaded video, then submit if asked.
    static func commands(for files: [UpdateFile], submit: Bool) -> [TrainingCommand] {
        var commands: [TrainingCommand] = []
        // In the table's order of roles: the training video's confirmation before the action video's.
        for role in Role.allCases where files.contains(where: { $0.role == role }) {
            if let confirm = role.wire.multipart?.confirm { commands.append(confirm) }
        }
        if submit { commands.append(.submitVerifying) }
        return commands
    }

    static func absolutePath(_ path: String) -> String {
        if path.hasPrefix("/") { return URL(fileURLWithPath: path).standardizedFileURL.path }
        let cwd = FileManager.default.currentDirectoryPath
        return URL(fileURLWithPath: cwd).appendingPathComponent(path).standardizedFileURL.path
    }
}
