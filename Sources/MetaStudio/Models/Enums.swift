// Open string enumerations of the MetaStudio training API; every value listed in the contract is a static member.

/// A command of Execute (`command`), e.g. `SUBMITVERIFYING`. Unknown values still decode.
public struct TrainingCommand: OpenStringEnum {
    /// The wire spelling.
    public let rawValue: String
    /// Creates a value from its wire spelling.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// `SUBMITVERIFYING`: Submit the job for review.
    public static let submitVerifying = TrainingCommand(rawValue: "SUBMITVERIFYING")
    /// `CONFIRM_ACCEPT`: Accept the training result (NA whitelist only).
    public static let confirmAccept = TrainingCommand(rawValue: "CONFIRM_ACCEPT")
    /// `CONFIRM_REJECT`: Reject the training result (NA whitelist only).
    public static let confirmReject = TrainingCommand(rawValue: "CONFIRM_REJECT")
    /// `CONFIRM_ANSWER`: Reply to a comment (NA whitelist only).
    public static let confirmAnswer = TrainingCommand(rawValue: "CONFIRM_ANSWER")
    /// `CONFIRM_PENDING`: Suspend the job (NA whitelist only).
    public static let confirmPending = TrainingCommand(rawValue: "CONFIRM_PENDING")
    /// `CONFIRM_ACTIVE`: Re-activate a suspended job (NA whitelist only).
    public static let confirmActive = TrainingCommand(rawValue: "CONFIRM_ACTIVE")
    /// `GET_MULTIPART_UPLOADED`: List the training-video parts already uploaded (read-only).
    public static let getMultipartUploaded = TrainingCommand(rawValue: "GET_MULTIPART_UPLOADED")
    /// `CONFIRM_REPAIR`: Ask for the model to be optimised (repaired).
    public static let confirmRepair = TrainingCommand(rawValue: "CONFIRM_REPAIR")
    /// `CONFIRM_MULTIPART_UPLOADED`: Confirm that every training-video part is uploaded.
    public static let confirmMultipartUploaded = TrainingCommand(rawValue: "CONFIRM_MULTIPART_UPLOADED")
    /// `GET_ACTION_VIDEO_MULTIPART_UPLOADED`: Ask for the action-video part information (read-only).
    public static let getActionVideoMultipartUploaded = TrainingCommand(rawValue: "GET_ACTION_VIDEO_MULTIPART_UPLOADED")
    /// `CONFIRM_ACTION_VIDEO_MULTIPART_UPLOADED`: Confirm that every action-video part is uploaded.
    public static let confirmActionVideoMultipartUploaded = TrainingCommand(rawValue: "CONFIRM_ACTION_VIDEO_MULTIPART_UPLOADED")
    /// `CONFIRM_AUTHORIZATION_LETTER`: Confirm that the authorisation letter is uploaded.
    public static let confirmAuthorizationLetter = TrainingCommand(rawValue: "CONFIRM_AUTHORIZATION_LETTER")
    /// `DELETE_JOB_VIDEO`: Delete the job's videos.
    public static let deleteJobVideo = TrainingCommand(rawValue: "DELETE_JOB_VIDEO")
    /// Every documented value.
    public static let knownValues: [TrainingCommand] = [.submitVerifying, .confirmAccept, .confirmReject, .confirmAnswer, .confirmPending, .confirmActive, .getMultipartUploaded, .confirmRepair, .confirmMultipartUploaded, .getActionVideoMultipartUploaded, .confirmActionVideoMultipartUploaded, .confirmAuthorizationLetter, .deleteJobVideo]
}

