import AsyncHTTPClient
import Foundation
public import MetaStudio
import NIOCore
import NIOPosix
public import Preflight

/// Re-submits a training job whose review failed: lint the files, check the job's state, call Update, stream the
/// files to the returned URLs (videos in parallel parts, retried), confirm the multipart uploads and, if asked,
/// submit the job for review. Progress is journalled so an interrupted run can be finished with `resume`.
///
/// ```swift
/// let workflow = UpdateWorkflow(service: client)
/// let outcome = try await workflow.run(UpdateOptions(jobID: job,
///     run: UploadRun(projectID: project, files: [UpdateFile(role: .trainingVideo, path: "take-4.mp4")], submit: true)))
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

        // 1. Open each file once, then lint it through that descriptor: what is uploaded later is read through the
        // same descriptor, so it is the file that was linted even if the path is replaced meanwhile. A failing file
        // stops everything before any request is made.
        let linter = Self.linter(self.linter, deep: options.deep,
                                 isBackgroundReplacement: options.request.isBackgroundReplacement,
                                 audioSource: options.request.audioSourceType)
        var (report, opened) = try await Self.openAndLint(files, linter: linter, events: events)
        guard let pins = opened, report.passed else { return .lintFailed(report) }

        if options.resume { return try await resume(options, files: files, pins: pins, report: report, events: events) }

        // 2. Show: Update is allowed only after a failed review. The job's own settings may change what its content
        // must be (a green screen for background replacement), judged again from the measurements already taken.
        events(.step(name: "show", message: "Checking the state of job \(options.jobID)"))
        let job = try await service.showJob(jobID: options.jobID).body
        let state = job.summary.state
        guard state.allowsUpdate else { throw UpdateError.refusedState(jobID: options.jobID, state: state) }
        if let rejudged = rejudge(report, options: options, job: job, linter: linter) {
            guard rejudged.passed else { return .lintFailed(rejudged) }
            report = rejudged
        }

        let planned = try plan(files, pins: pins, partSize: options.partSize)
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
            return try await finish(store: store, pins: pins, options: options, files: plannedFiles, resumed: false,
                                    report: report, events: events)
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

    static func absoluteFiles(_ files: [UpdateFile]) -> [UpdateFile] {
        files.map { UpdateFile(role: $0.role, path: absolutePath($0.path)) }
    }

    /// Step 1 of a run: opens every file once and lints it through that descriptor, so that what is uploaded later
    /// (read through the same descriptor) is the file that was linted even if its path is replaced meanwhile.
    /// - Returns: the report, and the opened files when every file passed.
    /// - Throws: ``UpdateError`` (`fileUnreadable`) for a file that passed lint by its path but cannot be opened for
    ///   the upload (a symbolic link, say).
    static func openAndLint(_ files: [UpdateFile], linter: Linter, events: @escaping @Sendable (UpdateEvent) -> Void)
        async throws -> (report: LintReport, pins: [PinnedFile]?) {
        let opened = await open(files)
        let targets = zip(files, opened).map { file, pin in
            LintTarget(path: file.path, role: file.role, readPath: (try? pin.get())?.aliasPath)
        }
        events(.step(name: "lint", message: "Checking \(files.count) file(s) against the service's rules"
            + (linter.contentChecks == nil ? "" : ", content included")))
        let report = await linter.lint(targets: targets)
        guard report.passed else { return (report, nil) }
        return (report, try opened.map { try $0.get() })
    }

    /// Opens every file once (``PinnedFile``) on a thread pool; a file that cannot be opened so is linted by its path
    /// (lint then says what is wrong with it) and stops the update after lint.
    static func open(_ files: [UpdateFile]) async -> [Result<PinnedFile, any Error>] {
        let paths = files.map(\.path)
        do {
            return try await NIOThreadPool.singleton.runIfActive {
                paths.map { path in Result { try PinnedFile(opening: path) } }
            }
        } catch {
            return paths.map { _ in .failure(error) }
        }
    }

    /// Refuses to go on to the confirmation when any file's identity moved since it was opened (or since the journal
    /// recorded it): the service could hold bytes that did not pass lint.
    static func checkUnchanged(_ pins: [PinnedFile], journal: UpdateJournal) async throws {
        let expected = journal.files.map { (identity: $0.identity, role: $0.role) }
        try await NIOThreadPool.singleton.runIfActive {
            for (pin, file) in zip(pins, expected) {
                let now = try pin.currentIdentity()
                var changes = file.identity.differences(to: now)
                // The descriptor still reads the linted file, but the user may mean another one by now.
                switch Result(catching: { try FileIdentity(path: pin.path) }) {
                case .success(let named) where named.inode != now.inode || named.device != now.device:
                    changes.append("the path now names another file")
                case .failure:
                    changes.append("the path no longer names a readable file")
                default:
                    break
                }
                guard changes.isEmpty else {
                    throw UpdateError.fileChangedDuringUpload(path: pin.path, role: file.role, changes: changes)
                }
            }
        }
    }

    /// Finishes an interrupted run from its journal (also for a job made by ``CreateWorkflow``): checks the journal
    /// against `files` (opened as `pins`) and the job's state, asks which video parts the service holds, then
    /// ``finish(store:pins:options:files:resumed:report:events:)``.
    func resume(_ options: UpdateOptions, files: [UpdateFile], pins givenPins: [PinnedFile], report: LintReport,
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
        for file in journal.files { try Self.checkUploadURLs(file.parts.map(\.url), role: file.role) }
        guard journal.projectID == options.projectID else {
            throw UpdateError.journalMismatch(path: journalURL.path, reason: "it is for project \(journal.projectID)")
        }
        // The pins in the journal's order of files; each must still be the file the journal recorded.
        let pinsByKey = Dictionary(zip(files, givenPins).map { ("\($0.role.rawValue)=\($0.path)", $1) },
                                   uniquingKeysWith: { first, _ in first })
        var pins: [PinnedFile] = []
        for file in journal.files {
            guard let pin = pinsByKey["\(file.role.rawValue)=\(file.path)"], pin.identity == file.identity else {
                throw UpdateError.fileChanged(path: file.path, role: file.role)
            }
            pins.append(pin)
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
            // The service knows which parts of each video it holds, with their ETags: a part may have arrived after the
            // journal was last written (the process was killed between the answer and the write), and every part it
            // holds must be the bytes of the file here. Asked whenever the video is still to be confirmed.
            for index in journal.files.indices {
                guard let multipart = journal.files[index].role.wire.multipart,
                      !journal.commandsSent.contains(multipart.confirm.rawValue) else { continue }
                events(.step(name: "resume", message: "Asking the service which \(journal.files[index].role.rawValue) parts it already has"))
                let answer = try await service.executeCommand(jobID: options.jobID, multipart.list).body
                try await Self.reconcile(&journal.files[index], pin: pins[index], held: answer.multipartData ?? [])
            }
            let store = JournalStore(journal: journal, url: journalURL)
            try await store.save()
            var resumedOptions = options
            resumedOptions.submit = options.submit || journal.submit
            return try await finish(store: store, pins: pins, options: resumedOptions, files: plannedFiles, resumed: true,
                                    report: report, events: events)
        } catch {
            throw UpdateError.afterUpdate(error, jobID: options.jobID, journal: journalURL)
        }
    }

    /// Marks the parts the service lists as uploaded, after checking that each one's ETag is the MD5 of the local
    /// bytes (from the journal, or read through `pin` for a part the journal did not record).
    static func reconcile(_ file: inout JournalFile, pin: PinnedFile, held: [MultipartUploadInfo]) async throws {
        let count = file.parts.count
        for listed in held {
            guard let number = listed.partNumberValue,
                  let index = file.parts.firstIndex(where: { $0.part.number == number }) else { continue }
            let entry = file.parts[index]
            if let service = listed.etag.flatMap(PartUploader.md5FromETag) {
                let local: String
                if let recorded = entry.md5 {
                    local = recorded
                } else {
                    let range = entry.part
                    local = try await NIOThreadPool.singleton.runIfActive { try pin.md5(of: range) }
                }
                guard local == service else {
                    throw UpdateError.partChecksumMismatch(path: file.path, role: file.role, part: number, of: count,
                                                           local: local, service: service)
                }
                file.parts[index].md5 = local
            }
            file.parts[index].uploaded = true
        }
        // A part the journal saw arrive (2xx) that the service no longer lists: its upload round was replaced.
        let listed = Set(held.compactMap(\.partNumberValue))
        if let lost = file.parts.first(where: { $0.uploaded && !listed.contains($0.part.number) }) {
            throw UpdateError.uploadURLsVoid(path: file.path, role: file.role, part: lost.part.number, of: count,
                                             reason: "the journal records it as uploaded, but the service does not hold it")
        }
    }

    /// Uploads what is missing, confirms, submits, removes the journal.
    func finish(store: JournalStore, pins: [PinnedFile], options: UpdateOptions, files: [PlannedFile], resumed: Bool,
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
                                                contentType: file.role.wire.contentType, file: pins[fileIndex]))
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
                }, partDone: { task, md5 in
                    try await store.markUploaded(fileIndex: task.fileIndex, partNumber: task.part.number, md5: md5)
                })
            } catch {
                try? await httpClient.shutdown()
                throw error
            }
            try await httpClient.shutdown()
        }

        // 5–6. Confirm the multipart uploads, then submit; but first make sure no file changed since it was linted.
        var sent: [String] = []
        let roles = journal.files.map(\.role)
        let pendingCommands = Self.commands(for: roles.map { UpdateFile(role: $0, path: "") }, submit: options.submit)
            .filter { !journal.commandsSent.contains($0.rawValue) }
        if !pendingCommands.isEmpty { try await Self.checkUnchanged(pins, journal: journal) }
        for command in Self.commands(for: roles.map { UpdateFile(role: $0, path: "") }, submit: options.submit)
        where !journal.commandsSent.contains(command.rawValue) {
            let isSubmit = command == .submitVerifying
            events(.step(name: isSubmit ? "submit" : "confirm",
                         message: isSubmit ? "Submitting job \(options.jobID) for review" : "Sending \(command.rawValue)"))
            let answer = try await service.executeCommand(jobID: options.jobID, command).body
            if !answer.succeeded {
                throw UpdateError.commandFailed(command: command.rawValue, jobID: options.jobID,
                                                reason: answer.failureMessage ?? "the service answered EXCUTE_FAILED",
                                                resumed: resumed)
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

    func plan(_ files: [UpdateFile], pins: [PinnedFile], partSize: Int64?) throws
        -> [(file: UpdateFile, plan: PartPlan, identity: FileIdentity)] {
        try zip(files, pins).map { file, pin in
            let identity = pin.identity
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
            try checkUploadURLs(received, role: file.role)
            let parts = zip(plan.parts, received).map { JournalPart(part: $0, url: $1) }
            journalFiles.append(JournalFile(role: file.role, path: file.path, identity: identity, partSize: plan.partSize,
                                            parts: parts))
        }
        return journalFiles
    }

    /// Refuses URLs the files must not be sent to (``UploadURLText/problem(_:)``).
    static func checkUploadURLs(_ urls: [String], role: Role) throws {
        for url in urls {
            if let reason = UploadURLText.problem(url) { throw UpdateError.unsafeUploadURL(role: role, url: url, reason: reason) }
        }
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

    /// The linter of a run: with `deep`, `linter` with the content rules on, judged by these settings, unless it has
    /// content settings of its own; `linter` as it is otherwise.
    public static func linter(_ linter: Linter, deep: Bool, isBackgroundReplacement: Bool?, audioSource: AudioSourceType?)
        -> Linter {
        guard deep, linter.contentChecks == nil else { return linter }
        var withContent = linter
        withContent.contentChecks = contentChecks(isBackgroundReplacement: isBackgroundReplacement, audioSource: audioSource,
                                                  job: nil)
        return withContent
    }

    /// The content settings to judge by: the request's where it sets them, else the job's record (if known), else
    /// no background replacement and the voice from the video.
    static func contentChecks(isBackgroundReplacement: Bool?, audioSource: AudioSourceType?, job: TrainingJob?)
        -> ContentCheckOptions {
        let replacement = isBackgroundReplacement ?? job?.summary.isBackgroundReplacement ?? false
        let source = audioSource ?? job?.audioSourceType
        return ContentCheckOptions(backgroundReplacement: replacement,
                                   audioSource: source.flatMap { VoiceSource(rawValue: $0.rawValue.uppercased()) } ?? .video)
    }

    /// The report judged again under the job's own content settings, when they differ from those linted with;
    /// `nil` when they are the same.
    private func rejudge(_ report: LintReport, options: UpdateOptions, job: TrainingJob, linter: Linter) -> LintReport? {
        guard options.deep, let used = linter.contentChecks else { return nil }
        let settings = Self.contentChecks(isBackgroundReplacement: options.request.isBackgroundReplacement,
                                          audioSource: options.request.audioSourceType, job: job)
        guard settings != used else { return nil }
        return LintReport(files: report.files.map { Linter.rejudgeContent($0, with: settings) })
    }

    static func absolutePath(_ path: String) -> String {
        if path.hasPrefix("/") { return URL(fileURLWithPath: path).standardizedFileURL.path }
        let cwd = FileManager.default.currentDirectoryPath
        return URL(fileURLWithPath: cwd).appendingPathComponent(path).standardizedFileURL.path
    }
}
