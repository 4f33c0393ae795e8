import Foundation
import MetaStudio
import MetaStudioEmulator
import MetaStudioUpload
import NIOCore
import Preflight
import TestSupport
import Testing

@Suite("Create: workflow against the emulator", .serialized)
struct CreateWorkflowTests {
    private func options(_ files: [UpdateFile], name: String, submit: Bool = true, journal: URL? = nil,
                         resume: Bool = false) -> CreateOptions {
        CreateOptions(request: CreateTrainingJobRequest(name: name, tags: ["t"]), run: UploadRun(
            projectID: UpdateHarness.projectID, files: files, partSize: UpdateHarness.testPartSize, submit: submit,
            resume: resume, journalURL: journal,
            retry: RetryPolicy(maxAttempts: 4, baseDelay: .milliseconds(20), maxDelay: .milliseconds(100))))
    }

    private func creates(_ harness: UpdateHarness) -> [ReceivedRequest] {
        harness.server.receivedRequests().filter { $0.kind == .api && $0.method == "POST" && $0.path.hasSuffix("/user/jobs") }
    }

    @Test("every role is uploaded byte-exact to the new job, both videos confirmed, and the job submitted")
    func everyRole() async throws {
        let inputs = try await UpdateInputs.shared()
        try await UpdateHarness.with { harness in
            let folder = try TemporaryDirectory()
            let journal = folder.file("journal.json")
            let outcome = try await CreateWorkflow(service: harness.client).run(options(inputs.allFiles, name: "All roles", journal: journal))
            guard case .completed(let summary, _) = outcome else {
                Issue.record("expected completion, got \(outcome)")
                return
            }
            #expect(summary.commands == ["CONFIRM_MULTIPART_UPLOADED", "CONFIRM_ACTION_VIDEO_MULTIPART_UPLOADED", "SUBMITVERIFYING"])
            #expect(harness.server.job(summary.jobID)?.name == "All roles")
            #expect(harness.server.jobState(summary.jobID) == "MANUAL_VERIFYING")
            #expect(harness.server.job(summary.jobID)?.videoMultipartCount == (try UpdateHarness.partCount(inputs.trainingVideo)))
            for file in inputs.allFiles {
                let stored = try #require(harness.server.storedFileURL(jobID: summary.jobID, role: file.role), "nothing stored for \(file.role)")
                #expect(try await sha256(of: stored) == sha256(of: URL(fileURLWithPath: file.path)), "\(file.role) differs")
            }
            #expect(creates(harness).count == 1)
            #expect(!FileManager.default.fileExists(atPath: journal.path), "the journal is removed when done")
        }
    }

    @Test("a failing file: nothing is sent")
    func lintFailure() async throws {
        let inputs = try await UpdateInputs.shared()
        try await UpdateHarness.with { harness in
            let files = [UpdateFile(role: .trainingVideo, path: inputs.shortVideo.path)]
            let outcome = try await CreateWorkflow(service: harness.client).run(options(files, name: "Short"))
            guard case .lintFailed(let report) = outcome else {
                Issue.record("expected a lint failure, got \(outcome)")
                return
            }
            #expect(!report.passed)
            #expect(harness.server.receivedRequests().isEmpty)
        }
    }

    @Test("an answer that never comes: the job exists, Create is not repeated, and the error says how to find it")
    func answerLostAfterTheJobWasMade() async throws {
        let inputs = try await UpdateInputs.shared()
        try await UpdateHarness.with { harness in
            // The emulator makes the job, then resets the connection instead of answering. (Holding the answer past the
            // client's deadline instead once crashed AsyncHTTPClient's pool when the late answer arrived.)
            let client = harness.client
            harness.server.injectFault(.dropAnswer, matching: .api(method: "POST", pathSuffix: "/user/jobs"), times: 5)
            let folder = try TemporaryDirectory()
            do {
                _ = try await CreateWorkflow(service: client)
                    .run(options([UpdateFile(role: .trainingVideo, path: inputs.trainingVideo.path)], name: "Lost answer",
                                 journal: folder.file("journal.json")))
                Issue.record("expected the create to fail")
            } catch let error as CreateError {
                #expect(error.kind == .outcomeUnknown)
                #expect(error.jobID == nil)
                #expect(error.description.contains("jobs list --name 'Lost answer'"))
            }
            #expect(harness.uploads.isEmpty)
            #expect(!FileManager.default.fileExists(atPath: folder.file("journal.json").path))
            harness.server.clearFaults()
            // Each Create that reached the emulator made a job: exactly one, found the way the advice says.
            #expect(harness.server.receivedRequests().filter { $0.method == "POST" && $0.path.hasSuffix("/user/jobs") }.count == 1)
            let listed = try await harness.client.listJobs(ListTrainingJobsQuery(name: "Lost answer")).body
            #expect(listed.jobs?.map(\.state) == [.waitFileUpload])
        }
    }

    @Test("a journal of an unfinished create refuses a second Create; resume finishes the first job")
    func journalInTheWay() async throws {
        let inputs = try await UpdateInputs.shared()
        try await UpdateHarness.with { harness in
            let folder = try TemporaryDirectory()
            let journal = folder.file("journal.json")
            let files = [UpdateFile(role: .trainingVideo, path: inputs.trainingVideo.path)]
            harness.server.injectFault(.status(500), matching: .uploadPart(role: .trainingVideo, part: 2), times: 50)
            let jobID: String
            do {
                _ = try await CreateWorkflow(service: harness.client).run(options(files, name: "Twice", journal: journal))
                Issue.record("expected the upload to fail")
                return
            } catch let error as CreateError {
                #expect(error.kind == .afterCreate)
                jobID = try #require(error.jobID)
                #expect(error.description.contains("--resume"))
            }
            harness.server.clearFaults()
            do {
                _ = try await CreateWorkflow(service: harness.client).run(options(files, name: "Twice", journal: journal))
                Issue.record("expected a refusal")
            } catch let error as CreateError {
                #expect(error.kind == .local)
                #expect(error.jobID == jobID)
            }
            #expect(creates(harness).count == 1)
            let outcome = try await CreateWorkflow(service: harness.client).run(options(files, name: "Twice", journal: journal, resume: true))
            guard case .completed(let summary, _) = outcome else {
                Issue.record("expected completion, got \(outcome)")
                return
            }
            #expect(summary.jobID == jobID && summary.resumed)
            #expect(creates(harness).count == 1)
            #expect(harness.server.jobState(jobID) == "MANUAL_VERIFYING")
            let stored = try #require(harness.server.storedFileURL(jobID: jobID, role: .trainingVideo))
            #expect(try await sha256(of: stored) == sha256(of: inputs.trainingVideo))
        }
    }
}
