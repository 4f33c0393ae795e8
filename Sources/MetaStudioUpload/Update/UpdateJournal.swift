public import Foundation
import CoreFoundation
import MetaStudio
import NIOConcurrencyHelpers
import NIOPosix
public import Preflight

/// What an update has done so far, kept on disk so that an interrupted update can be finished with `--resume`.
///
/// The journal holds the signed upload URLs, which are secrets: it is written with mode 0600 and its text is never
/// printed. It is replaced atomically (temporary file, fsync, rename) after every change.
public struct UpdateJournal: Codable, Hashable, Sendable {
    /// The journal format's version; a journal with another version is refused.
    public static let currentVersion = 1

    /// Format version.
    public var version: Int
    /// The project the job belongs to.
    public var projectID: String
    /// The job being updated.
    public var jobID: String
    /// When the Update call returned the URLs (they are valid for 24 hours).
    public var createdAt: Date
    /// The files being uploaded, each with its parts and URLs.
    public var files: [JournalFile]
    /// Commands already sent after the upload (e.g. `CONFIRM_MULTIPART_UPLOADED`), in order.
    public var commandsSent: [String]
    /// Whether the user asked for the job to be submitted for review.
    public var submit: Bool

    /// Creates a journal for a freshly updated job.
    public init(projectID: String, jobID: String, createdAt: Date = Date(), files: [JournalFile], submit: Bool) {
        self.version = Self.currentVersion
        self.projectID = projectID
        self.jobID = jobID
        self.createdAt = createdAt
        self.files = files
        self.commandsSent = []
        self.submit = submit
    }

    /// Whether every part of every file is uploaded.
    public var allPartsUploaded: Bool { files.allSatisfy { $0.parts.allSatisfy(\.uploaded) } }

    /// The default journal location for a job: `.preflight-update-<job>.journal.json` in `directory`.
    public static func defaultURL(jobID: String, in directory: URL) -> URL {
        let safe = String(jobID.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_" })
        return directory.appendingPathComponent(".preflight-update-\(safe).journal.json")
    }
}

/// One file of an update as recorded in the journal.
public struct JournalFile: Codable, Hashable, Sendable {
    /// What the file is for.
    public var role: Role
    /// Absolute path of the file.
    public var path: String
    /// The file's identity when the journal was written; a resume refuses a file whose identity changed.
    public var identity: FileIdentity
    /// Size of every part but the last.
    public var partSize: Int64
    /// The parts, each with its upload URL and whether it is uploaded.
    public var parts: [JournalPart]

    /// Creates a journal entry.
    public init(role: Role, path: String, identity: FileIdentity, partSize: Int64, parts: [JournalPart]) {
        self.role = role
        self.path = path
        self.identity = identity
        self.partSize = partSize
        self.parts = parts
    }
}

/// One part of a file as recorded in the journal.
public struct JournalPart: Codable, Hashable, Sendable {
    /// The byte range.
    public var part: FilePart
    /// The signed upload URL (a secret).
    public var url: String
    /// Whether the part was uploaded (HTTP 2xx received).
    public var uploaded: Bool

    /// Creates a journal part.
    public init(part: FilePart, url: String, uploaded: Bool = false) {
        self.part = part
        self.url = url
        self.uploaded = uploaded
    }
}

/// A cheap fingerprint of a file on disk: size and modification time (nanoseconds) and inode.
public struct FileIdentity: Codable, Hashable, Sendable {
    /// Size in bytes.
    public var size: Int64
    /// Modification time, whole seconds since 1970.
    public var modifiedSeconds: Int64
    /// Modification time, nanoseconds part.
    public var modifiedNanoseconds: Int64
    /// The inode number (changes when the file is replaced by another one).
    public var inode: UInt64

    /// Reads the identity of the file at `path`.
    /// - Throws: ``UpdateError`` (`fileUnreadable`) when the file cannot be stat'ed or is not a regular file.
    public init(path: String) throws {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw UpdateError.fileUnreadable(path: path, reason: String(cString: strerror(errno)))
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw UpdateError.fileUnreadable(path: path, reason: "not a regular file")
        }
        size = Int64(info.st_size)
        #if canImport(Darwin)
        modifiedSeconds = Int64(info.st_mtimespec.tv_sec)
        modifiedNanoseconds = Int64(info.st_mtimespec.tv_nsec)
        #else
        modifiedSeconds = Int64(info.st_mtim.tv_sec)
        modifiedNanoseconds = Int64(info.st_mtim.tv_nsec)
        #endif
        inode = UInt64(info.st_ino)
    }

