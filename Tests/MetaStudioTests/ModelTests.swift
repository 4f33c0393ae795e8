import Foundation
import Testing
@testable import MetaStudio

@Suite("Models decode and encode the wire format")
struct ModelTests {
    static let fullShow = """
        {"job_id":"j1","name":"测试角色","state":"AUTO_VERIFY_FAILED","asset_id":"a1","project_id":"p1",
         "cover_download_url":"https://x/c","last_update_time":"2026-01-10T08:43:17Z","create_time":"2026-01-09T08:00:00Z",
         "contact":"1**********","batch_name":"b","tags":["t1","t2"],"model_version":"V3.2","matting_type":"AI",
         "model_resolution":"4K","app_user_id":"user-1","is_flexus":false,"is_live_copy":false,"is_fast_flexus":false,
         "is_only_human_model":false,"optional_training_location":["cn-north-4"],"is_background_replacement":true,
         "is_ondemand_resource":false,"training_video_download_url":"https://x/v","id_card_image1_download_url":"https://x/1",
         "id_card_image2_download_url":"https://x/2","grant_file_download_url":"https://x/g",
         "pre_beauty_image_download_url":"https://x/pre","external_action_json_data_download_url":"https://x/e",
         "action_video_download_url":"https://x/av","post_beauty_image_download_url":"https://x/post",
         "audio_file_download_url":"https://x/au","action_mark_file_download_url":"https://x/amd",
         "action_mark_file_upload_url":"https://x/amu",
         "operation_logs":[{"operate_time":"2026-01-10T08:43:17Z","log_type":"SYSTEM_VERIFY_FAILED",
            "log_description":"resolution","operate_user":"SYSTEM","error_code":"44005901","redo_reasons":["r"]}],
         "verify_video_matting_info":[{"dx":1,"dy":2,"width":3,"height":4,"method":"NO_DEGREEN"}],
         "comment_logs":[{"operate_time":"t","comment_type":"ADMIN_COMMENT","comment_title":"ti","comment_message":"m",
            "attachment_download_url":["https://x/att"]}],
         "samples":[{"action_name_zh":"挥手","action_name_en":"wave","action_tag":"WAVE","catalog":"c",
            "recommended_value":3,"is_selected":true,"sample_download_url":"https://x/s"}],
         "is_mask_file_uploaded":true,"mask_file_download_url":"https://x/m","verify_video_download_url":"https://x/vv",
         "markable_video_download_url":"https://x/mv","markable_action_video_download_url":"https://x/mav",
         "traning_video_mark_info":{"video_start_time":"00:00:01.000","video_end_time":"00:03:01.000"},
         "inference_data_process_video_mark_info":{"video_start_time":"a","video_end_time":"b",
            "chat_video_start_time":"c","chat_video_end_time":"d"},
         "voice_properties":{"job_tag":"NEWS","sex":"FEMALE","language":"CN"},
         "inference_data_process_action_mark_info":{"action_info":[{"action_start_time":"1","action_end_time":"2",
            "action_type":"ACTION"}]},
         "inference_data_process_chat_action_mark_info":{"action_info":[]},
         "inference_data_process_eye_correction_mark_info":{"eye_correction_start_time":"e1","eye_correction_end_time":"e2"},
         "worker_type":["w"],"voice_train_job_id":"vt","flexus_retry_count":2,"audio_source_type":"VIDEO",
         "supported_service":["VIDEO_2D","LIVE_2D","HOLOGRAM_3D"],
         "allocated_resource":{"resource_id":"r","charge_mode":"ON_DEMAND","expire_time":"2027-01-01T00:00:00Z"},
         "train_video_rotation_state":"SUCCESS","action_video_rotation_state":"SOMETHING_NEW",
         "sub_training_job_info":[{"job_id":"s","sub_job_type":"T","heart_beat_id":"h","state":"X","create_time":1,
            "last_update_time":2}],
         "a_field_added_later":{"nested":[1,2,3]}}
        """

