import CoreFoundation
package import Foundation
import MediaProbe
import MetaStudio

/// Reads and writes journals; writes are atomic and private (mode 0600).
package enum JournalFileIO {
    /// Reads the journal at `url`.
    ///
    /// The journal holds signed upload URLs and decides what is sent: one that is a symbolic link, belongs to another
    /// user or can be read or written by others is refused rather than trusted.
    /// - Throws: ``UpdateError`` when the file is missing, unreadable, not private, not a journal, or of another
    ///   version.
    package static func read(_ url: URL) throws -> UpdateJournal {
        let fd = open(url.path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            let reason = code == ELOOP ? "a symbolic link" : String(cString: strerror(code))
            throw UpdateError.journal(path: url.path, reason: "cannot be read (\(reason)); "
                + "without it there is nothing to resume: run the update again without --resume")
        }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        let status: FileStatus
        do {
            status = try FileStatus(descriptor: fd)
        } catch {
            throw UpdateError.journal(path: url.path, reason: "cannot be read (\(error.description))")
        }
        if let problem = privacyProblem(isRegular: status.kind == .regular, owner: status.owner,
                                        mode: status.permissions, user: UInt32(geteuid())) {
            throw UpdateError.journal(path: url.path, reason: "is not trusted: \(problem); a journal holds signed upload "
                + "URLs and must be a private file of yours (mode 0600). Run the update again without --resume")
        }
        let data: Data
        do {
            data = try handle.readToEnd() ?? Data()
        } catch {
            throw UpdateError.journal(path: url.path, reason: "cannot be read (\(Self.reason(error))); "
                + "without it there is nothing to resume: run the update again without --resume")
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        // The version first: a journal of another version may lack fields this one needs.
        struct Versioned: Decodable { var version: Int }
        guard let version = try? decoder.decode(Versioned.self, from: data).version else {
            throw UpdateError.journal(path: url.path, reason: "is not a preflight update journal")
        }
        guard version == UpdateJournal.currentVersion else {
            throw UpdateError.journal(path: url.path, reason: "has format version \(version); this preflight reads "
                + "version \(UpdateJournal.currentVersion) only: run the update again without --resume")
        }
        do {
            return try decoder.decode(UpdateJournal.self, from: data)
        } catch {
            throw UpdateError.journal(path: url.path, reason: "is not a preflight update journal")
        }
    }

    /// Writes `journal` to `url` atomically: a private temporary file beside it, fsync, rename, fsync of the folder.
    /// - Throws: ``UpdateError`` (`journal`) naming the path when any step fails.
    package static func write(_ journal: UpdateJournal, to url: URL) throws {
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

    /// Why a journal file with this status must not be trusted, or `nil` when it may be: it must be a regular file
    /// owned by `user` that no one else can read or write.
    package static func privacyProblem(isRegular: Bool, owner: UInt32, mode: UInt32, user: UInt32) -> String? {
        if !isRegular { return "it is not a regular file" }
        if owner != user { return "it belongs to user id \(owner), not to you (\(user))" }
        if mode & 0o077 != 0 { return "its mode is \(String(mode, radix: 8)), so others can read or change it" }
        return nil
    }

    /// Removes the journal after the update finished; a missing file is fine.
    package static func remove(_ url: URL) {
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
