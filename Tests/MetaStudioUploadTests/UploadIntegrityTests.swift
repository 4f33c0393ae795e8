import Foundation
import MetaStudio
import MetaStudioEmulator
@testable import MetaStudioUpload
import Preflight
import TestSupport
import Testing

/// What is uploaded is what was linted: the file is opened once, read through that descriptor, hashed part by part
/// against the ETags, and checked again before the confirmation.
@Suite("Update: the uploaded bytes are the linted bytes", .serialized)
struct UploadIntegrityTests {
    /// A private copy of the training video, so a test can change it.
    private func copyOfTrainingVideo(in folder: TemporaryDirectory) async throws -> URL {
        let inputs = try await UpdateInputs.shared()
        let copy = folder.file("training.mp4")
        try await onThread { try FileManager.default.copyItem(at: inputs.trainingVideo, to: copy) }
        return copy
    }

    /// Overwrites `count` bytes at `offset` in place (same size, same inode), as `dd conv=notrunc` does.
    private func overwriteInPlace(_ url: URL, at offset: UInt64, count: Int = 16) throws {
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        try handle.seek(toOffset: offset)
        try handle.write(contentsOf: Data(repeating: 0xA5, count: count))
    }

    /// POSTs to `/command` the emulator received (CONFIRM, SUBMIT, GET_MULTIPART_UPLOADED).
    private func commandCalls(_ harness: UpdateHarness) -> Int {
        harness.server.receivedRequests().filter { $0.kind == .api && $0.method == "POST" && $0.path.hasSuffix("/command") }.count
    }

    @Test("a file written to in place while it uploads is never confirmed: the error names it and says what to do")
    func inPlaceEditDuringUpload() async throws {
        try await UpdateHarness.with { harness in
            let folder = try TemporaryDirectory()
            let video = try await copyOfTrainingVideo(in: folder)
            let size = try FileIdentity(path: video.path).size
            let once = OnceFlag()
            let files = [UpdateFile(role: .trainingVideo, path: video.path)]
            do {
                _ = try await UpdateWorkflow(service: harness.client).run(
                    harness.options(files, submit: true, parallelism: 1),
                    events: { event in
                        // After the first part, change bytes near the end of the file (a part not sent yet).
                        if case .upload(.partUploaded) = event, once.claim() {
                            try? overwriteInPlace(video, at: UInt64(size - 100))
                        }
                    })
                Issue.record("expected the changed file to stop the update")
            } catch let error as UpdateError {
                #expect(error.kind == .uploadFailed, "an after-update failure: exit 4")
                #expect(error.description.contains(video.path))
                #expect(error.description.contains("changed after it was linted"))
                #expect(error.description.contains("without --resume"))
            }
            #expect(commandCalls(harness) == 0, "no CONFIRM and no submit")
            #expect(harness.server.jobState(harness.jobID) != "MANUAL_VERIFYING")
        }
    }

    @Test("a path replaced by another file while it uploads: only the linted bytes are sent, and nothing is confirmed")
    func replacedPathDuringUpload() async throws {
        try await UpdateHarness.with { harness in
            let folder = try TemporaryDirectory()
            let video = try await copyOfTrainingVideo(in: folder)
            let original = folder.file("original.mp4")
            try await onThread { try FileManager.default.copyItem(at: video, to: original) }
            let size = try FileIdentity(path: video.path).size
            let impostor = folder.file("impostor.mp4")
            try await writeFile(Data(repeating: 0x42, count: Int(size)), to: impostor)
            let once = OnceFlag()
            let files = [UpdateFile(role: .trainingVideo, path: video.path)]
            do {
                _ = try await UpdateWorkflow(service: harness.client).run(
                    harness.options(files, submit: true, parallelism: 1),
                    events: { event in
                        if case .upload(.partUploaded) = event, once.claim() {
                            _ = rename(impostor.path, video.path)
                        }
                    })
                Issue.record("expected the replaced file to stop the update")
            } catch let error as UpdateError {
                #expect(error.kind == .uploadFailed)
                #expect(error.description.contains(video.path))
                #expect(error.description.contains("the path now names another file"))
            }
            #expect(once.claim() == false, "the path was replaced during the upload")
            #expect(commandCalls(harness) == 0, "no CONFIRM and no submit")
            // Every part that arrived holds the linted file's bytes, none the impostor's.
            let plan = try PartPlan(fileSize: size, partSize: UpdateHarness.testPartSize)
            let arrived = harness.server.uploadedParts(jobID: harness.jobID, role: .trainingVideo)
            #expect(arrived.count == plan.count, "the upload itself went on through the open file")
            let pinned = try await onThread { try PinnedFile(opening: original.path) }
            for part in arrived {
                let range = try #require(plan.parts.first { $0.number == part.partNumber })
                let expected = try await onThread { try pinned.md5(of: range) }
                #expect(part.etag == "\"\(expected)\"", "part \(part.partNumber)")
            }
        }
    }