/// The `command_message` of Create, Update and Execute. Unknown values still decode.
public struct CommandMessage: OpenStringEnum {
    /// The wire spelling.
    public let rawValue: String
    /// Creates a value from its wire spelling.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// `UPDATE_VIDEO`: Update the video.
    public static let updateVideo = CommandMessage(rawValue: "UPDATE_VIDEO")
    /// `UPLOAD_VIDEO`: Upload the video (Create's default).
    public static let uploadVideo = CommandMessage(rawValue: "UPLOAD_VIDEO")
    /// `CONFIRM_ACTION_VIDEO`: Confirm the action video.
    public static let confirmActionVideo = CommandMessage(rawValue: "CONFIRM_ACTION_VIDEO")
    /// `GET_ACTION_VIDEO_MULTIPART`: Get the action-video parts.
    public static let getActionVideoMultipart = CommandMessage(rawValue: "GET_ACTION_VIDEO_MULTIPART")
    /// Every documented value.
    public static let knownValues: [CommandMessage] = [.updateVideo, .uploadVideo, .confirmActionVideo, .getActionVideoMultipart]
}

/// Where the voice-training audio comes from (`audio_source_type`). Unknown values still decode.
public struct AudioSourceType: OpenStringEnum {
    /// The wire spelling.
    public let rawValue: String
    /// Creates a value from its wire spelling.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// `VIDEO`: Audio extracted from the training video.
    public static let video = AudioSourceType(rawValue: "VIDEO")
    /// `AUDIO`: A separately uploaded audio zip.
    public static let audio = AudioSourceType(rawValue: "AUDIO")
    /// Every documented value.
    public static let knownValues: [AudioSourceType] = [.video, .audio]
}

/// A service the trained model may be used for (`supported_service`). Unknown values still decode.
public struct SupportedService: OpenStringEnum {
    /// The wire spelling.
    public let rawValue: String
    /// Creates a value from its wire spelling.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// `VIDEO_2D`: Video production.
    public static let video2d = SupportedService(rawValue: "VIDEO_2D")
    /// `LIVE_2D`: Live streaming.
    public static let live2d = SupportedService(rawValue: "LIVE_2D")
    /// `CHAT_2D`: Interactive chat.
    public static let chat2d = SupportedService(rawValue: "CHAT_2D")
    /// Every documented value.
    public static let knownValues: [SupportedService] = [.video2d, .live2d, .chat2d]
}

/// The training model version (`model_version`). Unknown values still decode.
public struct ModelVersion: OpenStringEnum {
    /// The wire spelling.
    public let rawValue: String
    /// Creates a value from its wire spelling.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// `V3.2`: The default model.
    public static let v32 = ModelVersion(rawValue: "V3.2")
    /// `V3.3`: The model for fast Flexus.
    public static let v33 = ModelVersion(rawValue: "V3.3")
    /// Every documented value.
    public static let knownValues: [ModelVersion] = [.v32, .v33]
}

/// How the background is removed (`matting_type`). Unknown values still decode.
public struct MattingType: OpenStringEnum {
    /// The wire spelling.
    public let rawValue: String
    /// Creates a value from its wire spelling.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// `AI`: Automatic matting (default).
    public static let ai = MattingType(rawValue: "AI")
    /// `MANUAL`: Manual matting.
    public static let manual = MattingType(rawValue: "MANUAL")
    /// Every documented value.
    public static let knownValues: [MattingType] = [.ai, .manual]
}

/// The resolution of the trained model (`model_resolution`). Unknown values still decode.
public struct ModelResolution: OpenStringEnum {
    /// The wire spelling.
    public let rawValue: String
    /// Creates a value from its wire spelling.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// `1080P`: Allows 1080P and 720P output (default).
    public static let p1080 = ModelResolution(rawValue: "1080P")
    /// `4K`: Allows 4K, 1080P and 720P output.
    public static let k4 = ModelResolution(rawValue: "4K")
    /// Every documented value.
    public static let knownValues: [ModelResolution] = [.p1080, .k4]
}