    @Test("Show decodes every field, tolerating unknown fields and unknown enum values")
    func decodeShow() throws {
        let job = try JSONDecoder().decode(TrainingJob.self, from: Data(Self.fullShow.utf8))
        #expect(job.jobID == "j1")
        #expect(job.name == "测试角色")
        #expect(job.state == .autoVerifyFailed)
        #expect(job.modelResolution == .k4)
        #expect(job.tags == ["t1", "t2"])
        #expect(job.operationLogs?.first?.errorCode == "44005901")
        #expect(job.operationLogs?.first?.operateUser == .system)
        #expect(job.verifyVideoMattingInfo?.first?.method == .noDegreen)
        #expect(job.commentLogs?.first?.commentType == .adminComment)
        #expect(job.samples?.first?.recommendedValue == 3)
        #expect(job.trainingVideoMarkInfo?.videoEndTime == "00:03:01.000")
        #expect(job.inferenceDataProcessVideoMarkInfo?.chatVideoEndTime == "d")
        #expect(job.voiceProperties == VoiceProperties(jobTag: .news, sex: .female, language: .cn))
        #expect(job.inferenceDataProcessActionMarkInfo?.actionInfo?.first?.actionType == .action)
        #expect(job.inferenceDataProcessEyeCorrectionMarkInfo?.eyeCorrectionEndTime == "e2")
        #expect(job.flexusRetryCount == 2)
        #expect(job.supportedService == [.video2d, .live2d, SupportedService(rawValue: "HOLOGRAM_3D")])
        #expect(job.supportedService?.last?.isKnown == false)
        #expect(job.allocatedResource?.chargeMode == .onDemand)
        #expect(job.trainVideoRotationState == .success)
        #expect(job.actionVideoRotationState?.rawValue == "SOMETHING_NEW")
        #expect(job.subTrainingJobInfo?.first?.lastUpdateTime == 2)
        #expect(job.maskFileDownloadURL == "https://x/m")
    }

    @Test("Show round-trips through encoding with the exact wire names")
    func roundTrip() throws {
        let job = try JSONDecoder().decode(TrainingJob.self, from: Data(Self.fullShow.utf8))
        let data = try JSONEncoder().encode(job)
        let again = try JSONDecoder().decode(TrainingJob.self, from: data)
        #expect(again == job)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"traning_video_mark_info\""))
        #expect(text.contains("\"job_id\""))
    }

    @Test("an unknown job state decodes and explains itself")
    func unknownState() throws {
        let json = #"{"count":2,"jobs":[{"job_id":"a","name":"n","state":"JOB_SUCCESS"},{"job_id":"b","name":"m","state":"BRAND_NEW_STATE","extra":1}]}"#
        let list = try JSONDecoder().decode(TrainingJobList.self, from: Data(json.utf8))
        #expect(list.count == 2)
        #expect(list.jobs?[0].state == .jobSuccess)
        let unknown = try #require(list.jobs?[1].state)
        #expect(unknown.rawValue == "BRAND_NEW_STATE")
        #expect(!unknown.isKnown)
        #expect(unknown.explanation.contains("not documented"))
        #expect(!unknown.allowsUpdate)
    }

    @Test("a missing required field is a decoding error")
    func missingRequired() {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(TrainingJobSummary.self, from: Data(#"{"job_id":"a","name":"n"}"#.utf8))
        }
    }

    @Test("job-state helpers follow the contract")
    func stateHelpers() {
        #expect(JobState.knownValues.count == 53)
        #expect(Set(JobState.knownValues).count == 53)
        #expect(JobState.knownValues.filter(\.allowsUpdate) == [.autoVerifyFailed, .manualVerifyFailed])
        #expect(JobState.knownValues.filter(\.allowsDelete).count == 11)
        #expect(JobState.waitFileUpload.allowsDelete)
        #expect(!JobState.training.allowsDelete)
        #expect(JobState.manualStopActionMark.rawValue == "MANUL_STOP_ACTION_MARK")
        for state in JobState.knownValues { #expect(!state.explanation.contains("not documented")) }
    }

    @Test("Execute's response keeps the service's spellings")
    func executeResponse() throws {
        let ok = #"{"commond_result":"EXCUTE_SUCCESS","multipart_data":[{"part_number":"1","etag":"e1"}]}"#
        let decoded = try JSONDecoder().decode(TrainingCommandResponse.self, from: Data(ok.utf8))
        #expect(decoded.succeeded)
        #expect(decoded.multipartData?.first?.partNumberValue == 1)
        let failed = #"{"commond_result":"EXCUTE_FAILED","excute_failed_msg":"parts missing","error_info":{"error_code":"MSS.1","error_msg":"m"}}"#
        let refusal = try JSONDecoder().decode(TrainingCommandResponse.self, from: Data(failed.utf8))
        #expect(!refusal.succeeded)
        #expect(refusal.failureMessage == "parts missing MSS.1 m")
        let text = String(decoding: try JSONEncoder().encode(refusal), as: UTF8.self)
        #expect(text.contains("commond_result") && text.contains("excute_failed_msg") && text.contains("EXCUTE_FAILED"))
    }

    @Test("Create and Update responses decode the nine upload-URL fields")
    func uploadURLs() throws {
        let json = """
            {"job_id":"j","training_video_upload_url":["u1","u2"],"action_video_upload_url":["a1"],"audio_upload_url":"au",
             "cover_upload_url":"c","id_card_image1_upload_url":"i1","id_card_image2_upload_url":"i2",
             "grant_file_upload_url":"g","pre_beauty_image_upload_url":"pre","post_beauty_image_upload_url":"post","x":0}
            """
        let urls = try JSONDecoder().decode(CreateTrainingJobResponse.self, from: Data(json.utf8))
        #expect(urls == TrainingJobUploadURLs(
            jobID: "j", trainingVideoUploadURL: ["u1", "u2"], actionVideoUploadURL: ["a1"], audioUploadURL: "au",
            coverUploadURL: "c", idCardImage1UploadURL: "i1", idCardImage2UploadURL: "i2", grantFileUploadURL: "g",
            preBeautyImageUploadURL: "pre", postBeautyImageUploadURL: "post"))
    }

