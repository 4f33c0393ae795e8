import AsyncHTTPClient
import Foundation
import Testing
import TestSupport

/// `preflight emulator` run as a child process: base URL first on stdout, request log on stderr, clean exit on SIGTERM.
@Suite("preflight emulator (CLI)")
struct EmulatorCommandTests {
    @Test func printsTheBaseURLServesAndStopsOnSIGTERM() async throws {
        let binary = RepoPaths.preflightBinary
        try #require(FileManager.default.isExecutableFile(atPath: binary.path), "build the preflight product first: \(binary.path)")
        let process = Process()
        process.executableURL = binary
        process.arguments = ["emulator", "--project-id", "p-cli", "--token", "cli-token", "--job", "j1=AUTO_VERIFY_FAILED"]
        var environment = ProcessInfo.processInfo.environment
        environment["CLOUD_SDK_AK"] = "CLIAK"
        environment["CLOUD_SDK_SK"] = "cli-secret-value"
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }

        let firstLine: String? = await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                var bytes: [UInt8] = []
                while bytes.last != UInt8(ascii: "\n") {
                    let data = out.fileHandleForReading.availableData
                    if data.isEmpty { break }
                    bytes += data
                }
                continuation.resume(returning: bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self))
            }
        }
        let base = try #require(firstLine?.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(base.hasPrefix("http://127.0.0.1:"))

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

        kill(process.processIdentifier, SIGTERM)
        let status: Int32 = await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                process.waitUntilExit()
                continuation.resume(returning: process.terminationStatus)
            }
        }
        #expect(status == 0)
        let log = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(log.contains("GET /v1/p-cli/digital-human-training-manage/user/jobs/j1 200"))
        #expect(!log.contains("cli-secret-value") && !log.contains("cli-token"))
    }
}
