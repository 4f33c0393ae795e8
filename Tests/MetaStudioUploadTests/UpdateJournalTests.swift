import Foundation
import MetaStudio
@testable import MetaStudioUpload
import Preflight
import TestSupport
import Testing

@Suite("Update: journal")
struct UpdateJournalTests {
    private func sampleJournal(path: String, identity: FileIdentity) -> UpdateJournal {
        let parts = [FilePart(number: 1, offset: 0, length: 200_000), FilePart(number: 2, offset: 200_000, length: 50)]
        let file = JournalFile(role: .trainingVideo, path: path, identity: identity, partSize: 200_000,
                               parts: parts.map { JournalPart(part: $0, url: "http://127.0.0.1:9/u/\($0.number)?secret=abc") })
        return UpdateJournal(projectID: "p", jobID: "job-1", createdAt: Date(timeIntervalSince1970: 1_700_000_000),
                             files: [file], submit: true)
    }

    @Test("a journal round-trips and is written with mode 0600")
    func roundTrip() async throws {
        let folder = try TemporaryDirectory()
        let input = folder.file("video.mp4")
        try await writeFile(Data(repeating: 7, count: 200_050), to: input)
        let journal = sampleJournal(path: input.path, identity: try FileIdentity(path: input.path))
        let url = UpdateJournal.defaultURL(jobID: "job-1", in: folder.url)
        #expect(url.lastPathComponent == ".preflight-update-job-1.journal.json")
        try await onThread { [journal] in try JournalFileIO.write(journal, to: url) }
        let mode = try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try JournalFileIO.read(url) == journal)
        // No temporary files are left beside it.
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.url.path)
        #expect(names.sorted() == [".preflight-update-job-1.journal.json", "video.mp4"])
    }

    @Test("rewriting replaces the journal atomically and keeps it private")
    func rewrite() async throws {
        let folder = try TemporaryDirectory()
        let url = folder.file("j.json")
        var journal = sampleJournal(path: "/x", identity: FileIdentity(size: 1, modifiedSeconds: 2, modifiedNanoseconds: 3, inode: 4))
        try await onThread { [journal] in try JournalFileIO.write(journal, to: url) }
        journal.files[0].parts[0].uploaded = true
        journal.commandsSent = ["CONFIRM_MULTIPART_UPLOADED"]
        try await onThread { [journal] in try JournalFileIO.write(journal, to: url) }
        let read = try JournalFileIO.read(url)
        #expect(read.files[0].parts.map(\.uploaded) == [true, false])
        #expect(read.commandsSent == ["CONFIRM_MULTIPART_UPLOADED"])
        #expect(try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int == 0o600)
    }

    @Test("a file's identity changes when it is rewritten or grows")
    func identity() async throws {
        let folder = try TemporaryDirectory()
        let file = folder.file("a.bin")
        try await writeFile(Data(repeating: 1, count: 10), to: file)
        let first = try FileIdentity(path: file.path)
        #expect(first.size == 10)
        #expect(try FileIdentity(path: file.path) == first)
        let handle = try FileHandle(forWritingTo: file)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data([2]))
        try handle.close()
        #expect(try FileIdentity(path: file.path) != first)
    }

    @Test("a journal others can read, a symbolic link to one, or one of another user is not trusted")
    func untrustedJournals() async throws {
        let folder = try TemporaryDirectory()
        let url = folder.file("j.json")
        let journal = sampleJournal(path: "/x", identity: FileIdentity(size: 1, modifiedSeconds: 2, modifiedNanoseconds: 3, inode: 4))
        try await onThread { try JournalFileIO.write(journal, to: url) }
        #expect(try JournalFileIO.read(url) == journal)
        let link = folder.file("link.json")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: url)
        #expect { try JournalFileIO.read(link) } throws: { ($0 as? UpdateError)?.description.contains("symbolic link") == true }
        #expect(chmod(url.path, 0o644) == 0)
        #expect { try JournalFileIO.read(url) } throws: {
            let text = ($0 as? UpdateError)?.description ?? ""
            return text.contains("is not trusted") && text.contains("644") && text.contains(url.path)
        }
        #expect(JournalFileIO.privacyProblem(isRegular: true, owner: 1000, mode: 0o600, user: 1000) == nil)
        #expect(JournalFileIO.privacyProblem(isRegular: true, owner: 0, mode: 0o600, user: 1000)?.contains("user id 0") == true)
        #expect(JournalFileIO.privacyProblem(isRegular: true, owner: 1000, mode: 0o620, user: 1000) != nil)
        #expect(JournalFileIO.privacyProblem(isRegular: false, owner: 1000, mode: 0o600, user: 1000) != nil)
    }

    @Test("missing, malformed and foreign journals are refused with the path named")
    func badJournals() async throws {
        let folder = try TemporaryDirectory()
        let missing = folder.file("missing.json")
        #expect { try JournalFileIO.read(missing) } throws: { ($0 as? UpdateError)?.description.contains(missing.path) == true }
        let garbage = folder.file("garbage.json")
        try await writeFile(Data("{\"hello\": 1}".utf8), to: garbage)
        #expect(chmod(garbage.path, 0o600) == 0, "private, so that what is judged is the content")
        #expect { try JournalFileIO.read(garbage) } throws: {
            ($0 as? UpdateError)?.description.contains("is not a preflight update journal") == true
        }
    }

    @Test("a directory or missing file has no identity")
    func identityErrors() throws {
        let folder = try TemporaryDirectory()
        #expect(throws: UpdateError.self) { try FileIdentity(path: folder.url.path) }
        #expect(throws: UpdateError.self) { try FileIdentity(path: folder.file("nope").path) }
    }
}
