import AsyncHTTPClient
import NIOHTTP1
import NIOCore
import Foundation
import Testing
import TestSupport

/// `preflight emulator` run as a child process: base URL first on stdout, request log on stderr, clean exit on SIGTERM.
@Suite("preflight emulator (CLI)")
struct EmulatorCommandTests {
    @Test func printsTheBaseURLServesAndStopsOnSIGTERM() async throws {
        let binary = RepoPaths.preflightBinary
        try #require(FileManager.default.isExecutableFile(atPath: binary.path), "build the preflight product first: \(binary.path)")
        let emulator = try await ChildProcess.start(
            binary.path, ["emulator", "--project-id", "p-cli", "--token", "cli-token", "--job", "j1=AUTO_VERIFY_FAILED"],
            environment: ["CLOUD_SDK_AK": "CLIAK", "CLOUD_SDK_SK": "cli-secret-value"])
        let firstLine = await emulator.firstLine()
        let start = try #require(firstLine.flatMap { EmulatorStartLine($0.trimmingCharacters(in: .whitespaces)) })
        let base = start.baseURL

        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        do {
            var request = HTTPClientRequest(url: base + "/v1/p-cli/digital-human-training-manage/user/jobs/j1")
            request.headers.add(name: "X-Auth-Token", value: "cli-token")
            let response = try await client.execute(request, timeout: .seconds(10))
            #expect(response.status.code == 200)
            let body = try await response.body.collect(upTo: 1 << 20)
            #expect(String(buffer: body).contains("AUTO_VERIFY_FAILED"))
        } catch {
            try? await client.shutdown()
            throw error
        }
        try await client.shutdown()

        emulator.send(SIGTERM)
        let result = await emulator.exit()
        #expect(result.status == 0)
        let log = result.stderr
        #expect(log.contains("GET /v1/p-cli/digital-human-training-manage/user/jobs/j1 200"))
        #expect(!log.contains("cli-secret-value") && !log.contains("cli-token"))
    }
}
