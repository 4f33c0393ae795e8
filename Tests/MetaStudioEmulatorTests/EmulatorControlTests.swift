import AsyncHTTPClient
import Foundation
import MetaStudioEmulator
import NIOCore
import NIOHTTP1
import Testing

@Suite("Emulator: loopback control endpoints")
struct EmulatorControlTests {
    private func control(_ h: EmulatorHarness, _ method: HTTPMethod, _ path: String, json: Any? = nil) async throws -> EmulatorHarness.Reply {
        let body = try json.map { Array(try JSONSerialization.data(withJSONObject: $0)) }
        let request = HTTPClientRequestBuilder.make(
            url: h.baseURL.absoluteString + "/__emulator/" + path, method: method,
            headers: [(name: "Content-Type", value: "application/json"), (name: "X-Emulator-Token", value: h.server.controlToken)], body: body)
        return try await h.execute(request, timeout: .seconds(30))
    }

    @Test func faultsCanBeInjectedOverHTTP() async throws {
        try await EmulatorHarness.with { (h: EmulatorHarness) async throws in
            let added = try await control(h, .POST, "faults", json: ["fault": "status", "status": 503, "match": "api", "method": "GET", "times": 2])
            #expect(added.status == 200 && added.json["pending"] as? Int == 2)
            #expect(try await h.call(.GET).status == 503)
            #expect(try await control(h, .DELETE, "faults").status == 200)
            #expect(try await h.call(.GET).status == 200)

            let bad = try await control(h, .POST, "faults", json: ["fault": "explode"])
            #expect(bad.status == 400)
            let badRole = try await control(h, .POST, "faults", json: ["fault": "connection_reset", "match": "upload_part", "role": "selfie"])
            #expect(badRole.status == 400)
        }
    }

    @Test func requestsAndJobsCanBeReadAndStatesSet() async throws {
        try await EmulatorHarness.with { (h: EmulatorHarness) async throws in
            let created = try await h.createJob()
            let jobID = try #require(created.string("job_id"))
            let requests = try await control(h, .GET, "requests")
            let list = try #require((try? JSONSerialization.jsonObject(with: Data(requests.body))) as? [[String: Any]])
            #expect(list.count == 1 && list[0]["method"] as? String == "POST" && list[0]["status"] as? Int == 200)

            let job = try await control(h, .GET, "jobs/\(jobID)")
            #expect(job.string("state") == "WAIT_FILE_UPLOAD")
            let set = try await control(h, .PUT, "jobs/\(jobID)", json: ["state": "MANUAL_VERIFY_FAILED"])
            #expect(set.status == 200 && set.string("state") == "MANUAL_VERIFY_FAILED")
            #expect(h.server.jobState(jobID) == "MANUAL_VERIFY_FAILED")
            #expect(try await control(h, .PUT, "jobs/\(jobID)", json: ["state": "BOGUS"]).status == 400)
            #expect(try await control(h, .GET, "jobs/nope").status == 404)
            // Control calls are not recorded.
            #expect(h.server.receivedRequests().count == 1)
        }
    }
}
