import Foundation
import Preflight
import MetaStudioEmulator
import NIOHTTP1
import Testing

@Suite("Emulator: training-job endpoints")
struct EmulatorAPITests {
    @Test func createReturnsOneURLPerPartAndStartsInWaitFileUpload() async throws {
        try await EmulatorHarness.with { (h: EmulatorHarness) async throws in
            let reply = try await h.createJob(["video_multipart_count": 3, "action_video_multipart_count": 2])
            #expect(reply.status == 200)
            let requestID = reply.headers.first(name: "X-Request-Id") ?? ""
            #expect(requestID.count == 32 && requestID.allSatisfy(\.isHexDigit))
            let jobID = try #require(reply.string("job_id"))
            #expect(reply.strings("training_video_upload_url").count == 3)
            #expect(reply.strings("action_video_upload_url").count == 2)
            for field in ["audio_upload_url", "cover_upload_url", "id_card_image1_upload_url", "id_card_image2_upload_url",
                          "grant_file_upload_url", "pre_beauty_image_upload_url", "post_beauty_image_upload_url"] {
                let url = try #require(reply.string(field), "missing \(field)")
                #expect(url.hasPrefix(h.baseURL.absoluteString + "/upload/") && url.contains("signature="))
            }
            #expect(h.server.jobState(jobID) == "WAIT_FILE_UPLOAD")

            let defaults = try await h.createJob()
            #expect(defaults.strings("training_video_upload_url").count == 1)
            #expect(defaults.strings("action_video_upload_url").count == 1)
        }
    }

