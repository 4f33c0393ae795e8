import Foundation
import Logging
import MetaStudioEmulator
import NIOCore
import Testing
@testable import MetaStudio

/// Log lines captured from the client, to check what it logs (and that it never logs secrets).
final class CapturedLog: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }

    var logger: Logger {
        Logger(label: "metastudio-test") { _ in CapturingHandler(sink: self) }
    }

    struct CapturingHandler: LogHandler {
        let sink: CapturedLog
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let merged = metadata.merging(event.metadata ?? [:]) { $1 }
            let fields = merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            sink.append("\(event.level) \(event.message) \(fields)")
        }
    }
}

/// A started emulator plus a client pointed at it; always call `close()`.
struct Harness {
    static let accessKey = "FAKE-AK-FOR-TESTS"
    static let secretKey = "fake-sk-5f3a-only-for-tests"
    static let token = "fake-iam-token-only-for-tests"
    static let project = "0a1b2c3d4e5f60718293a4b5c6d7e8f9"

    let server: EmulatorServer
    let client: MetaStudioClient
    let log: CapturedLog

    static func start(
        seeded: [String: String] = [:], credentials: MetaStudioCredentials? = nil, retry: RetryPolicy? = nil,
        requestTimeout: TimeAmount = .seconds(20), appUserID: String? = nil
    ) async throws -> Harness {
        let server = try EmulatorServer(configuration: EmulatorConfiguration(
            projectID: project, credentials: [accessKey: secretKey], tokens: [token], seededJobs: seeded))
        let url = try await server.start()
        let log = CapturedLog()
        let config = MetaStudioClientConfiguration(
            endpoint: try MetaStudioEndpoint(url: url.absoluteString),
            credentials: credentials ?? .accessKey(accessKey: accessKey, secretKey: secretKey, securityToken: nil),
            projectID: project, appUserID: appUserID, connectTimeout: .seconds(5), requestTimeout: requestTimeout,
            retry: retry ?? RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(2), maxDelay: .milliseconds(20)))
        return Harness(server: server, client: MetaStudioClient(configuration: config, logger: log.logger), log: log)
    }

    func close() async {
        try? await client.shutdown()
        try? await server.shutdown()
    }

    /// API requests the emulator received with this method whose path ends with `suffix`.
    func received(_ method: String, suffix: String = "") -> [ReceivedRequest] {
        server.receivedRequests().filter { $0.method == method && $0.path.hasSuffix(suffix) }
    }

    /// Checks that no captured text contains a secret: SK, token or a signature.
    func expectNoSecrets(in texts: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        for text in texts + log.all + [String(describing: client)] {
            #expect(!text.contains(Self.secretKey), "SK leaked: \(text)", sourceLocation: sourceLocation)
            #expect(!text.contains(Self.token), "token leaked: \(text)", sourceLocation: sourceLocation)
            #expect(!text.contains("Signature="), "signature leaked: \(text)", sourceLocation: sourceLocation)
        }
    }
}

/// Runs `body` and returns the error it throws, or records an issue when it does not throw.
func caught(_ body: () async throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) async -> (any Error)? {
    do {
        try await body()
        Issue.record("expected an error", sourceLocation: sourceLocation)
        return nil
    } catch {
        return error
    }
}

@Suite("Client against the emulator", .serialized)
struct ClientEmulatorTests {
    @Test("create, show, list, execute and delete succeed")
    func lifecycle() async throws {
        let h = try await Harness.start(appUserID: "tester-01")
        do {
            let created = try await h.client.createJob(CreateTrainingJobRequest(
                name: "测试角色", contact: "1**********", videoMultipartCount: 2, isBackgroundReplacement: true,
                tags: ["a"], supportedService: [.video2d, .live2d]))
            let jobID = try #require(created.body.jobID)
            #expect(created.statusCode == 200)
            #expect(created.body.trainingVideoUploadURL?.count == 2)
            #expect(created.requestID != nil)

            let shown = try await h.client.showJob(jobID: jobID)
            #expect(shown.body.jobID == jobID)
            #expect(shown.body.name == "测试角色")
            #expect(shown.body.state == .waitFileUpload)
            #expect(shown.body.appUserID == "tester-01")

            let listed = try await h.client.listJobs(ListTrainingJobsQuery(offset: 0, limit: 10, states: [.waitFileUpload]))
            #expect(listed.body.jobs?.contains { $0.jobID == jobID } == true)
            #expect((listed.body.count ?? 0) >= 1)

            let parts = try await h.client.executeCommand(jobID: jobID, .getMultipartUploaded)
            #expect(parts.body.succeeded)
            #expect(parts.body.multipartData?.isEmpty ?? true)

            let deleted = try await h.client.deleteJob(jobID: jobID)
            #expect(deleted.statusCode == 200)
            let gone = await caught { _ = try await h.client.showJob(jobID: jobID) }
            let error = try #require(gone as? MetaStudioServiceError)
            #expect(error.statusCode == 404)
            #expect(error.request.hasPrefix("GET /v1/\(Harness.project)/digital-human-training-manage/user/jobs/"))
            h.expectNoSecrets(in: [String(describing: error)])
        } catch {
            Issue.record("unexpected \(error)")
        }
        await h.close()
    }

