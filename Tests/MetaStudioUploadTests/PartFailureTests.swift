import Foundation
import MetaStudio
import MetaStudioEmulator
import MetaStudioUpload
import Preflight
import Testing
import TestSupport

@Suite("Update: how a part that keeps failing affects the others")
struct PartFailureTests {
    @Test("a part that fails for good does not stop the others: all of them arrive, and the error and the journal name only it")
    func onePartFailingLetsTheOthersFinish() async throws {
        let inputs = try await UpdateInputs.shared()
        try await UpdateHarness.with { harness in
            let folder = try TemporaryDirectory()
            let journal = folder.file("journal.json")
            let files = [UpdateFile(role: .trainingVideo, path: inputs.trainingVideo.path),
                         UpdateFile(role: .idCardFront, path: inputs.idFront.path)]
            let parts = try UpdateHarness.partCount(inputs.trainingVideo)
            harness.server.injectFault(.status(500), matching: .uploadPart(role: .trainingVideo, part: 2), times: 100)
            // One part at a time: a run that stopped at the first failure would never start parts 3 and later.
            await #expect(throws: UpdateError.self) {
                _ = try await UpdateWorkflow(service: harness.client)
                    .run(harness.options(files, journal: journal, parallelism: 1))
            }
            let recorded = try JournalFileIO.read(journal)
            #expect(recorded.files[0].parts.filter { !$0.uploaded }.map(\.part.number) == [2])
            #expect(recorded.files[1].parts.allSatisfy { $0.uploaded })
            for part in 1...parts where part != 2 {
                #expect(harness.uploads.filter { $0.uploadRole == .trainingVideo && $0.uploadPart == part }.count == 1,
                        "part \(part) sent once")
            }
            #expect(harness.uploads.contains { $0.uploadRole == .idCardFront && $0.status == 200 })
        }
    }

    @Test("once as many parts as run at once have failed for good, no further part is started")
    func failingEverywhereStopsStartingParts() async throws {
        let inputs = try await UpdateInputs.shared()
        try await UpdateHarness.with { harness in
            let files = [UpdateFile(role: .trainingVideo, path: inputs.trainingVideo.path)]
            #expect(try UpdateHarness.partCount(inputs.trainingVideo) > 3)
            harness.server.injectFault(.status(503), matching: .uploadPart(role: .trainingVideo), times: 1000)
            do {
                _ = try await UpdateWorkflow(service: harness.client).run(harness.options(files, parallelism: 2))
                Issue.record("expected the upload to fail")
            } catch let error as UpdateError {
                #expect(error.kind == .uploadFailed)
                #expect(error.description.contains("part 1 of"), "the first part in order is the one reported: \(error)")
            }
            // Parts 1 and 2 start; when the first of them has failed, part 3 takes its place; when the second has
            // failed, two have, and nothing more is started.
            let attempted = Set(harness.uploads.compactMap { $0.uploadRole == .trainingVideo ? $0.uploadPart : nil })
            #expect(attempted == [1, 2, 3])
        }
    }

    @Test("a 409 (storage still busy with an earlier attempt) is retried, and the part arrives")
    func busyIsRetried() async throws {
        let inputs = try await UpdateInputs.shared()
        try await UpdateHarness.with { harness in
            let files = [UpdateFile(role: .cover, path: inputs.cover.path)]
            harness.server.injectFault(.status(409), matching: .uploadPart(role: .cover), times: 2)
            let outcome = try await UpdateWorkflow(service: harness.client).run(harness.options(files))
            guard case .completed = outcome else {
                Issue.record("expected completion, got \(outcome)")
                return
            }
            #expect(harness.uploads.filter { $0.uploadRole == .cover }.map(\.status) == [409, 409, 200])
            let stored = try #require(harness.server.storedFileURL(jobID: harness.jobID, role: .cover))
            #expect(try await sha256(of: stored) == sha256(of: inputs.cover))
        }
    }
}
