import Testing
@testable import MetaStudio

@Suite("Client-side validation names the bad field")
struct ValidationTests {
    /// Runs `body`, expecting an `.invalidField` error that names `field`.
    func expectInvalid(_ field: String, _ body: () throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            try body()
            Issue.record("expected \(field) to be refused", sourceLocation: sourceLocation)
        } catch let error as MetaStudioClientError {
            #expect(error == .invalidField, sourceLocation: sourceLocation)
            #expect(error.field == field, sourceLocation: sourceLocation)
            #expect(error.description.contains(field), sourceLocation: sourceLocation)
        } catch {
            Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
        }
    }

    @Test("a complete valid create request passes")
    func validCreate() throws {
        try CreateTrainingJobRequest(
            name: "n", commandMessage: .uploadVideo, videoMultipartCount: 1000, actionVideoMultipartCount: 1,
            modelVersion: .v33, isFlexus: true, audioSourceType: .audio,
            voiceProperties: VoiceProperties(jobTag: .marketing, sex: .female, language: .en),
            supportedService: [.video2d]).validate()
    }

    @Test("create rules")
    func createRules() {
        expectInvalid("name") { try CreateTrainingJobRequest(name: "  ").validate() }
        expectInvalid("video_multipart_count") { try CreateTrainingJobRequest(name: "n", videoMultipartCount: 0).validate() }
        expectInvalid("video_multipart_count") { try CreateTrainingJobRequest(name: "n", videoMultipartCount: 1001).validate() }
        expectInvalid("action_video_multipart_count") {
            try CreateTrainingJobRequest(name: "n", actionVideoMultipartCount: 0).validate()
        }
        expectInvalid("command_message") { try CreateTrainingJobRequest(name: "n", commandMessage: "UPLOAD").validate() }
        expectInvalid("command_message") {
            try CreateTrainingJobRequest(name: "n", commandMessage: CommandMessage(rawValue: String(repeating: "A", count: 65))).validate()
        }
        expectInvalid("model_version") { try CreateTrainingJobRequest(name: "n", modelVersion: "V3").validate() }
        expectInvalid("audio_source_type") { try CreateTrainingJobRequest(name: "n", audioSourceType: "MIC").validate() }
        expectInvalid("supported_service") { try CreateTrainingJobRequest(name: "n", supportedService: ["VIDEO_3D"]).validate() }
        expectInvalid("supported_service") { try CreateTrainingJobRequest(name: "n", supportedService: []).validate() }
        expectInvalid("supported_service") {
            try CreateTrainingJobRequest(name: "n", isFlexus: true, supportedService: [.video2d, .live2d]).validate()
        }
        expectInvalid("voice_properties.job_tag") {
            try CreateTrainingJobRequest(name: "n", voiceProperties: VoiceProperties(jobTag: "SPORT", sex: .male, language: .cn)).validate()
        }
        expectInvalid("voice_properties.sex") {
            try CreateTrainingJobRequest(name: "n", voiceProperties: VoiceProperties(jobTag: .news, sex: "X", language: .cn)).validate()
        }
        expectInvalid("voice_properties.language") {
            try CreateTrainingJobRequest(name: "n", voiceProperties: VoiceProperties(jobTag: .news, sex: .male, language: "FR")).validate()
        }
    }

    @Test("update rules")
    func updateRules() throws {
        try UpdateTrainingJobRequest().validate()
        expectInvalid("video_multipart_count") { try UpdateTrainingJobRequest(videoMultipartCount: -1).validate() }
        expectInvalid("action_video_multipart_count") { try UpdateTrainingJobRequest(actionVideoMultipartCount: 5000).validate() }
        expectInvalid("name") { try UpdateTrainingJobRequest(name: "").validate() }
        expectInvalid("samples_basic_info[1].action_tag") {
            try UpdateTrainingJobRequest(samplesBasicInfo: [.init(actionTag: "A"), .init(actionTag: " ")]).validate()
        }
        expectInvalid("audio_source_type") { try UpdateTrainingJobRequest(audioSourceType: "x").validate() }
        expectInvalid("command_message") { try UpdateTrainingJobRequest(commandMessage: "x").validate() }
    }

    @Test("command rules")
    func commandRules() throws {
        for command in TrainingCommand.knownValues { try TrainingCommandRequest(command: command).validate() }
        expectInvalid("command") { try TrainingCommandRequest(command: "").validate() }
        expectInvalid("command") { try TrainingCommandRequest(command: "SUBMIT").validate() }
        expectInvalid("command") {
            try TrainingCommandRequest(command: TrainingCommand(rawValue: String(repeating: "X", count: 65))).validate()
        }
        expectInvalid("command_message") { try TrainingCommandRequest(command: .submitVerifying, commandMessage: "NOPE").validate() }
    }

    @Test("list rules")
    func listRules() throws {
        try ListTrainingJobsQuery(offset: 0, limit: 1).validate()
        try ListTrainingJobsQuery(offset: 2_147_483_647, limit: 100).validate()
        expectInvalid("limit") { try ListTrainingJobsQuery(limit: 0).validate() }
        expectInvalid("limit") { try ListTrainingJobsQuery(limit: 101).validate() }
        expectInvalid("offset") { try ListTrainingJobsQuery(offset: -1).validate() }
        expectInvalid("sort_dir") { try ListTrainingJobsQuery(sortDirection: "up").validate() }
        expectInvalid("sort_key") { try ListTrainingJobsQuery(sortKey: "name").validate() }
        expectInvalid("state") { try ListTrainingJobsQuery(states: ["CREATING"]).validate() }
        expectInvalid("model_resolution") { try ListTrainingJobsQuery(modelResolution: "8K").validate() }
    }

    @Test("X-App-UserId refuses Chinese characters and line breaks")
    func appUserID() throws {
        try Validate.appUserID("user-42_abc", request: nil)
        try Validate.appUserID(nil, request: nil)
        expectInvalid("X-App-UserId") { try Validate.appUserID("用户1", request: nil) }
        expectInvalid("X-App-UserId") { try Validate.appUserID("user\u{3001}", request: nil) }  // ideographic comma
        expectInvalid("X-App-UserId") { try Validate.appUserID("ｕｓｅｒ", request: nil) }  // full-width letters
        expectInvalid("X-App-UserId") { try Validate.appUserID("u\u{20000}", request: nil) }  // extension B
        expectInvalid("X-App-UserId") { try Validate.appUserID("a\r\nX-Evil: 1", request: nil) }
        expectInvalid("X-App-UserId") { try Validate.appUserID("", request: nil) }
    }

    @Test("error messages name the request when given")
    func namesRequest() {
        do {
            try ListTrainingJobsQuery(limit: 500).validate(request: "GET /v1/p/digital-human-training-manage/user/jobs")
            Issue.record("expected a refusal")
        } catch let error as MetaStudioClientError {
            #expect(error.request == "GET /v1/p/digital-human-training-manage/user/jobs")
            #expect(error.message.contains("between 1 and 100, got 500"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