    @Test("update succeeds after a failed review and returns fresh upload URLs")
    func update() async throws {
        let h = try await Harness.start(seeded: ["job-failed": "AUTO_VERIFY_FAILED"])
        do {
            let updated = try await h.client.updateJob(
                jobID: "job-failed", UpdateTrainingJobRequest(name: "renamed", videoMultipartCount: 3))
            #expect(updated.body.trainingVideoUploadURL?.count == 3)
            #expect(try await h.client.showJob(jobID: "job-failed").body.name == "renamed")
        } catch {
            Issue.record("unexpected \(error)")
        }
        await h.close()
    }

    @Test("NA commands move a job waiting for user confirmation")
    func commands() async throws {
        let h = try await Harness.start(seeded: ["na-1": "WAIT_USER_CONFIRM", "na-2": "WAIT_USER_CONFIRM"])
        do {
            let accepted = try await h.client.executeCommand(jobID: "na-1", .confirmAccept)
            #expect(accepted.body.commandResult == .success)
            #expect(try await h.client.showJob(jobID: "na-1").body.state == .jobFinish)
            _ = try await h.client.executeCommand(jobID: "na-2", TrainingCommandRequest(
                command: .confirmReject, commentData: CommentData(commentTitle: "t", commentMessage: "m")))
            #expect(try await h.client.showJob(jobID: "na-2").body.state == .jobReject)
        } catch {
            Issue.record("unexpected \(error)")
        }
        await h.close()
    }

    @Test("a call in the wrong state is refused with the decoded service error, once")
    func wrongState() async throws {
        let h = try await Harness.start(seeded: ["job-new": "WAIT_FILE_UPLOAD", "job-train": "TRAINING"])
        let error = await caught { _ = try await h.client.updateJob(jobID: "job-new", UpdateTrainingJobRequest(name: "x")) }
        let service = try #require(error as? MetaStudioServiceError)
        #expect(service.statusCode == 400)
        #expect(service.errorCode?.hasPrefix("MSS.") == true)
        #expect(service.errorMessage?.contains("WAIT_FILE_UPLOAD") == true)
        #expect(service.requestID != nil)
        #expect(service.request == "PUT /v1/\(Harness.project)/digital-human-training-manage/user/jobs/job-new")
        #expect(h.received("PUT").count == 1)

        let deleteError = await caught { _ = try await h.client.deleteJob(jobID: "job-train") }
        #expect((deleteError as? MetaStudioServiceError)?.statusCode == 400)
        h.expectNoSecrets(in: [String(describing: error), String(describing: deleteError)])
        await h.close()
    }

    @Test("safe calls are retried through injected 500, 503 and connection resets")
    func retriesSafeCalls() async throws {
        let h = try await Harness.start(seeded: ["job-1": "AUTO_VERIFY_FAILED"])
        do {
            h.server.injectFault(.status(503), matching: .api(method: "GET"), times: 1)
            h.server.injectFault(.status(500), matching: .api(method: "GET"), times: 1)
            let shown = try await h.client.showJob(jobID: "job-1")
            #expect(shown.attempts == 3)
            #expect(h.received("GET", suffix: "/job-1").map(\.status) == [503, 500, 200])

            h.server.injectFault(.connectionReset, matching: .api(method: "GET"), times: 1)
            let listed = try await h.client.listJobs()
            #expect(listed.attempts == 2)

            h.server.injectFault(.status(500), matching: .api(method: "POST", pathSuffix: "/command"), times: 1)
            let parts = try await h.client.executeCommand(jobID: "job-1", .getMultipartUploaded)
            #expect(parts.attempts == 2)

            h.server.injectFault(.status(503), matching: .api(method: "DELETE"), times: 1)
            let deleted = try await h.client.deleteJob(jobID: "job-1")
            #expect(deleted.attempts == 2)
            #expect(h.log.all.contains { $0.contains("attempt=2") })
        } catch {
            Issue.record("unexpected \(error)")
        }
        await h.close()
    }

    @Test("unsafe calls are not repeated after 500 or a connection reset")
    func noRetryForUnsafeCalls() async throws {
        let h = try await Harness.start(seeded: ["job-1": "AUTO_VERIFY_FAILED", "job-2": "WAIT_FILE_UPLOAD"])
        h.server.injectFault(.status(500), matching: .api(method: "POST"), times: 1)
        let createError = await caught { _ = try await h.client.createJob(CreateTrainingJobRequest(name: "n")) }
        #expect((createError as? MetaStudioServiceError)?.statusCode == 500)
        #expect(h.received("POST", suffix: "/jobs").count == 1)

        h.server.injectFault(.connectionReset, matching: .api(method: "PUT"), times: 3)
        let updateError = await caught { _ = try await h.client.updateJob(jobID: "job-1", UpdateTrainingJobRequest(name: "n")) }
        let client = try #require(updateError as? MetaStudioClientError)
        #expect(client == .connection)
        #expect(client.message.contains("after 1 attempt"))
        #expect(client.request == "PUT /v1/\(Harness.project)/digital-human-training-manage/user/jobs/job-1")
        #expect(h.received("PUT").count == 1)
        h.server.clearFaults()

        h.server.injectFault(.status(503), matching: .api(method: "POST", pathSuffix: "/command"), times: 1)
        let submitError = await caught { _ = try await h.client.executeCommand(jobID: "job-2", .submitVerifying) }
        #expect((submitError as? MetaStudioServiceError)?.statusCode == 503)
        #expect(h.received("POST", suffix: "/command").count == 1)
        h.expectNoSecrets(in: [String(describing: createError), String(describing: updateError),
                               String(describing: submitError)])
        await h.close()
    }

