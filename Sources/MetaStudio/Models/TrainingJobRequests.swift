/// The body of Create (`Create2dModelTrainingJobReq`). Only `name` is required.
public struct CreateTrainingJobRequest: Codable, Hashable, Sendable {
    /// Model name; also the asset name of the model (`name`, required).
    public var name: String
    /// Creator's contact, normally a mobile number (`contact`).
    public var contact: String?
    /// Command message (`command_message`); the service defaults to `UPLOAD_VIDEO`.
    public var commandMessage: CommandMessage?
    /// Number of parts of the one training video, 1–1000 (`video_multipart_count`; default 1).
    public var videoMultipartCount: Int?
    /// Number of parts of the action video, 1–1000 (`action_video_multipart_count`; default 1).
    public var actionVideoMultipartCount: Int?
    /// Whether the background is replaced; true requires a green-screen video (`is_background_replacement`; default true).
    public var isBackgroundReplacement: Bool?
    /// Batch name (`batch_name`).
    public var batchName: String?
    /// Tags (`tags`).
    public var tags: [String]?
    /// Model version (`model_version`; default `V3.2`).
    public var modelVersion: ModelVersion?
    /// On-demand job rather than an ordinary one (`is_ondemand_resource`).
    public var isOndemandResource: Bool?
    /// Basic-edition (Flexus) training (`is_flexus`).
    public var isFlexus: Bool?
    /// Fast Flexus (`is_fast_flexus`).
    public var isFastFlexus: Bool?
    /// Live-room replication job (`is_live_copy`).
    public var isLiveCopy: Bool?
    /// Train only the avatar, not the voice; Flexus only (`is_only_human_model`; default false).
    public var isOnlyHumanModel: Bool?
    /// Source of the voice-training audio (`audio_source_type`).
    public var audioSourceType: AudioSourceType?
    /// Flexus voice configuration (`voice_properties`).
    public var voiceProperties: VoiceProperties?
    /// Services the model will be used for (`supported_service`); Flexus allows only `VIDEO_2D`.
    public var supportedService: [SupportedService]?

    /// Creates a request; every field but the name is optional and left to the service's default when nil.
    public init(name: String, contact: String? = nil, commandMessage: CommandMessage? = nil,
                videoMultipartCount: Int? = nil, actionVideoMultipartCount: Int? = nil,
                isBackgroundReplacement: Bool? = nil, batchName: String? = nil, tags: [String]? = nil,
                modelVersion: ModelVersion? = nil, isOndemandResource: Bool? = nil, isFlexus: Bool? = nil,
                isFastFlexus: Bool? = nil, isLiveCopy: Bool? = nil, isOnlyHumanModel: Bool? = nil,
                audioSourceType: AudioSourceType? = nil, voiceProperties: VoiceProperties? = nil,
                supportedService: [SupportedService]? = nil) {
        self.name = name
        self.contact = contact
        self.commandMessage = commandMessage
        self.videoMultipartCount = videoMultipartCount
        self.actionVideoMultipartCount = actionVideoMultipartCount
        self.isBackgroundReplacement = isBackgroundReplacement
        self.batchName = batchName
        self.tags = tags
        self.modelVersion = modelVersion
        self.isOndemandResource = isOndemandResource
        self.isFlexus = isFlexus
        self.isFastFlexus = isFastFlexus
        self.isLiveCopy = isLiveCopy
        self.isOnlyHumanModel = isOnlyHumanModel
        self.audioSourceType = audioSourceType
        self.voiceProperties = voiceProperties
        self.supportedService = supportedService
    }

    enum CodingKeys: String, CodingKey {
        case name, contact, tags
        case commandMessage = "command_message", videoMultipartCount = "video_multipart_count"
        case actionVideoMultipartCount = "action_video_multipart_count"
        case isBackgroundReplacement = "is_background_replacement", batchName = "batch_name"
        case modelVersion = "model_version", isOndemandResource = "is_ondemand_resource", isFlexus = "is_flexus"
        case isFastFlexus = "is_fast_flexus", isLiveCopy = "is_live_copy", isOnlyHumanModel = "is_only_human_model"
        case audioSourceType = "audio_source_type", voiceProperties = "voice_properties"
        case supportedService = "supported_service"
    }
}