    /// Creates an identity from its parts (for tests).
    public init(size: Int64, modifiedSeconds: Int64, modifiedNanoseconds: Int64, inode: UInt64) {
        self.size = size
        self.modifiedSeconds = modifiedSeconds
        self.modifiedNanoseconds = modifiedNanoseconds
        self.inode = inode
    }
}

/// Reads and writes journals; writes are atomic and private (mode 0600).
public enum JournalFileIO {
    /// Reads the journal at `url`.
    /// - Throws: ``UpdateError`` when the file is missing, unreadable, not a journal, or of another version.
    public static func read(_ url: URL) throws -> UpdateJournal {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw UpdateError.journal(path: url.path, reason: "cannot be read (\(Self.reason(error))); "
                + "without it there is nothing to resume: run the update again without --resume")
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let journal: UpdateJournal
        do {
            journal = try decoder.decode(UpdateJournal.self, from: data)
        } catch {
            throw UpdateError.journal(path: url.path, reason: "is not a preflight update journal")
        }
        guard journal.version == UpdateJournal.currentVersion else {
            throw UpdateError.journal(path: url.path, reason: "has format version \(journal.version); "
                + "this preflight writes version \(UpdateJournal.currentVersion)")
        }
        return journal
    }

    /// Writes `journal` to `url` atomically: a private temporary file beside it, fsync, rename, fsync of the folder.
    /// - Throws: ``UpdateError`` (`journal`) naming the path when any step fails.
    public static func write(_ journal: UpdateJournal, to url: URL) throws {
        let encoder = StableJSON.encoder(pretty: true)
        let data: Data
        do {
            data = try encoder.encode(journal)
        } catch {
            throw UpdateError.journal(path: url.path, reason: "could not be encoded")
        }
        let directory = url.deletingLastPathComponent().path
        let temporary = url.path + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw UpdateError.journal(path: url.path, reason: "could not be written (\(String(cString: strerror(errno))))")
        }
        var failure: String?
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: false)
        do {
            try handle.write(contentsOf: data)
        } catch {
            failure = "write failed"
        }
        if failure == nil, fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
        close(fd)
        if failure == nil, rename(temporary, url.path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            throw UpdateError.journal(path: url.path, reason: "could not be written (\(failure))")
        }
        let dirFD = open(directory.isEmpty ? "." : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dirFD >= 0 {
            _ = fsync(dirFD)
            close(dirFD)
        }
    }

    /// Removes the journal after the update finished; a missing file is fine.
    public static func remove(_ url: URL) {
        unlink(url.path)
    }

    private static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return nsError.code == NSFileReadNoSuchFileError ? "no such file" : "read error"
    }
}

/// Serialises changes to a journal and writes each change through to disk.
///
/// A change and its write (temporary file, fsync, rename) happen together under one lock on a thread of
/// `threadPool`, so writes land in the order of the changes and none of them blocks Swift's cooperative pool.
final class JournalStore: Sendable {
    private let state: NIOLockedValueBox<UpdateJournal>
    let url: URL?
    private let threadPool: NIOThreadPool

    init(journal: UpdateJournal, url: URL?, threadPool: NIOThreadPool = .singleton) {
        self.state = NIOLockedValueBox(journal)
        self.url = url
        self.threadPool = threadPool
    }

    /// The journal as it stands.
    var journal: UpdateJournal { state.withLockedValue { $0 } }

    func save() async throws {
        try await change { _ in }
    }

    func markUploaded(fileIndex: Int, partNumber: Int) async throws {
        try await change { journal in
            guard journal.files.indices.contains(fileIndex),
                  let index = journal.files[fileIndex].parts.firstIndex(where: { $0.part.number == partNumber })
            else { return }
            journal.files[fileIndex].parts[index].uploaded = true
        }
    }

    func recordCommand(_ command: String) async throws {
        try await change { $0.commandsSent.append(command) }
    }

    private func change(_ apply: @escaping @Sendable (inout UpdateJournal) -> Void) async throws {
        guard let url else {
            state.withLockedValue(apply)
            return
        }
        let state = self.state
        try await threadPool.runIfActive {
            try state.withLockedValue { journal in
                apply(&journal)
                try JournalFileIO.write(journal, to: url)
            }
        }
    }
}