/// The outcome of Execute (`commond_result`, spelled as the service spells it). Unknown values still decode.
public struct CommandResult: OpenStringEnum {
    /// The wire spelling.
    public let rawValue: String
    /// Creates a value from its wire spelling.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// `EXCUTE_SUCCESS`: The command was accepted.
    public static let success = CommandResult(rawValue: "EXCUTE_SUCCESS")
    /// `EXCUTE_FAILED`: The command was refused; see `excute_failed_msg`.
    public static let failed = CommandResult(rawValue: "EXCUTE_FAILED")
    /// Every documented value.
    public static let knownValues: [CommandResult] = [.success, .failed]
}

/// The scenario of a Flexus voice (`voice_properties.job_tag`). Unknown values still decode.
public struct VoiceJobTag: OpenStringEnum {
    /// The wire spelling.
    public let rawValue: String
    /// Creates a value from its wire spelling.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// `ECOMMERCE`: E-commerce.
    public static let ecommerce = VoiceJobTag(rawValue: "ECOMMERCE")
    /// `NEWS`: News.
    public static let news = VoiceJobTag(rawValue: "NEWS")
    /// `MARKETING`: Marketing.
    public static let marketing = VoiceJobTag(rawValue: "MARKETING")
    /// Every documented value.
    public static let knownValues: [VoiceJobTag] = [.ecommerce, .news, .marketing]
}

/// The sex of a Flexus voice (`voice_properties.sex`). Unknown values still decode.
public struct VoiceSex: OpenStringEnum {
    /// The wire spelling.
    public let rawValue: String
    /// Creates a value from its wire spelling.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// `FEMALE`: Female.
    public static let female = VoiceSex(rawValue: "FEMALE")
    /// `MALE`: Male.
    public static let male = VoiceSex(rawValue: "MALE")
    /// Every documented value.
    public static let knownValues: [VoiceSex] = [.female, .male]
}

/// The language of a Flexus voice (`voice_properties.language`). Unknown values still decode.
public struct VoiceLanguage: OpenStringEnum {
    /// The wire spelling.
    public let rawValue: String
    /// Creates a value from its wire spelling.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// `CN`: Chinese (the only language currently supported).
    public static let cn = VoiceLanguage(rawValue: "CN")
    /// `EN`: English.
    public static let en = VoiceLanguage(rawValue: "EN")
    /// Every documented value.
    public static let knownValues: [VoiceLanguage] = [.cn, .en]
}

/// The sort key of List (`sort_key`). Unknown values still decode.
public struct SortKey: OpenStringEnum {
    /// The wire spelling.
    public let rawValue: String
    /// Creates a value from its wire spelling.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// `create_time`: Creation time.
    public static let createTime = SortKey(rawValue: "create_time")
    /// `update_time`: Last update time.
    public static let updateTime = SortKey(rawValue: "update_time")
    /// `asset_order`: Asset order.
    public static let assetOrder = SortKey(rawValue: "asset_order")
    /// Every documented value.
    public static let knownValues: [SortKey] = [.createTime, .updateTime, .assetOrder]
}

/// The sort direction of List (`sort_dir`). Unknown values still decode.
public struct SortDirection: OpenStringEnum {
    /// The wire spelling.
    public let rawValue: String
    /// Creates a value from its wire spelling.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// `asc`: Ascending (default).
    public static let ascending = SortDirection(rawValue: "asc")
    /// `desc`: Descending.
    public static let descending = SortDirection(rawValue: "desc")
    /// Every documented value.
    public static let knownValues: [SortDirection] = [.ascending, .descending]
}

/// Who performed a logged operation (`operate_user`). Unknown values still decode.
public struct OperateUser: OpenStringEnum {
    /// The wire spelling.
    public let rawValue: String
    /// Creates a value from its wire spelling.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// `USER`: The user.
    public static let user = OperateUser(rawValue: "USER")
    /// `ADMIN`: An administrator.
    public static let admin = OperateUser(rawValue: "ADMIN")
    /// `SYSTEM`: The system.
    public static let system = OperateUser(rawValue: "SYSTEM")
    /// Every documented value.
    public static let knownValues: [OperateUser] = [.user, .admin, .system]
}

