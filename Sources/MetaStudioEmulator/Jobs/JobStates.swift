/// The job states, commands and enum values of the training-job contract, and which calls each state allows.
enum JobStates {
    static let waitFileUpload = "WAIT_FILE_UPLOAD"
    static let autoVerifying = "AUTO_VERIFYING"
    static let manualVerifying = "MANUAL_VERIFYING"
    static let autoVerifyFailed = "AUTO_VERIFY_FAILED"
    static let manualVerifyFailed = "MANUAL_VERIFY_FAILED"
    static let jobSuccess = "JOB_SUCCESS"
    static let waitUserConfirm = "WAIT_USER_CONFIRM"
    static let jobReject = "JOB_REJECT"
    static let jobFinish = "JOB_FINISH"
    static let jobPending = "JOB_PENDING"

    /// Every state value the contract lists (training-job-fields.json `enums.states`).
    static let all: Set<String> = [
        "WAIT_FILE_UPLOAD", "AUTO_VERIFYING", "MANUAL_VERIFYING", "AUTO_VERIFY_FAILED", "MANUAL_VERIFY_FAILED",
        "MANUAL_VERIFY_SUCCESS", "WAIT_TRAINING_DATA_PREPROCESS", "TRAINING_DATA_PREPROCESSING",
        "TRAINING_DATA_PREPROCESS_FAILED", "TRAINING_DATA_PREPROCESS_SUCCESS", "TRAINING", "TRAIN_FAILED",
        "TRAIN_SUCCESS", "INFERENCE_DATA_PREPROCESSING", "INFERENCE_DATA_PREPROCESS_FAILED", "WAIT_MAIN_FILE_UPLOAD",
        "MANUAL_STOP_INFERENCE_DATA_PREPROCESS", "MANUAL_STOP_TRAIN", "MANUAL_STOP_TRAINING_DATA_PREPROCESS",
        "WAIT_ADMIN_CONFIRM", "WAIT_COMPILE", "COMPILING", "COMPILE_FAILED", "WAIT_GENERATE_ACTION", "WAIT_ARRANGE",
        "ACTION_GENERATE_DATA_PROCESSING", "MANUAL_STOP_ACTION_GENERATE_DATA_PROCESSING",
        "MANUAL_STOP_ACTION_GENERATE_ORI_PROCESSING", "ACTION_GENERATE_ORI_PROCESSING", "ACTION_GENERATE_DATA_FAILED",
        "ACTION_GENERATE_ORI_FAILED", "ACTION_GENERATE_ORI_SUCCESS", "GENERATE_ACTION_PREPROCESS_FAILED",
        "WAIT_ADMIN_CALIBRATION", "WAIT_ASSET_SYNC", "WAIT_GENERATE_ACTION_MARK", "ACTION_MARKING",
        "WAIT_USER_CONFIRM", "JOB_REJECT", "JOB_SUCCESS", "JOB_FINISH", "JOB_PENDING", "WAIT_TEST_VIDEO_CHECK",
        "TEST_VIDEO_CHECK_PROCESSING", "TEST_VIDEO_CHECK_SUCCESS", "TEST_VIDEO_CHECK_FAILED",
        "VIDEO_ANALYZE_PROCESSING", "VIDEO_ANALYZE_SUCCESS", "VIDEO_ANALYZE_FAILED", "ACTION_MARK_SUCCESS",
        "ACTION_MARK_FAILED", "ACTION_MARK_UPLOADED", "MANUL_STOP_ACTION_MARK",
    ]

    /// Update (PUT) is documented as allowed only after a failed review.
    static let updatable: [String] = [autoVerifyFailed, manualVerifyFailed]

    /// Delete is documented as allowed only in these states.
    static let deletable: [String] = [
        waitFileUpload, autoVerifyFailed, manualVerifying, manualVerifyFailed, "TRAINING_DATA_PREPROCESS_FAILED",
        "TRAIN_FAILED", "INFERENCE_DATA_PREPROCESS_FAILED", jobSuccess, waitUserConfirm, jobReject, jobFinish,
    ]

    /// States in which files may be uploaded and confirmed (the emulator's choice).
    static let accepting: [String] = [waitFileUpload, autoVerifyFailed, manualVerifyFailed]

    static let commands: Set<String> = [
        "SUBMITVERIFYING", "CONFIRM_ACCEPT", "CONFIRM_REJECT", "CONFIRM_ANSWER", "CONFIRM_PENDING", "CONFIRM_ACTIVE",
        "GET_MULTIPART_UPLOADED", "CONFIRM_REPAIR", "CONFIRM_MULTIPART_UPLOADED", "GET_ACTION_VIDEO_MULTIPART_UPLOADED",
        "CONFIRM_ACTION_VIDEO_MULTIPART_UPLOADED", "CONFIRM_AUTHORIZATION_LETTER", "DELETE_JOB_VIDEO",
    ]
    static let commandMessages: Set<String> = ["UPDATE_VIDEO", "UPLOAD_VIDEO", "CONFIRM_ACTION_VIDEO", "GET_ACTION_VIDEO_MULTIPART"]
    static let supportedServices: Set<String> = ["VIDEO_2D", "LIVE_2D", "CHAT_2D"]
    static let audioSourceTypes: Set<String> = ["VIDEO", "AUDIO"]
    static let modelVersions: Set<String> = ["V3.2", "V3.3"]
    static let voiceJobTags: Set<String> = ["ECOMMERCE", "NEWS", "MARKETING"]
    static let voiceSexes: Set<String> = ["FEMALE", "MALE"]
    static let voiceLanguages: Set<String> = ["CN", "EN"]
}