    @Test("a part answered with an ETag that is not the MD5 of the bytes sent stops the update before CONFIRM")
    func wrongETagIsNotConfirmed() async throws {
        let inputs = try await UpdateInputs.shared()
        try await UpdateHarness.with { harness in
            harness.server.injectFault(.wrongETag, matching: .uploadPart(role: .trainingVideo, part: 2))
            let files = [UpdateFile(role: .trainingVideo, path: inputs.trainingVideo.path)]
            do {
                _ = try await UpdateWorkflow(service: harness.client).run(harness.options(files, submit: true))
                Issue.record("expected the damaged part to stop the update")
            } catch let error as UpdateError {
                #expect(error.kind == .uploadFailed)
                #expect(error.description.contains("part 2 of"))
                #expect(error.description.contains("ETag"))
            }
            #expect(commandCalls(harness) == 0, "nothing is confirmed or submitted")
            let partTwo = harness.uploads.filter { $0.uploadRole == .trainingVideo && $0.uploadPart == 2 }
            #expect(partTwo.count == 1, "a spent URL is not tried again")
        }
    }

    @Test("resume refuses a file edited in place whose modification time was set back (touch -r)")
    func resumeRefusesInPlaceEditWithOldMtime() async throws {
        try await UpdateHarness.with { harness in
            let folder = try TemporaryDirectory()
            let journal = folder.file("journal.json")
            let video = try await copyOfTrainingVideo(in: folder)
            let files = [UpdateFile(role: .trainingVideo, path: video.path)]
            await harness.interruptedUpdate(files, journal: journal)
            let before = try FileIdentity(path: video.path)
            let modified = try #require(try FileManager.default.attributesOfItem(atPath: video.path)[.modificationDate] as? Date)
            try overwriteInPlace(video, at: 600 * 1024)
            try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: video.path)
            let after = try FileIdentity(path: video.path)
            #expect(after.size == before.size && after.inode == before.inode)
            #expect(after.modifiedSeconds == before.modifiedSeconds, "the edit is hidden from the modification time")
            let uploadsBefore = harness.uploads.count
            do {
                _ = try await UpdateWorkflow(service: harness.client).run(harness.options(files, journal: journal, resume: true))
                Issue.record("expected a refusal")
            } catch let error as UpdateError {
                #expect(error.description.contains("changed since"))
                #expect(error.description.contains(video.path))
            }
            #expect(harness.uploads.count == uploadsBefore)
        }
    }

    @Test("resume compares the journal's part MD5s with the ETags the service lists, and refuses a mismatch")
    func resumeComparesETags() async throws {
        let inputs = try await UpdateInputs.shared()
        try await UpdateHarness.with { harness in
            let folder = try TemporaryDirectory()
            let journal = folder.file("journal.json")
            let files = [UpdateFile(role: .trainingVideo, path: inputs.trainingVideo.path)]
            harness.server.injectFault(.status(500), matching: .api(method: "POST", pathSuffix: "/command"), times: 1)
            _ = try? await UpdateWorkflow(service: harness.client).run(harness.options(files, submit: true, journal: journal))
            var recorded = try JournalFileIO.read(journal)
            #expect(recorded.files[0].parts.allSatisfy { $0.uploaded && $0.md5?.count == 32 }, "every part's MD5 is journalled")
            // The service's ETags are the MD5s of what it received: the journal says part 1 was something else.
            recorded.files[0].parts[0].md5 = String(repeating: "0", count: 32)
            try await onThread { [recorded] in try JournalFileIO.write(recorded, to: journal) }
            do {
                _ = try await UpdateWorkflow(service: harness.client)
                    .run(harness.options(files, submit: true, journal: journal, resume: true))
                Issue.record("expected the mismatch to stop the resume")
            } catch let error as UpdateError {
                #expect(error.kind == .uploadFailed)
                #expect(error.description.contains("part 1 of"))
                #expect(error.description.contains("without --resume"))
            }
            #expect(harness.server.jobState(harness.jobID) != "MANUAL_VERIFYING")
        }
    }

    @Test("resume after another Update voided the URLs says to run without --resume, and sends nothing")
    func resumeAfterURLsWereVoided() async throws {
        try await UpdateHarness.with { harness in
            let folder = try TemporaryDirectory()
            let journal = folder.file("journal.json")
            let video = try await copyOfTrainingVideo(in: folder)
            let files = [UpdateFile(role: .trainingVideo, path: video.path)]
            await harness.interruptedUpdate(files, journal: journal, parallelism: 1)
            #expect(try JournalFileIO.read(journal).files[0].parts[0].uploaded, "part 1 arrived before part 2 failed")
            // Someone else updates the job: a new upload round, and the journal's URLs are void.
            try harness.server.setJobState(harness.jobID, "AUTO_VERIFY_FAILED")
            _ = try await harness.client.updateJob(jobID: harness.jobID, UpdateTrainingJobRequest(videoMultipartCount: 1))
            let uploadsBefore = harness.uploads.count
            do {
                _ = try await UpdateWorkflow(service: harness.client).run(harness.options(files, journal: journal, resume: true))
                Issue.record("expected the void URLs to stop the resume")
            } catch let error as UpdateError {
                #expect(error.kind == .uploadFailed)
                #expect(error.description.contains("without --resume"))
                #expect(error.description.contains("fresh URLs"))
                #expect(!error.description.contains("finish with --resume"))
            }
            #expect(harness.uploads.count == uploadsBefore, "no PUT to a void URL")
        }
    }

    @Test("a 403 for a part the service does not hold says the URLs are void and to run without --resume")
    func refusedURLAdvice() async throws {
        let inputs = try await UpdateInputs.shared()
        try await UpdateHarness.with { harness in
            harness.server.injectFault(.status(403), matching: .uploadPart(role: .trainingVideo, part: 1))
            let files = [UpdateFile(role: .trainingVideo, path: inputs.trainingVideo.path)]
            do {
                _ = try await UpdateWorkflow(service: harness.client).run(harness.options(files, submit: true))
                Issue.record("expected the refused URL to stop the update")
            } catch let error as UpdateError {
                #expect(error.kind == .uploadFailed)
                #expect(error.description.contains("part 1 of"))
                #expect(error.description.contains("run the update again without --resume"))
            }
        }
    }

    @Test("a confirmation refused again after --resume advises fresh URLs; a first refusal advises --resume")
    func confirmRefusedAfterResume() {
        let first = UpdateError.commandFailed(command: "CONFIRM_MULTIPART_UPLOADED", jobID: "j", reason: "parts missing")
        #expect(first.description.contains("finish with --resume"))
        let again = UpdateError.commandFailed(command: "CONFIRM_MULTIPART_UPLOADED", jobID: "j", reason: "parts missing",
                                              resumed: true)
        #expect(again.description.contains("without --resume") && again.description.contains("fresh URLs"))
        #expect(!again.description.contains("finish with --resume"))
    }

    @Test("resume refuses a journal written for another project")
    func resumeChecksProject() async throws {
        let inputs = try await UpdateInputs.shared()
        try await UpdateHarness.with { harness in
            let folder = try TemporaryDirectory()
            let journal = folder.file("journal.json")
            let files = [UpdateFile(role: .trainingVideo, path: inputs.trainingVideo.path)]
            harness.server.injectFault(.status(500), matching: .api(method: "POST", pathSuffix: "/command"), times: 1)
            _ = try? await UpdateWorkflow(service: harness.client).run(harness.options(files, journal: journal))
            var recorded = try JournalFileIO.read(journal)
            recorded.projectID = "another-project"
            try await onThread { [recorded] in try JournalFileIO.write(recorded, to: journal) }
            do {
                _ = try await UpdateWorkflow(service: harness.client).run(harness.options(files, journal: journal, resume: true))
                Issue.record("expected a refusal")
            } catch let error as UpdateError {
                #expect(error.description.contains("another-project"))
            }
        }
    }

    @Test("opening for upload refuses a symbolic link and a FIFO by name, without blocking on the FIFO",
          .hangGuard)
    func pinRefusesLinksAndFIFOs() async throws {
        let inputs = try await UpdateInputs.shared()
        let folder = try TemporaryDirectory()
        let link = folder.file("link.mp4")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: inputs.trainingVideo)
        let fifo = folder.file("fifo.mp4")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        for (path, words) in [(link.path, "symbolic link"), (fifo.path, "not a regular file")] {
            let message = await onThread { () -> String? in
                do {
                    _ = try PinnedFile(opening: path)
                    return nil
                } catch {
                    return String(describing: error)
                }
            }
            #expect(message?.contains(path) == true)
            #expect(message?.contains(words) == true, "\(message ?? "opened")")
        }
        let pinned = try await onThread { try PinnedFile(opening: inputs.trainingVideo.path) }
        #expect(pinned.identity == (try FileIdentity(path: inputs.trainingVideo.path)))
        #expect(try pinned.currentIdentity() == pinned.identity)
    }

    @Test("upload URLs must be https, or plain http to loopback", arguments: [
        ("https://bucket.obs.example.com/obj?sig=1", true), ("http://127.0.0.1:8080/upload/x?s=1", true),
        ("http://[::1]:9/upload/x", true), ("http://localhost/upload", true), ("http://obs.example.com/obj?sig=1", false),
        ("http+unix://%2Ftmp%2Fsock/upload", false), ("file:///etc/passwd", false), ("ftp://example.com/x", false),
        ("/upload/x", false), ("http://127.0.0.1.evil.com/x", false),
    ] as [(String, Bool)])
    func uploadURLSchemes(url: String, allowed: Bool) {
        #expect((UploadURLText.problem(url) == nil) == allowed, "\(url): \(UploadURLText.problem(url) ?? "allowed")")
    }

    @Test("resume refuses a journal whose upload URL was changed to plain http elsewhere, sending nothing")
    func resumeRefusesTamperedURL() async throws {
        let inputs = try await UpdateInputs.shared()
        try await UpdateHarness.with { harness in
            let folder = try TemporaryDirectory()
            let journal = folder.file("journal.json")
            let files = [UpdateFile(role: .trainingVideo, path: inputs.trainingVideo.path)]
            await harness.interruptedUpdate(files, journal: journal, parallelism: 1)
            var recorded = try JournalFileIO.read(journal)
            recorded.files[0].parts[1].url = "http://uploads.example.com/part-2?signature=secret-signature"
            try await onThread { [recorded] in try JournalFileIO.write(recorded, to: journal) }
            let uploadsBefore = harness.uploads.count
            do {
                _ = try await UpdateWorkflow(service: harness.client).run(harness.options(files, journal: journal, resume: true))
                Issue.record("expected the tampered URL to be refused")
            } catch let error as UpdateError {
                #expect(error.description.contains("plain http to uploads.example.com"))
                #expect(!error.description.contains("secret-signature"), "the signed query is never shown")
            }
            #expect(harness.uploads.count == uploadsBefore)
        }
    }

    @Test("an ETag is read as an MD5 only when it is one", arguments: [
        ("\"0123456789abcdef0123456789ABCDEF\"", "0123456789abcdef0123456789abcdef"),
        ("0123456789abcdef0123456789abcdef", "0123456789abcdef0123456789abcdef"),
        ("W/\"0123456789abcdef0123456789abcdef\"", nil),
        ("\"0123456789abcdef0123456789abcdef-3\"", nil),
        ("\"xyz\"", nil),
    ] as [(String, String?)])
    func etagAsMD5(etag: String, md5: String?) {
        #expect(PartUploader.md5FromETag(etag) == md5)
    }
}