/// The body of Update (`Update2dModelTrainingJobReq`); every field is optional. Update is accepted only in
/// `AUTO_VERIFY_FAILED` and `MANUAL_VERIFY_FAILED`.
public struct UpdateTrainingJobRequest: Codable, Hashable, Sendable {
    /// Model name (`name`).
    public var name: String?
    /// Creator's contact (`contact`).
    public var contact: String?
    /// Command message (`command_message`).
    public var commandMessage: CommandMessage?
    /// Number of parts of the training video, 1–1000 (`video_multipart_count`).
    public var videoMultipartCount: Int?
    /// Number of parts of the action video, 1–1000 (`action_video_multipart_count`).
    public var actionVideoMultipartCount: Int?
    /// Whether the background is replaced (`is_background_replacement`).
    public var isBackgroundReplacement: Bool?
    /// Batch name (`batch_name`).
    public var batchName: String?
    /// Tags (`tags`).
    public var tags: [String]?
    /// Fast Flexus (`is_fast_flexus`).
    public var isFastFlexus: Bool?
    /// Editable action samples (`samples_basic_info`).
    public var samplesBasicInfo: [ActionBasicSampleInfo]?
    /// Flexus voice configuration (`voice_properties`).
    public var voiceProperties: VoiceProperties?
    /// Services the model will be used for (`supported_service`).
    public var supportedService: [SupportedService]?
    /// Source of the voice-training audio (`audio_source_type`).
    public var audioSourceType: AudioSourceType?

    /// Creates a request; nil fields are not sent.
    public init(name: String? = nil, contact: String? = nil, commandMessage: CommandMessage? = nil,
                videoMultipartCount: Int? = nil, actionVideoMultipartCount: Int? = nil,
                isBackgroundReplacement: Bool? = nil, batchName: String? = nil, tags: [String]? = nil,
                isFastFlexus: Bool? = nil, samplesBasicInfo: [ActionBasicSampleInfo]? = nil,
                voiceProperties: VoiceProperties? = nil, supportedService: [SupportedService]? = nil,
                audioSourceType: AudioSourceType? = nil) {
        self.name = name
        self.contact = contact
        self.commandMessage = commandMessage
        self.videoMultipartCount = videoMultipartCount
        self.actionVideoMultipartCount = actionVideoMultipartCount
        self.isBackgroundReplacement = isBackgroundReplacement
        self.batchName = batchName
        self.tags = tags
        self.isFastFlexus = isFastFlexus
        self.samplesBasicInfo = samplesBasicInfo
        self.voiceProperties = voiceProperties
        self.supportedService = supportedService
        self.audioSourceType = audioSourceType
    }

    enum CodingKeys: String, CodingKey {
        case name, contact, tags
        case commandMessage = "command_message", videoMultipartCount = "video_multipart_count"
        case actionVideoMultipartCount = "action_video_multipart_count"
        case isBackgroundReplacement = "is_background_replacement", batchName = "batch_name"
        case isFastFlexus = "is_fast_flexus", samplesBasicInfo = "samples_basic_info"
        case voiceProperties = "voice_properties", supportedService = "supported_service"
        case audioSourceType = "audio_source_type"
    }
}

/// The body of Execute (`Execute2dModelTrainingCommandByUserReq`).
public struct TrainingCommandRequest: Codable, Hashable, Sendable {
    /// The command (`command`, required, at most 64 characters).
    public var command: TrainingCommand
    /// Command message (`command_message`).
    public var commandMessage: CommandMessage?
    /// A comment to submit (`comment_data`).
    public var commentData: CommentData?
    /// Reason for the operation (`operation_reason`).
    public var operationReason: String?

    /// Creates a command request.
    public init(command: TrainingCommand, commandMessage: CommandMessage? = nil, commentData: CommentData? = nil,
                operationReason: String? = nil) {
        self.command = command
        self.commandMessage = commandMessage
        self.commentData = commentData
        self.operationReason = operationReason
    }

    enum CodingKeys: String, CodingKey {
        case command, commandMessage = "command_message", commentData = "comment_data"
        case operationReason = "operation_reason"
    }
}

