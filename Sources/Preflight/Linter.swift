public import Foundation
import MediaProbe
public import NIOPosix

/// Checks files against the service's requirements for a role. The library entry point:
///
/// Probing and decoding are synchronous FFmpeg and file I/O, so they run on threads of a thread pool
/// (`NIOThreadPool`), never on Swift's cooperative pool: an embedding server's other tasks keep running while it
/// lints, however many files it lints at once.
///
/// ```swift
/// import Preflight
/// let report = await Linter().lint(paths: ["take-3.mp4"], role: .trainingVideo)
/// if !report.passed { print(report.files.flatMap(\.errors).map(\.message)) }
/// ```
public struct Linter: Sendable {
    /// How many files are probed at once; defaults to the number of active cores.
    public var concurrency: Int
    /// The threads that probe and decode.
    let threadPool: NIOThreadPool
    /// When set, training and action videos also get the content rules (`lint --deep`): their sound is decoded and
    /// their key frames sampled, on the same pool threads as the probe. Nil (the default) keeps linting header-only.
    public var contentChecks: ContentCheckOptions?

    /// A linter probing up to `concurrency` files at once (default: the core count) on ``sharedThreadPool``.
    /// With `contentChecks`, videos also get the content rules.
    public init(concurrency: Int = ProcessInfo.processInfo.activeProcessorCount, contentChecks: ContentCheckOptions? = nil) {
        self.init(concurrency: concurrency, threadPool: Self.sharedThreadPool, contentChecks: contentChecks)
    }