/// The kind of a comment log entry (`comment_type`). Unknown values still decode.
public struct CommentType: OpenStringEnum {
    /// The wire spelling.
    public let rawValue: String
    /// Creates a value from its wire spelling.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// `USER_REJECT`: The user rejected the result.
    public static let userReject = CommentType(rawValue: "USER_REJECT")
    /// `USER_COMMENT`: A user comment.
    public static let userComment = CommentType(rawValue: "USER_COMMENT")
    /// `ADMIN_COMMENT`: An administrator comment.
    public static let adminComment = CommentType(rawValue: "ADMIN_COMMENT")
    /// Every documented value.
    public static let knownValues: [CommentType] = [.userReject, .userComment, .adminComment]
}

/// How a verify-video matting region is handled (`verify_video_matting_info.method`). Unknown values still decode.
public struct MattingMethod: OpenStringEnum {
    /// The wire spelling.
    public let rawValue: String
    /// Creates a value from its wire spelling.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// `RESERVED`: Kept.
    public static let reserved = MattingMethod(rawValue: "RESERVED")
    /// `DELETE`: Deleted.
    public static let delete = MattingMethod(rawValue: "DELETE")
    /// `NO_DEGREEN`: Kept without green-screen removal.
    public static let noDegreen = MattingMethod(rawValue: "NO_DEGREEN")
    /// Every documented value.
    public static let knownValues: [MattingMethod] = [.reserved, .delete, .noDegreen]
}

/// The kind of a marked action span (`action_type`). Unknown values still decode.
public struct ActionType: OpenStringEnum {
    /// The wire spelling.
    public let rawValue: String
    /// Creates a value from its wire spelling.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// `SILENCE`: Silence.
    public static let silence = ActionType(rawValue: "SILENCE")
    /// `ACTION`: Action.
    public static let action = ActionType(rawValue: "ACTION")
    /// Every documented value.
    public static let knownValues: [ActionType] = [.silence, .action]
}

/// How an allocated training resource is billed (`charge_mode`). Unknown values still decode.
public struct ChargeMode: OpenStringEnum {
    /// The wire spelling.
    public let rawValue: String
    /// Creates a value from its wire spelling.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// `PERIODIC`: Periodic (subscription).
    public static let periodic = ChargeMode(rawValue: "PERIODIC")
    /// `ONE_TIME`: One-time.
    public static let oneTime = ChargeMode(rawValue: "ONE_TIME")
    /// `ON_DEMAND`: On demand.
    public static let onDemand = ChargeMode(rawValue: "ON_DEMAND")
    /// Every documented value.
    public static let knownValues: [ChargeMode] = [.periodic, .oneTime, .onDemand]
}

/// Progress of the video rotation step (`*_rotation_state`). Unknown values still decode.
public struct RotationState: OpenStringEnum {
    /// The wire spelling.
    public let rawValue: String
    /// Creates a value from its wire spelling.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// `WAITING`: Waiting.
    public static let waiting = RotationState(rawValue: "WAITING")
    /// `PROCESSING`: Processing.
    public static let processing = RotationState(rawValue: "PROCESSING")
    /// `SUCCESS`: Done.
    public static let success = RotationState(rawValue: "SUCCESS")
    /// `FAILED`: Failed.
    public static let failed = RotationState(rawValue: "FAILED")
    /// Every documented value.
    public static let knownValues: [RotationState] = [.waiting, .processing, .success, .failed]
}
extension TrainingCommand {
    /// Commands of the NA whitelist only.
    public static let naWhitelistOnly: Set<TrainingCommand> = [
        .confirmAccept, .confirmReject, .confirmAnswer, .confirmPending, .confirmActive,
    ]

    /// Whether the command only reads information, so repeating it after a failure is harmless.
    public var isReadOnly: Bool { self == .getMultipartUploaded || self == .getActionVideoMultipartUploaded }
}