/// Query parameters of List; nil parameters are not sent.
public struct ListTrainingJobsQuery: Hashable, Sendable {
    /// Offset, 0–2147483647 (`offset`; default 0).
    public var offset: Int?
    /// Page size, 1–100 (`limit`; default 10).
    public var limit: Int?
    /// States to keep; sent comma-separated (`state`).
    public var states: [JobState]?
    /// Sort key (`sort_key`).
    public var sortKey: SortKey?
    /// Sort direction (`sort_dir`; default `asc`).
    public var sortDirection: SortDirection?
    /// Created at or before (`create_until`).
    public var createUntil: String?
    /// Created at or after (`create_since`).
    public var createSince: String?
    /// Tenant to query (`query_project_id`).
    public var queryProjectID: String?
    /// Updated at or after (`update_since`).
    public var updateSince: String?
    /// Update-time upper filter (`update_until`; documented ambiguously by the service).
    public var updateUntil: String?
    /// Batch name (`batch_name`).
    public var batchName: String?
    /// Tag (`tag`).
    public var tag: String?
    /// Job id (`job_id`).
    public var jobID: String?
    /// Model name (`name`).
    public var name: String?
    /// Model resolution (`model_resolution`).
    public var modelResolution: ModelResolution?
    /// Flexus jobs only (`is_flexus`).
    public var isFlexus: Bool?
    /// Live-copy jobs only (`is_live_copy`).
    public var isLiveCopy: Bool?
    /// Training region (`train_location`).
    public var trainLocation: String?
    /// On-demand jobs (`is_ondemand_resource`).
    public var isOndemandResource: Bool?

    /// Creates a query; all parameters optional.
    public init(offset: Int? = nil, limit: Int? = nil, states: [JobState]? = nil, sortKey: SortKey? = nil,
                sortDirection: SortDirection? = nil, createUntil: String? = nil, createSince: String? = nil,
                queryProjectID: String? = nil, updateSince: String? = nil, updateUntil: String? = nil,
                batchName: String? = nil, tag: String? = nil, jobID: String? = nil, name: String? = nil,
                modelResolution: ModelResolution? = nil, isFlexus: Bool? = nil, isLiveCopy: Bool? = nil,
                trainLocation: String? = nil, isOndemandResource: Bool? = nil) {
        self.offset = offset
        self.limit = limit
        self.states = states
        self.sortKey = sortKey
        self.sortDirection = sortDirection
        self.createUntil = createUntil
        self.createSince = createSince
        self.queryProjectID = queryProjectID
        self.updateSince = updateSince
        self.updateUntil = updateUntil
        self.batchName = batchName
        self.tag = tag
        self.jobID = jobID
        self.name = name
        self.modelResolution = modelResolution
        self.isFlexus = isFlexus
        self.isLiveCopy = isLiveCopy
        self.trainLocation = trainLocation
        self.isOndemandResource = isOndemandResource
    }

    /// The parameters as (wire name, value) pairs in the SDK's order, booleans as `true`/`false`.
    public var queryItems: [(name: String, value: String)] {
        var items: [(name: String, value: String)] = []
        func add(_ name: String, _ value: String?) {
            if let value { items.append((name: name, value: value)) }
        }
        func flag(_ value: Bool?) -> String? { value.map { $0 ? "true" : "false" } }
        add("offset", offset.map(String.init))
        add("limit", limit.map(String.init))
        add("state", states.map { $0.map(\.rawValue).joined(separator: ",") })
        add("sort_key", sortKey?.rawValue)
        add("sort_dir", sortDirection?.rawValue)
        add("create_until", createUntil)
        add("create_since", createSince)
        add("query_project_id", queryProjectID)
        add("update_since", updateSince)
        add("update_until", updateUntil)
        add("batch_name", batchName)
        add("tag", tag)
        add("job_id", jobID)
        add("name", name)
        add("model_resolution", modelResolution?.rawValue)
        add("is_flexus", flag(isFlexus))
        add("is_live_copy", flag(isLiveCopy))
        add("train_location", trainLocation)
        add("is_ondemand_resource", flag(isOndemandResource))
        return items
    }
}