    @Test("requests encode the exact wire names and omit unset fields")
    func requestEncoding() throws {
        let create = CreateTrainingJobRequest(
            name: "n", contact: "c", commandMessage: .uploadVideo, videoMultipartCount: 2, actionVideoMultipartCount: 1,
            isBackgroundReplacement: true, batchName: "b", tags: ["t"], modelVersion: .v32, isOndemandResource: false,
            isFlexus: false, isFastFlexus: false, isLiveCopy: false, isOnlyHumanModel: false, audioSourceType: .video,
            voiceProperties: VoiceProperties(jobTag: .ecommerce, sex: .male, language: .cn),
            supportedService: [.video2d])
        let object = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(create)) as? [String: Any])
        #expect(Set(object.keys) == [
            "name", "contact", "command_message", "video_multipart_count", "action_video_multipart_count",
            "is_background_replacement", "batch_name", "tags", "model_version", "is_ondemand_resource", "is_flexus",
            "is_fast_flexus", "is_live_copy", "is_only_human_model", "audio_source_type", "voice_properties",
            "supported_service",
        ])
        #expect(object["model_version"] as? String == "V3.2")

        let update = UpdateTrainingJobRequest(videoMultipartCount: 3, samplesBasicInfo: [ActionBasicSampleInfo(actionTag: "T")])
        let encoded = String(decoding: try JSONEncoder().encode(update), as: UTF8.self)
        #expect(encoded.contains("\"video_multipart_count\":3"))
        #expect(encoded.contains("\"samples_basic_info\":[{\"action_tag\":\"T\"}]"))
        #expect(!encoded.contains("name"))

        let command = TrainingCommandRequest(
            command: .confirmReject, commandMessage: .updateVideo,
            commentData: CommentData(commentTitle: "t", commentMessage: "m", attachmentName: ["a.png"]),
            operationReason: "r")
        let commandObject = try #require(
            try JSONSerialization.jsonObject(with: JSONEncoder().encode(command)) as? [String: Any])
        #expect(Set(commandObject.keys) == ["command", "command_message", "comment_data", "operation_reason"])
    }

    @Test("List query items use the wire names, booleans as true/false and states comma-separated")
    func listQuery() {
        let query = ListTrainingJobsQuery(
            offset: 20, limit: 100, states: [.autoVerifyFailed, .manualVerifyFailed], sortKey: .createTime,
            sortDirection: .descending, createUntil: "u", createSince: "s", queryProjectID: "q", updateSince: "us",
            updateUntil: "uu", batchName: "b", tag: "t", jobID: "j", name: "n", modelResolution: .p1080,
            isFlexus: true, isLiveCopy: false, trainLocation: "l", isOndemandResource: true)
        let items = query.queryItems
        #expect(items.map(\.name) == [
            "offset", "limit", "state", "sort_key", "sort_dir", "create_until", "create_since", "query_project_id",
            "update_since", "update_until", "batch_name", "tag", "job_id", "name", "model_resolution", "is_flexus",
            "is_live_copy", "train_location", "is_ondemand_resource",
        ])
        #expect(items[2].value == "AUTO_VERIFY_FAILED,MANUAL_VERIFY_FAILED")
        #expect(items[15].value == "true" && items[16].value == "false")
        #expect(ListTrainingJobsQuery().queryItems.isEmpty)
    }

    @Test("all 13 commands are modelled, two of them read-only")
    func commands() {
        #expect(TrainingCommand.knownValues.count == 13)
        #expect(TrainingCommand.knownValues.filter(\.isReadOnly) == [.getMultipartUploaded, .getActionVideoMultipartUploaded])
    }
}