    /// The threads default linters share: a pool of their own, one thread per core, started on first use and never
    /// stopped. It is not `NIOThreadPool.singleton` on purpose: a deep lint keeps a thread busy for seconds, and the
    /// host's short blocking jobs there (file writes, fsync) must not queue behind it.
    public static let sharedThreadPool: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: max(2, ProcessInfo.processInfo.activeProcessorCount))
        pool.start()
        return pool
    }()

    /// A linter probing up to `concurrency` files at once on threads of `threadPool` (which must be started).
    public init(concurrency: Int, threadPool: NIOThreadPool, contentChecks: ContentCheckOptions? = nil) {
        self.concurrency = max(1, concurrency)
        self.threadPool = threadPool
        self.contentChecks = contentChecks
    }

    /// Lints one file for a role on a thread of the pool. Never throws: a file that cannot be read gets a
    /// `file.unreadable` finding.
    public func lint(path: String, role: Role) async -> FileReport {
        await lint(LintTarget(path: path, role: role))
    }

    /// Lints one target on a thread of the pool: its bytes are read from `target.readPath`, its report names
    /// `target.path`. Never throws.
    public func lint(_ target: LintTarget) async -> FileReport {
        let path = target.path, role = target.role
        do {
            let contentChecks = contentChecks
            return try await threadPool.runIfActive { Self.lintSync(target, contentChecks: contentChecks) }
        } catch {
            // The pool was shut down by its owner: say so about this file rather than block a cooperative thread.
            return FileReport(path: path, role: role, findings: [UnreadableFileRule.finding(
                for: MediaProbeError(path: path, reason: .other(code: -1, detail: "the linter's thread pool is shut down")))], media: nil)
        }
    }

    /// Lints many files for one role, concurrently, and returns the reports in the order of `paths`.
    ///
    /// Directories among `paths` are walked (recursively, in name order) for files with the role's media extensions;
    /// every other path is linted as it is, so a missing path is reported, not skipped.
    public func lint(paths: [String], role: Role) async -> LintReport {
        let files = FileDiscovery.expand(paths, extensions: role.mediaExtensions)
        return await lint(files: files.map { ($0, role) })
    }

    /// Lints files that each have their own role, concurrently; reports come back in input order.
    public func lint(files: [(path: String, role: Role)]) async -> LintReport {
        await lint(targets: files.map { LintTarget(path: $0.path, role: $0.role) })
    }

    /// Lints targets concurrently (each read from its `readPath`); reports come back in input order.
    public func lint(targets files: [LintTarget]) async -> LintReport {
        var reports = [FileReport?](repeating: nil, count: files.count)
        await withTaskGroup(of: (Int, FileReport).self) { group in
            var next = 0
            func addNext() {
                guard next < files.count else { return }
                let index = next, file = files[index]
                next += 1
                group.addTask { (index, await lint(file)) }
            }
            for _ in 0..<min(concurrency, files.count) { addNext() }
            while let (index, report) = await group.next() {
                reports[index] = report
                addNext()
            }
        }
        return LintReport(files: reports.compactMap { $0 })
    }

    /// Runs synchronous inspection work on a thread of the linter's pool (tests call the inspectors through it).
    func onThreadPool<T: Sendable>(_ body: @escaping @Sendable () -> T) async throws -> T {
        try await threadPool.runIfActive(body)
    }

    /// Reads what the role needs from one file, then runs the role's rules, on the calling thread; with
    /// `contentChecks`, a video's content is analysed too and the content rules run after the role's.
    static func lintSync(path: String, role: Role, contentChecks: ContentCheckOptions? = nil) -> FileReport {
        lintSync(LintTarget(path: path, role: role), contentChecks: contentChecks)
    }

    /// ``lintSync(path:role:contentChecks:)`` for a target read from another path than the one it reports.
    static func lintSync(_ target: LintTarget, contentChecks: ContentCheckOptions? = nil) -> FileReport {
        let path = target.path, role = target.role, source = target.readPath
        if source == path, FileDiscovery.isLinkToDirectory(path) {
            let error = MediaProbeError(path: path, reason: .other(
                code: ELOOP, detail: "a symbolic link to a folder, which lint does not follow; give the folder itself"))
            return FileReport(path: path, role: role, findings: [UnreadableFileRule.finding(for: error)], media: nil)
        }
        switch inspect(path: source, role: role) {
        case .failure(let error):
            return FileReport(path: path, role: role, findings: [UnreadableFileRule.finding(for: error.naming(path))],
                              media: nil)
        case .success(var subject):
            if source != path { subject.rename(to: path) }
            var findings = role.rules.flatMap { $0.check(subject) }
            if let contentChecks, role == .trainingVideo || role == .actionVideo {
                subject.contentOptions = contentChecks
                subject.content = Result { () throws(MediaProbeError) in
                    try MediaFile.analyzeContent(source, decodeThreads: contentDecodeThreads)
                }.mapError { $0.naming(path) }
                findings += RuleRegistry.contentRules.flatMap { $0.check(subject) }
            }
            return FileReport(path: path, role: role, findings: findings, media: subject.media,
                              content: subject.contentFacts)
        }
    }

    /// Judges a report's content again under other job settings (say, background replacement that only the job's own
    /// record turned on): the content rules' findings are replaced by those the same measurements give under
    /// `options`; nothing is decoded again. A report without content facts is returned as it is.
    public static func rejudgeContent(_ report: FileReport, with options: ContentCheckOptions) -> FileReport {
        guard let content = report.content else { return report }
        let contentIDs = Set(RuleRegistry.contentRules.map(\.description.id))
        let kept = report.findings.filter { !contentIDs.contains($0.rule) }
        var subject = LintSubject(path: report.path, role: report.role, fileSize: report.media?.fileSize ?? 0,
                                  media: report.media)
        subject.content = .success(content)
        subject.contentOptions = options
        let judged = RuleRegistry.contentRules.flatMap { $0.check(subject) }
        return FileReport(path: report.path, role: report.role, findings: kept + judged, media: report.media,
                          content: content)
    }

    /// Threads each content analysis may decode video on: the cores, shared by the files analysed at once.
    static var contentDecodeThreads: Int { max(1, min(4, ProcessInfo.processInfo.activeProcessorCount)) }

    /// Probes, decodes, sniffs or opens the file as its role requires; fails only when the file cannot be read at all.
    static func inspect(path: String, role: Role) -> Result<LintSubject, MediaProbeError> {
        switch role {
        case .trainingVideo, .actionVideo:
            return Result { () throws(MediaProbeError) in try MediaFile.probe(path) }
                .map { LintSubject(path: path, role: role, media: $0) }
        case .cover, .idCardFront, .idCardBack, .preBeautyImage, .postBeautyImage:
            return Result { () throws(MediaProbeError) in try MediaFile.probe(path) }.map { media in
                LintSubject(path: path, role: role, fileSize: media.fileSize, media: media, picture: decodePicture(path))
            }
        case .grantFile:
            return FileAccess.readableSize(path).flatMap { size in
                guard let document = DocumentKind.sniff(path) else {
                    return .failure(MediaProbeError(path: path, reason: .permissionDenied))
                }
                return .success(LintSubject(path: path, role: role, fileSize: size,
                                            picture: document.isImage ? decodePicture(path) : nil, document: document))
            }
        case .audioZip:
            return FileAccess.readableSize(path).map { size in
                LintSubject(path: path, role: role, fileSize: size, archive: AudioArchive.inspect(path))
            }
        }
    }

    private static func decodePicture(_ path: String) -> Result<DecodedFrameFacts, MediaProbeError> {
        Result { () throws(MediaProbeError) in try MediaFile.decodeFirstFrame(path, kind: .video) }
    }
}

/// A file to lint: the path its report names, its role, and the path its bytes are read from.
///
/// The two paths differ when the caller has opened the file already and passes the descriptor's alias (see
/// `PinnedFile.aliasPath` in MetaStudioUpload), so that what is linted is the very file that will be uploaded.
public struct LintTarget: Sendable, Hashable {
    /// The path as the user gave it; reports, findings and suggested commands name it.
    public var path: String
    /// The role the file is checked for.
    public var role: Role
    /// Where the bytes are read from; `path` unless the caller says otherwise.
    public var readPath: String

    /// Creates a target read from `readPath` (by default `path` itself).
    public init(path: String, role: Role, readPath: String? = nil) {
        self.path = path
        self.role = role
        self.readPath = readPath ?? path
    }
}

extension MediaProbeError {
    /// The same error about the file the user named (the read went through another path to it).
    func naming(_ path: String) -> MediaProbeError {
        var copy = self
        copy.path = path
        return copy
    }
}

extension LintSubject {
    /// Names the file by `path` wherever the inspection recorded the path it read from.
    mutating func rename(to path: String) {
        self.path = path
        media?.path = path
        picture = picture?.mapError { $0.naming(path) }
    }
}
