import Foundation
import MetaStudio
import MetaStudioUpload
import MetaStudioEmulator
import Preflight
import TestSupport
import Testing

@Suite("Update: workflow against the emulator", .serialized)
struct UpdateWorkflowTests {
    /// Asserts that the emulator stored every file byte-identical to its input.
    private func expectStoredIdentical(_ harness: UpdateHarness, _ files: [UpdateFile]) async throws {
        for file in files {
            let stored = try #require(harness.server.storedFileURL(jobID: harness.jobID, role: file.role),
                                      "nothing stored for \(file.role)")
            #expect(try await sha256(of: stored) == sha256(of: URL(fileURLWithPath: file.path)), "\(file.role) differs")
        }
    }

    @Test("every role is uploaded byte-exact and --submit takes the job to MANUAL_VERIFYING")
    func happyPath() async throws {
        let inputs = try await UpdateInputs.shared()
        try await UpdateHarness.with { harness in
            let journalFolder = try TemporaryDirectory()
            let journal = journalFolder.file("journal.json")
            let outcome = try await UpdateWorkflow(service: harness.client)
                .run(harness.options(inputs.allFiles, submit: true, journal: journal))
            guard case .completed(let summary, let report) = outcome else {
                Issue.record("expected completion, got \(outcome)")
                return
            }
            #expect(report.passed)
            #expect(summary.commands == ["CONFIRM_MULTIPART_UPLOADED", "CONFIRM_ACTION_VIDEO_MULTIPART_UPLOADED", "SUBMITVERIFYING"])
            #expect(summary.submitted)
            let training = try #require(summary.files.first { $0.role == .trainingVideo })
            #expect(training.partCount == (try UpdateHarness.partCount(inputs.trainingVideo)))
            #expect(training.partCount > 3)
            try await expectStoredIdentical(harness, inputs.allFiles)
            #expect(harness.server.jobState(harness.jobID) == "MANUAL_VERIFYING")
            #expect(harness.server.uploadedParts(jobID: harness.jobID, role: .trainingVideo).count == training.partCount)
            #expect(!FileManager.default.fileExists(atPath: journal.path), "the journal is removed when done")
        }
    }

    @Test("a file failing lint stops everything: the emulator receives zero requests")
    func lintFailure() async throws {
        let inputs = try await UpdateInputs.shared()
        try await UpdateHarness.with { harness in
            let files = [UpdateFile(role: .trainingVideo, path: inputs.shortVideo.path), UpdateFile(role: .cover, path: inputs.cover.path)]
            let outcome = try await UpdateWorkflow(service: harness.client).run(harness.options(files, submit: true))
            guard case .lintFailed(let report) = outcome else {
                Issue.record("expected a lint failure, got \(outcome)")
                return
            }
            #expect(!report.passed)
            #expect(report.files.map(\.path) == files.map(\.path))
            #expect(report.files[0].errors.contains { $0.rule.hasPrefix("duration") })
            #expect(harness.server.receivedRequests().isEmpty)
            #expect(harness.server.jobState(harness.jobID) == "AUTO_VERIFY_FAILED")
        }
    }

    @Test("a job in a state that does not allow Update is refused, naming the state; nothing is uploaded",
          arguments: ["MANUAL_VERIFYING", "WAIT_FILE_UPLOAD", "JOB_SUCCESS"])
    func wrongState(state: String) async throws {
        let inputs = try await UpdateInputs.shared()
        try await UpdateHarness.with(state: state) { harness in
            do {
                _ = try await UpdateWorkflow(service: harness.client)
                    .run(harness.options([UpdateFile(role: .trainingVideo, path: inputs.trainingVideo.path)], submit: true))
                Issue.record("expected a refusal")
            } catch let error as UpdateError {
                #expect(error.kind == .refusedState)
                #expect(error.description.contains(state))
                #expect(error.description.contains("AUTO_VERIFY_FAILED"))
            }
            #expect(harness.uploads.isEmpty)
            #expect(harness.server.receivedRequests().allSatisfy { $0.method == "GET" })
            #expect(harness.server.jobState(harness.jobID) == state)
        }
    }

    @Test("dry run checks lint and state, plans the parts and changes nothing")
    func dryRun() async throws {
        let inputs = try await UpdateInputs.shared()
        try await UpdateHarness.with { harness in
            var options = harness.options([UpdateFile(role: .trainingVideo, path: inputs.trainingVideo.path),
                                           UpdateFile(role: .audioZip, path: inputs.audioZip.path)], submit: true)
            options.dryRun = true
            let outcome = try await UpdateWorkflow(service: harness.client).run(options)
            guard case .planned(let plan, _) = outcome else {
                Issue.record("expected a plan, got \(outcome)")
                return
            }
            #expect(plan.state == "AUTO_VERIFY_FAILED")
            #expect(plan.request.videoMultipartCount == (try UpdateHarness.partCount(inputs.trainingVideo)))
            #expect(plan.files.map(\.contentType) == ["application/octet-stream", "application/zip"])
            #expect(plan.files.map(\.uploadField) == ["training_video_upload_url", "audio_upload_url"])
            #expect(plan.commands == ["CONFIRM_MULTIPART_UPLOADED", "SUBMITVERIFYING"])
            #expect(harness.server.receivedRequests().allSatisfy { $0.method == "GET" })
        }
    }

    @Test("a faulty part (500, reset mid-body, slow body) is retried and the file arrives byte-exact",
          arguments: [EmulatorFault.status(500), .status(503), .connectionReset, .slowBody(bytesPerSecond: 200_000)])
    func faults(fault: EmulatorFault) async throws {
        let inputs = try await UpdateInputs.shared()
        try await UpdateHarness.with { harness in
            harness.server.injectFault(fault, matching: .uploadPart(role: .trainingVideo, part: 3))
            let files = [UpdateFile(role: .trainingVideo, path: inputs.trainingVideo.path)]
            let outcome = try await UpdateWorkflow(service: harness.client).run(harness.options(files, submit: true))
            guard case .completed = outcome else {
                Issue.record("expected completion, got \(outcome)")
                return
            }
            try await expectStoredIdentical(harness, files)
            let partThree = harness.uploads.filter { $0.uploadRole == .trainingVideo && $0.uploadPart == 3 }
            if case .slowBody = fault {
                #expect(partThree.count == 1)
            } else {
                #expect(partThree.count == 2, "the failed attempt and its retry")
            }
            #expect(harness.server.jobState(harness.jobID) == "MANUAL_VERIFYING")
        }
    }

    @Test("after a failed upload, resume sends only the missing parts and finishes byte-exact")
    func resumeAfterFailure() async throws {
        let inputs = try await UpdateInputs.shared()
        try await UpdateHarness.with { harness in
            let folder = try TemporaryDirectory()
            let journal = folder.file("journal.json")
            let files = [UpdateFile(role: .trainingVideo, path: inputs.trainingVideo.path),
                         UpdateFile(role: .idCardFront, path: inputs.idFront.path)]
            harness.server.injectFault(.status(500), matching: .uploadPart(role: .trainingVideo, part: 4), times: 20)
            do {
                _ = try await UpdateWorkflow(service: harness.client).run(harness.options(files, submit: true, journal: journal))
                Issue.record("expected the upload to fail")
            } catch let error as UpdateError {
                #expect(error.kind == .uploadFailed)
                #expect(error.description.contains("part 4 of \(try UpdateHarness.partCount(inputs.trainingVideo))"))
                #expect(error.description.contains("--resume"))
                let recorded = try JournalFileIO.read(journal)
                let query = try #require(URLComponents(string: recorded.files[0].parts[3].url)?.percentEncodedQuery)
                #expect(!query.isEmpty)
                #expect(!error.description.contains(query), "no signed query string in the message")
            }
            let recorded = try JournalFileIO.read(journal)
            #expect(recorded.files[0].parts.filter { !$0.uploaded }.map(\.part.number) == [4])
            #expect(try FileManager.default.attributesOfItem(atPath: journal.path)[.posixPermissions] as? Int == 0o600)
            harness.server.clearFaults()
            let updatesBefore = harness.server.receivedRequests().filter { $0.method == "PUT" && $0.kind == .api }.count

            let outcome = try await UpdateWorkflow(service: harness.client)
                .run(harness.options(files, submit: true, journal: journal, resume: true))
            guard case .completed(let summary, _) = outcome else {
                Issue.record("expected completion, got \(outcome)")
                return
            }
            #expect(summary.resumed)
            #expect(summary.partsSent == 1)
            let updatesAfter = harness.server.receivedRequests().filter { $0.method == "PUT" && $0.kind == .api }.count
            #expect(updatesAfter == updatesBefore, "resume makes no new Update call")
            for part in 1...(try UpdateHarness.partCount(inputs.trainingVideo)) where part != 4 {
                let sent = harness.uploads.filter { $0.uploadRole == .trainingVideo && $0.uploadPart == part }
                #expect(sent.count == 1, "part \(part) sent once")
            }
            try await expectStoredIdentical(harness, files)
            #expect(harness.server.jobState(harness.jobID) == "MANUAL_VERIFYING")
            #expect(!FileManager.default.fileExists(atPath: journal.path))
        }
    }

    @Test("a CONFIRM that fails after every part arrived is an after-update failure that --resume finishes")
    func confirmFailureIsAfterUpdate() async throws {
        let inputs = try await UpdateInputs.shared()
        try await UpdateHarness.with { harness in
            let folder = try TemporaryDirectory()
            let journal = folder.file("journal.json")
            let files = [UpdateFile(role: .trainingVideo, path: inputs.trainingVideo.path)]
            harness.server.injectFault(.status(500), matching: .api(method: "POST", pathSuffix: "/command"), times: 1)
            do {
                _ = try await UpdateWorkflow(service: harness.client).run(harness.options(files, submit: true, journal: journal))
                Issue.record("expected the confirmation to fail")
            } catch let error as UpdateError {
                #expect(error.kind == .uploadFailed)
                #expect(error.description.contains("job \(harness.jobID) was updated"))
                #expect(error.description.contains("finish with --resume"))
                #expect(error.description.contains(journal.path))
            }
            #expect(try JournalFileIO.read(journal).commandsSent.isEmpty)
            let uploadsBefore = harness.uploads.count

            let outcome = try await UpdateWorkflow(service: harness.client)
                .run(harness.options(files, submit: true, journal: journal, resume: true))
            guard case .completed(let summary, _) = outcome else {
                Issue.record("expected completion, got \(outcome)")
                return
            }
            #expect(summary.partsSent == 0)
            #expect(harness.uploads.count == uploadsBefore, "nothing is uploaded again")
            try await expectStoredIdentical(harness, files)
            #expect(harness.server.jobState(harness.jobID) == "MANUAL_VERIFYING")
        }
    }

    @Test("resume asks the service which training-video parts it holds")
    func resumeAsksService() async throws {
        let inputs = try await UpdateInputs.shared()
        try await UpdateHarness.with { harness in
            let journalFolder = try TemporaryDirectory()
            let journal = journalFolder.file("journal.json")
            let files = [UpdateFile(role: .trainingVideo, path: inputs.trainingVideo.path)]
            harness.server.injectFault(.status(500), matching: .uploadPart(role: .trainingVideo, part: try UpdateHarness.partCount(inputs.trainingVideo)), times: 20)
            _ = try? await UpdateWorkflow(service: harness.client).run(harness.options(files, journal: journal, parallelism: 1))
            // Forget in the journal that parts 1–4 arrived, as if the process died before writing it.
            var recorded = try JournalFileIO.read(journal)
            for index in recorded.files[0].parts.indices { recorded.files[0].parts[index].uploaded = false }
            try JournalFileIO.write(recorded, to: journal)
            harness.server.clearFaults()

            let outcome = try await UpdateWorkflow(service: harness.client)
                .run(harness.options(files, journal: journal, resume: true))
            guard case .completed(let summary, _) = outcome else {
                Issue.record("expected completion, got \(outcome)")
                return
            }
            #expect(summary.partsSent == 1)
            #expect(harness.server.receivedRequests().contains { $0.kind == .api && $0.path.hasSuffix("/command") })
            try await expectStoredIdentical(harness, files)
        }
    }

    @Test("resume refuses a file that changed since the journal was written")
    func resumeRefusesChangedFile() async throws {
        let inputs = try await UpdateInputs.shared()
        try await UpdateHarness.with { harness in
            let folder = try TemporaryDirectory()
            let journal = folder.file("journal.json")
            let copy = folder.file("training.mp4")
            try FileManager.default.copyItem(at: inputs.trainingVideo, to: copy)
            let files = [UpdateFile(role: .trainingVideo, path: copy.path)]
            await harness.interruptedUpdate(files, journal: journal)
            #expect(FileManager.default.fileExists(atPath: journal.path))
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: copy.path)
            let uploadsBefore = harness.uploads.count
            do {
                _ = try await UpdateWorkflow(service: harness.client).run(harness.options(files, journal: journal, resume: true))
                Issue.record("expected a refusal")
            } catch let error as UpdateError {
                #expect(error.description.contains("changed since"))
                #expect(error.description.contains(copy.path))
            }
            #expect(harness.uploads.count == uploadsBefore)
        }
    }

    @Test("resume refuses a journal recorded for other files")
    func resumeRefusesOtherFiles() async throws {
        let inputs = try await UpdateInputs.shared()
        try await UpdateHarness.with { harness in
            let journalFolder = try TemporaryDirectory()
            let journal = journalFolder.file("journal.json")
            harness.server.injectFault(.status(500), matching: .uploadPart(role: .trainingVideo, part: 1), times: 20)
            _ = try? await UpdateWorkflow(service: harness.client).run(
                harness.options([UpdateFile(role: .trainingVideo, path: inputs.trainingVideo.path)], journal: journal))
            do {
                _ = try await UpdateWorkflow(service: harness.client).run(harness.options(
                    [UpdateFile(role: .trainingVideo, path: inputs.actionVideo.path)], journal: journal, resume: true))
                Issue.record("expected a refusal")
            } catch let error as UpdateError {
                #expect(error.description.contains("does not match"))
            }
        }
    }
}