    @Test("retries stop at the configured attempt count")
    func maxAttempts() async throws {
        let h = try await Harness.start(
            seeded: ["job-1": "TRAINING"],
            retry: RetryPolicy(maxAttempts: 2, baseDelay: .milliseconds(1), maxDelay: .milliseconds(5)))
        h.server.injectFault(.status(429), matching: .api(method: "GET"), times: 5)
        let error = await caught { _ = try await h.client.showJob(jobID: "job-1") }
        #expect((error as? MetaStudioServiceError)?.statusCode == 429)
        #expect(h.received("GET").count == 2)
        await h.close()
    }

    @Test("a bad signature is refused with 401 and not retried")
    func badSignature() async throws {
        let h = try await Harness.start(
            seeded: ["job-1": "TRAINING"],
            credentials: .accessKey(accessKey: Harness.accessKey, secretKey: "fake-sk-wrong-one", securityToken: nil))
        let error = await caught { _ = try await h.client.showJob(jobID: "job-1") }
        let service = try #require(error as? MetaStudioServiceError)
        #expect(service.statusCode == 401)
        #expect(service.description.contains("AK/SK"))
        #expect(h.received("GET").count == 1)
        #expect(!String(describing: error).contains("fake-sk-wrong-one"))
        await h.close()
    }

    @Test("IAM token authentication works")
    func tokenAuth() async throws {
        let h = try await Harness.start(seeded: ["job-1": "JOB_SUCCESS"], credentials: .token(Harness.token))
        do {
            #expect(try await h.client.showJob(jobID: "job-1").body.state == .jobSuccess)
        } catch {
            Issue.record("unexpected \(error)")
        }
        h.expectNoSecrets(in: [])
        await h.close()
    }

    @Test("invalid input never reaches the network")
    func validationFirst() async throws {
        let h = try await Harness.start()
        let errors = [
            await caught { _ = try await h.client.createJob(CreateTrainingJobRequest(name: "n", videoMultipartCount: 0)) },
            await caught { _ = try await h.client.listJobs(ListTrainingJobsQuery(limit: 1000)) },
            await caught { _ = try await h.client.executeCommand(jobID: "j", "NOT_A_COMMAND") },
            await caught { _ = try await h.client.showJob(jobID: "") },
        ]
        for error in errors { #expect((error as? MetaStudioClientError) == .invalidField) }
        #expect(h.server.receivedRequests().isEmpty)
        await h.close()
    }

    @Test("an X-App-UserId with Chinese characters is refused before sending")
    func chineseAppUser() async throws {
        let h = try await Harness.start(appUserID: "用户")
        let error = await caught { _ = try await h.client.listJobs() }
        #expect((error as? MetaStudioClientError)?.field == "X-App-UserId")
        #expect(h.server.receivedRequests().isEmpty)
        await h.close()
    }

    @Test("a slow answer past the request deadline is a timeout")
    func timeout() async throws {
        let h = try await Harness.start(seeded: ["job-1": "TRAINING"], retry: .never, requestTimeout: .milliseconds(300))
        h.server.injectFault(.delay(milliseconds: 3000), matching: .api(method: "GET"), times: 1)
        let error = await caught { _ = try await h.client.showJob(jobID: "job-1") }
        #expect((error as? MetaStudioClientError) == .timeout)
        await h.close()
    }

    @Test("logs name method, path, status, request id and attempt, and never secrets")
    func logging() async throws {
        let h = try await Harness.start(
            seeded: ["job-1": "TRAINING"],
            credentials: .accessKey(accessKey: Harness.accessKey, secretKey: Harness.secretKey, securityToken: Harness.token))
        _ = try? await h.client.showJob(jobID: "job-1")
        let line = try #require(h.log.all.first)
        #expect(line.contains("method=GET"))
        #expect(line.contains("path=/v1/\(Harness.project)/digital-human-training-manage/user/jobs/job-1"))
        #expect(line.contains("status="))
        #expect(line.contains("request_id="))
        #expect(line.contains("attempt=1"))
        h.expectNoSecrets(in: [])
        await h.close()
    }

    @Test("calls after shutdown fail clearly")
    func afterShutdown() async throws {
        let h = try await Harness.start()
        try await h.client.shutdown()
        try await h.client.shutdown()
        let error = await caught { _ = try await h.client.listJobs() }
        #expect((error as? MetaStudioClientError) == .shutdown)
        await h.close()
    }
}
