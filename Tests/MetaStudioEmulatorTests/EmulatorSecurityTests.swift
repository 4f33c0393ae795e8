import AsyncHTTPClient
import Foundation
import MetaStudio
import MetaStudioEmulator
import NIOCore
import NIOHTTP1
import Testing
import TestSupport

/// The emulator keeps every file it writes or deletes below its storage folder, and its control API needs a token.
@Suite("Emulator security: storage and control")
struct EmulatorSecurityTests {
    private func control(_ h: EmulatorHarness, _ method: HTTPMethod, _ path: String, json: Any? = nil, token: String?) async throws -> EmulatorHarness.Reply {
        let body = try json.map { Array(try JSONSerialization.data(withJSONObject: $0)) }
        var headers = [(name: "Content-Type", value: "application/json")]
        if let token { headers.append((name: "X-Emulator-Token", value: token)) }
        let request = HTTPClientRequestBuilder.make(
            url: h.baseURL.absoluteString + "/__emulator/" + path, method: method, headers: headers, body: body)
        return try await h.execute(request, timeout: .seconds(30))
    }

    /// Every file below `folder`, as paths relative to it.
    private func listing(_ folder: URL) -> Set<String> {
        Set((FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String]) ?? [])
    }

    @Test("`..%2F` in a job id is refused by the control API and the job API, and nothing beside storage is deleted or written")
    func encodedTraversalIsRefused() async throws {
        let root = try TemporaryDirectory(prefix: "emulator-traversal")
        let storage = root.file("storage")
        let victim = root.file("victim")
        try FileManager.default.createDirectory(at: victim, withIntermediateDirectories: true)
        try await writeFile(Data("keep me".utf8), to: victim.appendingPathComponent("keep.txt"))
        let before = listing(root.url).filter { !$0.hasPrefix("storage") }

        try await EmulatorHarness.with(storage: storage) { (h: EmulatorHarness) async throws in
            let put = try await control(h, .PUT, "jobs/..%2Fvictim", json: ["state": "AUTO_VERIFY_FAILED"], token: h.server.controlToken)
            #expect(put.status == 400, "\(put.text)")
            let get = try await control(h, .GET, "jobs/..%2Fvictim", token: h.server.controlToken)
            #expect(get.status == 400)
            let delete = try await h.call(.DELETE, "/..%2Fvictim")
            #expect(delete.status == 404, "\(delete.text)")
            #expect(h.server.job("../victim") == nil)
            #expect(throws: EmulatorError.self) { try h.server.setJobState("../victim", "AUTO_VERIFY_FAILED") }
        }
        #expect(FileManager.default.fileExists(atPath: victim.appendingPathComponent("keep.txt").path))
        #expect(listing(root.url).filter { !$0.hasPrefix("storage") } == before)
    }

    @Test("job ids outside ^[A-Za-z0-9_-]{1,64}$ cannot be seeded", arguments: ["../x", "a/b", "", ".", "..", String(repeating: "a", count: 65), "job id", "jöb"])
    func seededIDsAreChecked(id: String) {
        #expect(throws: EmulatorError.self) {
            _ = try EmulatorServer(configuration: EmulatorConfiguration(projectID: "p", tokens: ["t"], seededJobs: [id: "AUTO_VERIFY_FAILED"]))
        }
    }

    @Test("`preflight emulator --job ../x=STATE` is a usage error and writes nothing outside its storage")
    func cliRefusesTraversingJobID() async throws {
        let root = try TemporaryDirectory(prefix: "emulator-cli-traversal")
        let storage = root.file("storage")
        let result = try await runPreflight(
            ["emulator", "--project-id", "p", "--token", "t", "--job", "../x=AUTO_VERIFY_FAILED", "--storage", storage.path])
        #expect(result.status == 64, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.contains("not a job id"))
        #expect(listing(root.url).allSatisfy { $0 == "storage" || $0.hasPrefix("storage/") })
        #expect(!FileManager.default.fileExists(atPath: root.file("x").path))
    }

    @Test("the control API answers only with the emulator's token")
    func controlNeedsToken() async throws {
        try await EmulatorHarness.with { (h: EmulatorHarness) async throws in
            #expect(h.server.controlToken.count >= 32)
            #expect(try await control(h, .GET, "requests", token: nil).status == 401)
            #expect(try await control(h, .GET, "requests", token: "wrong").status == 401)
            let faults = try await control(h, .POST, "faults", json: ["fault": "status", "status": 503], token: nil)
            #expect(faults.status == 401)
            #expect(try await h.call(.GET).status == 200, "no fault was added without the token")
            #expect(try await control(h, .GET, "requests", token: h.server.controlToken).status == 200)
        }
    }
}
