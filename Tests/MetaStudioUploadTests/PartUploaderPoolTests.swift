import AsyncHTTPClient
import Foundation
import MetaStudio
import MetaStudioEmulator
@testable import MetaStudioUpload
import NIOPosix
import Preflight
import Testing
import TestSupport

@Suite("PartUploader: part files are read on its thread pool")
struct PartUploaderPoolTests {
    /// A cover upload task to the harness's job (the Update call hands out the URL).
    private static func coverTask(_ harness: UpdateHarness, path: String) async throws -> PartUploadTask {
        let answer = try await harness.client.updateJob(jobID: harness.jobID, UpdateTrainingJobRequest())
        let url = try #require(Role.cover.wire.urls(answer.body).first, "the Update answer has no cover URL")
        let size = try FileIdentity(path: path).size
        return PartUploadTask(fileIndex: 0, path: path, role: .cover, part: FilePart(number: 1, offset: 0, length: size),
                              partCount: 1, url: url, contentType: Role.cover.wire.contentType)
    }

    @Test("while the pool's one thread is held, an async round trip completes before the part; then it arrives byte-exact")
    func readsWaitForThePoolNotTheCaller() async throws {
        let inputs = try await UpdateInputs.shared()
        try await UpdateHarness.with { harness in
            let task = try await Self.coverTask(harness, path: inputs.cover.path)
            // Its one thread is held until the gate opens: the reads cannot run before then.
            let gated = try GatedThreadPool()
            let pool = gated.pool
            let httpClient = HTTPClient(eventLoopGroupProvider: .singleton,
                                        configuration: PartUploader.clientConfiguration(parallelism: 1))
            let uploader = PartUploader(httpClient: httpClient, parallelism: 1, chunkSize: 4096, threadPool: pool)
            let log = EventLog()
            let upload = Task {
                try await uploader.upload([task], events: { _ in }, alreadyUploaded: { _ in false }, partDone: { _, _ in })
                await log.record("uploaded")
            }
            let answer = await withCheckedContinuation { (continuation: CheckedContinuation<Int, Never>) in
                Thread { continuation.resume(returning: 7) }.start()
            }
            await log.record("round trip \(answer)")
            gated.open()
            let outcome = await upload.result
            try await httpClient.shutdown()
            try await gated.shutdown()

            try outcome.get()
            #expect(await log.events == ["round trip 7", "uploaded"])
            let stored = try #require(harness.server.storedFileURL(jobID: harness.jobID, role: .cover))
            #expect(try await sha256(of: stored) == sha256(of: inputs.cover))
        }
    }

    @Test("with its thread pool stopped, the part fails with an error naming the file, and nothing is stored")
    func aStoppedPoolFailsThePart() async throws {
        let inputs = try await UpdateInputs.shared()
        try await UpdateHarness.with { harness in
            let task = try await Self.coverTask(harness, path: inputs.cover.path)
            let pool = NIOThreadPool(numberOfThreads: 1)
            pool.start()
            try await pool.shutdownGracefully()
            let httpClient = HTTPClient(eventLoopGroupProvider: .singleton,
                                        configuration: PartUploader.clientConfiguration(parallelism: 1))
            let uploader = PartUploader(httpClient: httpClient, parallelism: 1, threadPool: pool)
            let outcome = await Result(catching: {
                try await uploader.upload([task], events: { _ in }, alreadyUploaded: { _ in false }, partDone: { _, _ in })
            })
            try await httpClient.shutdown()

            guard case .failure(let error) = outcome else {
                Issue.record("the part was uploaded although its reads had no thread to run on")
                return
            }
            let text = String(describing: error)
            #expect(text.contains(inputs.cover.path), "\(text)")
            #expect(text.contains("thread pool is stopped"), "\(text)")
            #expect(harness.server.storedFileURL(jobID: harness.jobID, role: .cover) == nil)
        }
    }
}

extension Result where Failure == any Error {
    /// The outcome of an async throwing body.
    fileprivate init(catching body: () async throws -> Success) async {
        do { self = .success(try await body()) } catch { self = .failure(error) }
    }
}
