import Foundation
import NIOHTTP1
import NIOCore
import AsyncHTTPClient
import MetaStudio
import MetaStudioEmulator
import Testing

@Suite("Emulator: authentication")
struct EmulatorAuthTests {
    @Test func validSignatureWithQueryIsAccepted() async throws {
        try await EmulatorHarness.with { (h: EmulatorHarness) async throws in
            let reply = try await h.call(.GET, query: [("limit", "10"), ("name", "a b/c"), ("state", "WAIT_FILE_UPLOAD,JOB_SUCCESS")])
            #expect(reply.status == 200, "\(reply.text)")
        }
    }

    @Test func wrongSecretKeyIsRefused() async throws {
        try await EmulatorHarness.with { (h: EmulatorHarness) async throws in
            let reply = try await h.call(.GET, auth: .signed(secretKey: "not-the-secret"))
            #expect(reply.status == 401)
            #expect(reply.string("error_code") == "APIGW.0301")
            #expect(reply.string("error_msg")?.contains("signature") == true)
            #expect(!reply.text.contains(EmulatorHarness.secretKey))
        }
    }

    @Test func unknownAccessKeyIsRefused() async throws {
        try await EmulatorHarness.with { (h: EmulatorHarness) async throws in
            let reply = try await h.call(.GET, auth: .signed(accessKey: "SOMEONEELSE"))
            // Worded as a wrong signature: the answer does not tell which access keys exist.
            #expect(reply.status == 401 && reply.string("error_msg")?.contains("signature does not match") == true)
        }
    }

    @Test func missingSdkDateIsRefused() async throws {
        try await EmulatorHarness.with { (h: EmulatorHarness) async throws in
            let reply = try await h.call(.GET, removeHeaders: ["X-Sdk-Date"])
            #expect(reply.status == 401 && reply.string("error_msg")?.contains("X-Sdk-Date") == true)
        }
    }

    @Test(arguments: [-20.0 * 60, 16.0 * 60])
    func clockSkewBeyondFifteenMinutesIsRefused(offset: Double) async throws {
        try await EmulatorHarness.with { (h: EmulatorHarness) async throws in
            let reply = try await h.call(.GET, auth: .signed(date: Date().addingTimeInterval(offset)))
            #expect(reply.status == 401 && reply.string("error_msg")?.contains("X-Sdk-Date") == true)
            let near = try await h.call(.GET, auth: .signed(date: Date().addingTimeInterval(offset > 0 ? 600 : -600)))
            #expect(near.status == 200)
        }
    }

    @Test func bodyChangedAfterSigningIsRefused() async throws {
        try await EmulatorHarness.with { (h: EmulatorHarness) async throws in
            // Sign one body, send another: the payload hash no longer matches.
            let signedBody = Array(#"{"name":"a"}"#.utf8)
            let request = SignableRequest(
                method: "POST", host: h.hostHeader, path: EmulatorHarness.jobsPath,
                headers: [(name: "Content-Type", value: "application/json")], body: signedBody)
            let headers = Signer(accessKey: EmulatorHarness.accessKey, secretKey: EmulatorHarness.secretKey).sign(request, date: Date())
            var http = HTTPClientRequestBuilder.make(url: h.baseURL.absoluteString + EmulatorHarness.jobsPath, method: .POST, headers: headers,
                                                    body: Array(#"{"name":"b"}"#.utf8))
            http.headers.replaceOrAdd(name: "Content-Length", value: "12")
            let reply = try await h.execute(http, timeout: .seconds(30))
            #expect(reply.status == 401)
        }
    }

    @Test func hostMustBeSigned() async throws {
        try await EmulatorHarness.with { (h: EmulatorHarness) async throws in
            let date = Signer.sdkDate(Date())
            let signed = ["content-type", "x-sdk-date"]
            let authorization = Signer(accessKey: EmulatorHarness.accessKey, secretKey: EmulatorHarness.secretKey).expectedAuthorization(
                method: "GET", path: EmulatorHarness.jobsPath, query: [],
                headers: ["content-type": "application/json", "x-sdk-date": date], signedHeaders: signed,
                payloadHash: Signer.emptyPayloadHash, sdkDate: date)
            let http = HTTPClientRequestBuilder.make(
                url: h.baseURL.absoluteString + EmulatorHarness.jobsPath, method: .GET,
                headers: [(name: "Content-Type", value: "application/json"), (name: "X-Sdk-Date", value: date),
                          (name: "Authorization", value: authorization)], body: nil)
            let reply = try await h.execute(http, timeout: .seconds(30))
            #expect(reply.status == 401 && reply.string("error_msg")?.contains("host") == true)
        }
    }

    @Test func tokensAreCheckedToo() async throws {
        try await EmulatorHarness.with { (h: EmulatorHarness) async throws in
            #expect(try await h.call(.GET, auth: .token(EmulatorHarness.token)).status == 200)
            let bad = try await h.call(.GET, auth: .token("wrong-token"))
            #expect(bad.status == 401 && bad.string("error_code") == "APIGW.0301")
            let none = try await h.call(.GET, auth: .none)
            #expect(none.status == 401)
        }
    }

    @Test func projectInThePathMustBeTheConfiguredOne() async throws {
        try await EmulatorHarness.with { (h: EmulatorHarness) async throws in
            let reply = try await h.call(.GET, fullPath: "/v1/other-project/digital-human-training-manage/user/jobs")
            #expect(reply.status == 400 && reply.string("error_code") == "MSS.00010009")
        }
    }

    @Test func nonLoopbackHostIsRefusedUnlessAllowed() throws {
        #expect(throws: EmulatorError.self) {
            _ = try EmulatorServer(configuration: EmulatorConfiguration(projectID: "p", host: "0.0.0.0"))
        }
        #expect(throws: EmulatorError.self) {
            _ = try EmulatorServer(configuration: EmulatorConfiguration(projectID: "p", seededJobs: ["j": "NOT_A_STATE"]))
        }
    }

    @Test("a host name that only starts like a loopback address is not one", arguments: ["127.evil.com", "127.0.0.1.evil.com", "::ffff:10.0.0.1"])
    func lookalikeHostsAreNotLoopback(host: String) throws {
        #expect(!MetaStudioEndpoint.isLoopback(host))
        #expect(throws: EmulatorError.self) {
            _ = try EmulatorServer(configuration: EmulatorConfiguration(projectID: "p", host: host))
        }
    }

    @Test("loopback in every spelling the emulator meets: names, IPv4, IPv6 and IPv4 mapped into IPv6",
          arguments: ["localhost", "127.0.0.1", "127.1.2.3", "::1", "[::1]", "::ffff:127.0.0.1"])
    func loopbackSpellings(host: String) {
        #expect(MetaStudioEndpoint.isLoopback(host))
    }
}
