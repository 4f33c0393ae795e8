import Foundation
import MetaStudioEmulator
import Testing
import TestSupport

/// Huawei Cloud's official Python SDK (huaweicloudsdkmetastudio 3.1.219) drives the emulator through
/// `Tests/Oracles/sdk_probe.py`: its signer must be accepted and its parsers must accept the answers.
@Suite("Emulator: official Python SDK as the client", .serialized)
struct OfficialSDKOracleTests {
    static func sdkPython() async throws -> String { try await OfficialSDK.python() }

    /// Runs the probe and parses its JSON lines (the process is awaited, so no thread is held meanwhile).
    static func runProbe(baseURL: URL, jobID: String, extra: [String] = []) async throws -> (status: Int32, lines: [[String: Any]], stderr: String) {
        let python = try await sdkPython()
        let probe = RepoPaths.oracles.appendingPathComponent("sdk_probe.py").path
        let arguments = [probe, "--endpoint", baseURL.absoluteString, "--project-id", EmulatorHarness.projectID,
                         "--job-id", jobID, "--app-user-id", "sdk-user-1"] + extra
        // Keys go through the environment, not the command line.
        let environment = ["CLOUD_SDK_AK": EmulatorHarness.accessKey, "CLOUD_SDK_SK": EmulatorHarness.secretKey]
        let result = try await runProcess(python, arguments, environment: environment)
        let lines = result.stdout.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any]
        }
        return (result.status, lines, result.stderr)
    }

    @Test func sdkUpdatesConfirmsAndSubmitsAFailedJob() async throws {
        try await EmulatorHarness.with(seeded: ["job-sdk-1": "AUTO_VERIFY_FAILED"]) { (h: EmulatorHarness) async throws in
            let run = try await Self.runProbe(baseURL: h.baseURL, jobID: "job-sdk-1")
            #expect(run.status == 0, "probe output: \(run.lines) \(run.stderr)")
            let byCall = Dictionary(run.lines.compactMap { line in (line["call"] as? String).map { ($0, line) } }) { $1 }
            #expect(byCall["show"]?["status"] as? Int == 200)
            let update = try #require(byCall["update"])
            #expect(update["status"] as? Int == 200)
            let updateBody = try #require(update["body"] as? [String: Any])
            #expect((updateBody["training_video_upload_url"] as? [String])?.count == 2)
            #expect(updateBody["job_id"] as? String == "job-sdk-1")
            let confirm = try #require(byCall["CONFIRM_MULTIPART_UPLOADED"])
            #expect(confirm["status"] as? Int == 200)
            // Nothing was uploaded, so the confirm is answered with the service's failure shape.
            #expect((confirm["body"] as? [String: Any])?["commond_result"] as? String == "EXCUTE_FAILED")
            let submit = try #require(byCall["SUBMITVERIFYING"])
            #expect(submit["status"] as? Int == 200)
            #expect((submit["body"] as? [String: Any])?["commond_result"] as? String == "EXCUTE_SUCCESS")

            // The emulator verified four signed SDK requests (Host with port included) and ran the review.
            let records = h.server.receivedRequests()
            #expect(records.map(\.status) == [200, 200, 200, 200])
            #expect(h.server.job("job-sdk-1")?.name == "测试角色")
            #expect(h.server.jobState("job-sdk-1") == "AUTO_VERIFY_FAILED")
            #expect(h.server.job("job-sdk-1")?.operationLogs.last?.logType == "SYSTEM_VERIFY_FAILED")
        }
    }

    @Test func sdkSeesAn400WhenTheStateForbidsUpdates() async throws {
        try await EmulatorHarness.with(seeded: ["job-sdk-2": "MANUAL_VERIFYING"]) { (h: EmulatorHarness) async throws in
            let run = try await Self.runProbe(baseURL: h.baseURL, jobID: "job-sdk-2", extra: ["--expect-status", "400"])
            #expect(run.status == 0, "probe output: \(run.lines) \(run.stderr)")
            let update = try #require(run.lines.first { $0["call"] as? String == "update" })
            #expect(update["status"] as? Int == 400)
            #expect((update["error_code"] as? String)?.hasPrefix("MSS.") == true)
            #expect((update["error_msg"] as? String)?.contains("MANUAL_VERIFYING") == true)
            #expect((update["request_id"] as? String)?.isEmpty == false)
            #expect(h.server.jobState("job-sdk-2") == "MANUAL_VERIFYING")
        }
    }
}