    @Test(arguments: [
        (#"{"contact": "1"}"#, "name"),
        (#"{"name": "x", "video_multipart_count": 0}"#, "video_multipart_count"),
        (#"{"name": "x", "action_video_multipart_count": 1001}"#, "action_video_multipart_count"),
        (#"{"name": "x", "video_multipart_count": "2"}"#, "video_multipart_count"),
        (#"{"name": "x", "model_version": "V2"}"#, "model_version"),
        (#"{"name": "x", "command_message": "NOPE"}"#, "command_message"),
        (#"{"name": "x", "supported_service": ["VIDEO_3D"]}"#, "supported_service"),
        (#"{"name": "x", "voice_properties": {"sex": "MALE", "language": "CN"}}"#, "job_tag"),
        (#"{"name": "x", "is_background_replacement": "yes"}"#, "is_background_replacement"),
    ])
    func createRejectsInvalidBodies(body: String, mentions: String) async throws {
        try await EmulatorHarness.with { (h: EmulatorHarness) async throws in
            let reply = try await h.call(.POST, rawBody: Array(body.utf8))
            #expect(reply.status == 400)
            #expect(reply.string("error_code") == "MSS.00000002")
            #expect(reply.string("error_msg")?.contains(mentions) == true, "\(reply.text)")
        }
    }

    @Test func createRejectsNonJSONAndEmptyBodies() async throws {
        try await EmulatorHarness.with { (h: EmulatorHarness) async throws in
            let garbage = try await h.call(.POST, rawBody: Array("{name:".utf8))
            #expect(garbage.status == 400 && garbage.string("error_code") == "MSS.10000002")
            let empty = try await h.call(.POST, rawBody: [])
            #expect(empty.status == 400 && empty.string("error_code") == "MSS.10000002")
            let array = try await h.call(.POST, json: [1, 2])
            #expect(array.status == 400 && array.string("error_code") == "MSS.00000002")
        }
    }

    @Test func showReturnsTheJobWithItsOperationLog() async throws {
        try await EmulatorHarness.with { (h: EmulatorHarness) async throws in
            let created = try await h.call(.POST, json: ["name": "角色一", "batch_name": "b1", "tags": ["t1"]],
                                           headers: [("X-App-UserId", "user-42")])
            let jobID = try #require(created.string("job_id"))
            let shown = try await h.call(.GET, "/\(jobID)")
            #expect(shown.status == 200)
            #expect(shown.string("job_id") == jobID)
            #expect(shown.string("name") == "角色一")
            #expect(shown.string("state") == "WAIT_FILE_UPLOAD")
            #expect(shown.string("app_user_id") == "user-42")
            #expect(shown.string("project_id") == EmulatorHarness.projectID)
            #expect(shown.string("create_time")?.hasSuffix("Z") == true)
            let logs = try #require(shown.json["operation_logs"] as? [[String: Any]])
            #expect(logs.first?["log_type"] as? String == "USER_CREATE_JOD")

            let missing = try await h.call(.GET, "/ffffffffffffffffffffffffffffffff")
            #expect(missing.status == 404 && missing.string("error_code")?.hasPrefix("MSS.") == true)
        }
    }

    @Test func appUserIDWithChineseCharactersIsRejected() async throws {
        try await EmulatorHarness.with { (h: EmulatorHarness) async throws in
            let reply = try await h.call(.POST, json: ["name": "x"], headers: [("X-App-UserId", "用户")])
            #expect(reply.status == 400 && reply.string("error_code") == "MSS.00000003")
        }
    }

    @Test func listFiltersSortsAndPages() async throws {
        try await EmulatorHarness.with(seeded: ["seed-failed": "AUTO_VERIFY_FAILED"]) { (h: EmulatorHarness) async throws in
            var ids: [String] = []
            for index in 0..<3 {
                let reply = try await h.createJob(["name": "job-\(index)", "batch_name": index == 0 ? "first" : "rest"])
                ids.append(try #require(reply.string("job_id")))
            }
            let all = try await h.call(.GET)
            #expect(all.status == 200 && all.json["count"] as? Int == 4)

            let waiting = try await h.call(.GET, query: [("state", "WAIT_FILE_UPLOAD")])
            #expect(waiting.json["count"] as? Int == 3)
            let several = try await h.call(.GET, query: [("state", "WAIT_FILE_UPLOAD,AUTO_VERIFY_FAILED"), ("limit", "2"), ("offset", "1")])
            #expect(several.json["count"] as? Int == 4)
            #expect((several.json["jobs"] as? [[String: Any]])?.count == 2)

            let batch = try await h.call(.GET, query: [("batch_name", "first")])
            let batchJobs = try #require(batch.json["jobs"] as? [[String: Any]])
            #expect(batchJobs.map { $0["job_id"] as? String } == [ids[0]])

            let newestFirst = try await h.call(.GET, query: [("sort_key", "create_time"), ("sort_dir", "desc"), ("state", "WAIT_FILE_UPLOAD")])
            let order = (newestFirst.json["jobs"] as? [[String: Any]] ?? []).compactMap { $0["job_id"] as? String }
            #expect(order == ids.reversed())

            for bad in [("limit", "0"), ("limit", "101"), ("offset", "-1"), ("sort_dir", "up"), ("state", "NOT_A_STATE")] {
                let reply = try await h.call(.GET, query: [bad])
                #expect(reply.status == 400 && reply.string("error_code") == "MSS.00000003", "\(bad)")
            }
        }
    }

    @Test func updateIsAllowedOnlyAfterAFailedReview() async throws {
        try await EmulatorHarness.with(seeded: ["failed": "AUTO_VERIFY_FAILED", "manual": "MANUAL_VERIFYING"]) { (h: EmulatorHarness) async throws in
            let created = try await h.createJob()
            let jobID = try #require(created.string("job_id"))
            let early = try await h.call(.PUT, "/\(jobID)", json: ["name": "renamed"])
            #expect(early.status == 400)
            #expect(early.string("error_code")?.hasPrefix("MSS.") == true)
            #expect(early.string("error_msg")?.contains("WAIT_FILE_UPLOAD") == true)

            let reviewing = try await h.call(.PUT, "/manual", json: ["name": "renamed"])
            #expect(reviewing.status == 400 && reviewing.string("error_msg")?.contains("MANUAL_VERIFYING") == true)

            let updated = try await h.call(.PUT, "/failed", json: ["name": "renamed", "video_multipart_count": 4])
            #expect(updated.status == 200)
            #expect(updated.string("job_id") == "failed")
            #expect(updated.strings("training_video_upload_url").count == 4)
            #expect(h.server.job("failed")?.name == "renamed")
            #expect(h.server.jobState("failed") == "AUTO_VERIFY_FAILED")

            let invalid = try await h.call(.PUT, "/failed", json: ["video_multipart_count": 0])
            #expect(invalid.status == 400 && invalid.string("error_code") == "MSS.00000002")
        }
    }

    @Test func deleteFollowsTheDocumentedStates() async throws {
        try await EmulatorHarness.with(seeded: ["reviewing": "AUTO_VERIFYING", "done": "JOB_SUCCESS"]) { (h: EmulatorHarness) async throws in
            let created = try await h.createJob()
            let jobID = try #require(created.string("job_id"))
            let deleted = try await h.call(.DELETE, "/\(jobID)")
            #expect(deleted.status == 200)
            #expect(deleted.headers.first(name: "X-Request-Id") != nil)
            #expect(h.server.jobState(jobID) == nil)
            #expect(try await h.call(.GET, "/\(jobID)").status == 404)

            let refused = try await h.call(.DELETE, "/reviewing")
            #expect(refused.status == 400 && refused.string("error_msg")?.contains("AUTO_VERIFYING") == true)
            #expect(try await h.call(.DELETE, "/done").status == 200)
        }
    }

    @Test func commandsAreValidated() async throws {
        try await EmulatorHarness.with(seeded: ["manual": "MANUAL_VERIFYING", "failed": "AUTO_VERIFY_FAILED"]) { (h: EmulatorHarness) async throws in
            let unknown = try await h.command("manual", "DO_SOMETHING")
            #expect(unknown.status == 400 && unknown.string("error_code") == "MSS.00000002")
            let missing = try await h.call(.POST, "/manual/command", json: ["command_message": "UPLOAD_VIDEO"])
            #expect(missing.status == 400)

            let submitReviewing = try await h.command("manual", "SUBMITVERIFYING")
            #expect(submitReviewing.status == 400 && submitReviewing.string("error_msg")?.contains("MANUAL_VERIFYING") == true)
            // After a failed review the job must be updated before it can be submitted again.
            let submitWithoutUpdate = try await h.command("failed", "SUBMITVERIFYING")
            #expect(submitWithoutUpdate.status == 400 && submitWithoutUpdate.string("error_msg")?.contains("update") == true)

            let confirmReviewing = try await h.command("manual", "CONFIRM_MULTIPART_UPLOADED")
            #expect(confirmReviewing.status == 400)
            let noJob = try await h.command("nope", "GET_MULTIPART_UPLOADED")
            #expect(noJob.status == 404)
        }
    }

    @Test func naCommandsMoveBetweenTheirStates() async throws {
        try await EmulatorHarness.with(seeded: ["na": "WAIT_USER_CONFIRM"]) { (h: EmulatorHarness) async throws in
            #expect(try await h.command("na", "CONFIRM_PENDING").status == 200)
            #expect(h.server.jobState("na") == "JOB_PENDING")
            #expect(try await h.command("na", "CONFIRM_ACCEPT").status == 400)
            #expect(try await h.command("na", "CONFIRM_ACTIVE").status == 200)
            #expect(try await h.command("na", "CONFIRM_ACCEPT").string("commond_result") == "EXCUTE_SUCCESS")
            #expect(h.server.jobState("na") == "JOB_FINISH")
        }
    }

    @Test func unknownPathsAndMethodsAreRefused() async throws {
        try await EmulatorHarness.with { (h: EmulatorHarness) async throws in
            let unknown = try await h.call(.GET, fullPath: "/v1/\(EmulatorHarness.projectID)/something-else")
            #expect(unknown.status == 404 && unknown.headers.first(name: "X-Request-Id") != nil)
            let method = try await h.call(.PATCH, "/abc")
            #expect(method.status == 400 && method.string("error_code") == "MSS.00010004")
        }
    }

    @Test func requestsAreRecordedWithoutQueryStrings() async throws {
        try await EmulatorHarness.with { (h: EmulatorHarness) async throws in
            let created = try await h.createJob()
            let url = try #require(created.strings("training_video_upload_url").first)
            _ = try await h.upload(url, [1, 2, 3])
            _ = try await h.call(.GET, query: [("limit", "5")])
            let records = h.server.receivedRequests()
            #expect(records.map(\.method) == ["POST", "PUT", "GET"])
            #expect(records.map(\.status) == [200, 200, 200])
            #expect(records.allSatisfy { !$0.path.contains("?") && !$0.path.contains("signature") })
            #expect(records[1].kind == .upload && records[1].uploadRole == .trainingVideo && records[1].uploadPart == 1)
        }
    }
}
