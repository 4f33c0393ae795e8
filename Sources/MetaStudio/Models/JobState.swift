/// The state of a training job (`state`). Unknown values still decode; `explanation` says what each documented one means.
public struct JobState: OpenStringEnum {
    /// The wire spelling, e.g. `AUTO_VERIFY_FAILED`.
    public let rawValue: String
    /// Creates a state from its wire spelling.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// `WAIT_FILE_UPLOAD`: Waiting for the training files to be uploaded and confirmed; upload them, then send SUBMITVERIFYING.
    public static let waitFileUpload = JobState(rawValue: "WAIT_FILE_UPLOAD")
    /// `AUTO_VERIFYING`: Under automatic review.
    public static let autoVerifying = JobState(rawValue: "AUTO_VERIFYING")
    /// `MANUAL_VERIFYING`: Under manual review (review usually takes about a day).
    public static let manualVerifying = JobState(rawValue: "MANUAL_VERIFYING")
    /// `AUTO_VERIFY_FAILED`: Automatic review rejected the material; read operation_logs, fix the files, update the job and resubmit.
    public static let autoVerifyFailed = JobState(rawValue: "AUTO_VERIFY_FAILED")
    /// `MANUAL_VERIFY_FAILED`: Manual review rejected the material; read operation_logs, fix the files, update the job and resubmit.
    public static let manualVerifyFailed = JobState(rawValue: "MANUAL_VERIFY_FAILED")
    /// `MANUAL_VERIFY_SUCCESS`: Review passed; waiting for a preprocessing resource (training).
    public static let manualVerifySuccess = JobState(rawValue: "MANUAL_VERIFY_SUCCESS")
    /// `WAIT_TRAINING_DATA_PREPROCESS`: Waiting for training-data preprocessing (training).
    public static let waitTrainingDataPreprocess = JobState(rawValue: "WAIT_TRAINING_DATA_PREPROCESS")
    /// `TRAINING_DATA_PREPROCESSING`: Training data is being preprocessed (training).
    public static let trainingDataPreprocessing = JobState(rawValue: "TRAINING_DATA_PREPROCESSING")
    /// `TRAINING_DATA_PREPROCESS_FAILED`: Training-data preprocessing failed.
    public static let trainingDataPreprocessFailed = JobState(rawValue: "TRAINING_DATA_PREPROCESS_FAILED")
    /// `TRAINING_DATA_PREPROCESS_SUCCESS`: Training data preprocessed; waiting for a training resource (training).
    public static let trainingDataPreprocessSuccess = JobState(rawValue: "TRAINING_DATA_PREPROCESS_SUCCESS")
    /// `TRAINING`: The model is being trained.
    public static let training = JobState(rawValue: "TRAINING")
    /// `TRAIN_FAILED`: Model training failed.
    public static let trainFailed = JobState(rawValue: "TRAIN_FAILED")
    /// `TRAIN_SUCCESS`: Training finished; waiting for inference-data preprocessing (training).
    public static let trainSuccess = JobState(rawValue: "TRAIN_SUCCESS")
    /// `INFERENCE_DATA_PREPROCESSING`: Inference data is being preprocessed (training).
    public static let inferenceDataPreprocessing = JobState(rawValue: "INFERENCE_DATA_PREPROCESSING")
    /// `INFERENCE_DATA_PREPROCESS_FAILED`: Inference-data preprocessing failed.
    public static let inferenceDataPreprocessFailed = JobState(rawValue: "INFERENCE_DATA_PREPROCESS_FAILED")
    /// `WAIT_MAIN_FILE_UPLOAD`: Waiting for the main model file to be uploaded (training).
    public static let waitMainFileUpload = JobState(rawValue: "WAIT_MAIN_FILE_UPLOAD")
    /// `MANUAL_STOP_INFERENCE_DATA_PREPROCESS`: Inference-data preprocessing was stopped by an administrator.
    public static let manualStopInferenceDataPreprocess = JobState(rawValue: "MANUAL_STOP_INFERENCE_DATA_PREPROCESS")
    /// `MANUAL_STOP_TRAIN`: Training was stopped by an administrator.
    public static let manualStopTrain = JobState(rawValue: "MANUAL_STOP_TRAIN")
    /// `MANUAL_STOP_TRAINING_DATA_PREPROCESS`: Training-data preprocessing was stopped by an administrator.
    public static let manualStopTrainingDataPreprocess = JobState(rawValue: "MANUAL_STOP_TRAINING_DATA_PREPROCESS")
    /// `WAIT_ADMIN_CONFIRM`: Waiting for an administrator to confirm (training).
    public static let waitAdminConfirm = JobState(rawValue: "WAIT_ADMIN_CONFIRM")
    /// `WAIT_COMPILE`: Waiting to compile the model (training).
    public static let waitCompile = JobState(rawValue: "WAIT_COMPILE")
    /// `COMPILING`: The model is being compiled (training).
    public static let compiling = JobState(rawValue: "COMPILING")
    /// `COMPILE_FAILED`: Compiling the model failed.
    public static let compileFailed = JobState(rawValue: "COMPILE_FAILED")
    /// `WAIT_GENERATE_ACTION`: Waiting to generate actions (training).
    public static let waitGenerateAction = JobState(rawValue: "WAIT_GENERATE_ACTION")
    /// `WAIT_ARRANGE`: Waiting for action arrangement (training).
    public static let waitArrange = JobState(rawValue: "WAIT_ARRANGE")
    /// `ACTION_GENERATE_DATA_PROCESSING`: Action data is being generated (training).
    public static let actionGenerateDataProcessing = JobState(rawValue: "ACTION_GENERATE_DATA_PROCESSING")
    /// `MANUAL_STOP_ACTION_GENERATE_DATA_PROCESSING`: Action-data generation was stopped by an administrator.
    public static let manualStopActionGenerateDataProcessing = JobState(rawValue: "MANUAL_STOP_ACTION_GENERATE_DATA_PROCESSING")
    /// `MANUAL_STOP_ACTION_GENERATE_ORI_PROCESSING`: Original-action generation was stopped by an administrator.
    public static let manualStopActionGenerateOriProcessing = JobState(rawValue: "MANUAL_STOP_ACTION_GENERATE_ORI_PROCESSING")
    /// `ACTION_GENERATE_ORI_PROCESSING`: Original actions are being generated (training).
    public static let actionGenerateOriProcessing = JobState(rawValue: "ACTION_GENERATE_ORI_PROCESSING")
    /// `ACTION_GENERATE_DATA_FAILED`: Action-data generation failed.
    public static let actionGenerateDataFailed = JobState(rawValue: "ACTION_GENERATE_DATA_FAILED")
    /// `ACTION_GENERATE_ORI_FAILED`: Original-action generation failed.
    public static let actionGenerateOriFailed = JobState(rawValue: "ACTION_GENERATE_ORI_FAILED")
    /// `ACTION_GENERATE_ORI_SUCCESS`: Original actions generated (training).
    public static let actionGenerateOriSuccess = JobState(rawValue: "ACTION_GENERATE_ORI_SUCCESS")
    /// `GENERATE_ACTION_PREPROCESS_FAILED`: Action preprocessing failed.
    public static let generateActionPreprocessFailed = JobState(rawValue: "GENERATE_ACTION_PREPROCESS_FAILED")
    /// `WAIT_ADMIN_CALIBRATION`: Waiting for administrator calibration (training).
    public static let waitAdminCalibration = JobState(rawValue: "WAIT_ADMIN_CALIBRATION")
    /// `WAIT_ASSET_SYNC`: Waiting for the model asset to be synchronised (training).
    public static let waitAssetSync = JobState(rawValue: "WAIT_ASSET_SYNC")
    /// `WAIT_GENERATE_ACTION_MARK`: Waiting to generate action marks (training).
    public static let waitGenerateActionMark = JobState(rawValue: "WAIT_GENERATE_ACTION_MARK")
    /// `ACTION_MARKING`: Actions are being marked (training).
    public static let actionMarking = JobState(rawValue: "ACTION_MARKING")
    /// `WAIT_USER_CONFIRM`: Waiting for the user to accept or reject the result (NA whitelist only).
    public static let waitUserConfirm = JobState(rawValue: "WAIT_USER_CONFIRM")
    /// `JOB_REJECT`: The user rejected the training result (NA whitelist only).
    public static let jobReject = JobState(rawValue: "JOB_REJECT")
    /// `JOB_SUCCESS`: Done: the model is ready to use.
    public static let jobSuccess = JobState(rawValue: "JOB_SUCCESS")
    /// `JOB_FINISH`: Final: the user accepted the result; the job can no longer change (NA whitelist only).
    public static let jobFinish = JobState(rawValue: "JOB_FINISH")
    /// `JOB_PENDING`: Suspended by the user (NA whitelist only).
    public static let jobPending = JobState(rawValue: "JOB_PENDING")
    /// `WAIT_TEST_VIDEO_CHECK`: Waiting for the test video to be checked.
    public static let waitTestVideoCheck = JobState(rawValue: "WAIT_TEST_VIDEO_CHECK")
    /// `TEST_VIDEO_CHECK_PROCESSING`: The test video is being checked.
    public static let testVideoCheckProcessing = JobState(rawValue: "TEST_VIDEO_CHECK_PROCESSING")
    /// `TEST_VIDEO_CHECK_SUCCESS`: The test video passed its check.
    public static let testVideoCheckSuccess = JobState(rawValue: "TEST_VIDEO_CHECK_SUCCESS")
    /// `TEST_VIDEO_CHECK_FAILED`: The test video failed its check.
    public static let testVideoCheckFailed = JobState(rawValue: "TEST_VIDEO_CHECK_FAILED")
    /// `VIDEO_ANALYZE_PROCESSING`: The video is being analysed.
    public static let videoAnalyzeProcessing = JobState(rawValue: "VIDEO_ANALYZE_PROCESSING")
    /// `VIDEO_ANALYZE_SUCCESS`: Video analysis finished.
    public static let videoAnalyzeSuccess = JobState(rawValue: "VIDEO_ANALYZE_SUCCESS")
    /// `VIDEO_ANALYZE_FAILED`: Video analysis failed.
    public static let videoAnalyzeFailed = JobState(rawValue: "VIDEO_ANALYZE_FAILED")
    /// `ACTION_MARK_SUCCESS`: Action marking finished.
    public static let actionMarkSuccess = JobState(rawValue: "ACTION_MARK_SUCCESS")
    /// `ACTION_MARK_FAILED`: Action marking failed.
    public static let actionMarkFailed = JobState(rawValue: "ACTION_MARK_FAILED")
    /// `ACTION_MARK_UPLOADED`: The action-mark file was uploaded.
    public static let actionMarkUploaded = JobState(rawValue: "ACTION_MARK_UPLOADED")
    /// `MANUL_STOP_ACTION_MARK`: Action marking was stopped by an administrator (the service spells it MANUL_STOP_ACTION_MARK).
    public static let manualStopActionMark = JobState(rawValue: "MANUL_STOP_ACTION_MARK")

    /// Every state the API contract lists, in its order.
    public static let knownValues: [JobState] = [
        .waitFileUpload,
        .autoVerifying,
        .manualVerifying,
        .autoVerifyFailed,
        .manualVerifyFailed,
        .manualVerifySuccess,
        .waitTrainingDataPreprocess,
        .trainingDataPreprocessing,
        .trainingDataPreprocessFailed,
        .trainingDataPreprocessSuccess,
        .training,
        .trainFailed,
        .trainSuccess,
        .inferenceDataPreprocessing,
        .inferenceDataPreprocessFailed,
        .waitMainFileUpload,
        .manualStopInferenceDataPreprocess,
        .manualStopTrain,
        .manualStopTrainingDataPreprocess,
        .waitAdminConfirm,
        .waitCompile,
        .compiling,
        .compileFailed,
        .waitGenerateAction,
        .waitArrange,
        .actionGenerateDataProcessing,
        .manualStopActionGenerateDataProcessing,
        .manualStopActionGenerateOriProcessing,
        .actionGenerateOriProcessing,
        .actionGenerateDataFailed,
        .actionGenerateOriFailed,
        .actionGenerateOriSuccess,
        .generateActionPreprocessFailed,
        .waitAdminCalibration,
        .waitAssetSync,
        .waitGenerateActionMark,
        .actionMarking,
        .waitUserConfirm,
        .jobReject,
        .jobSuccess,
        .jobFinish,
        .jobPending,
        .waitTestVideoCheck,
        .testVideoCheckProcessing,
        .testVideoCheckSuccess,
        .testVideoCheckFailed,
        .videoAnalyzeProcessing,
        .videoAnalyzeSuccess,
        .videoAnalyzeFailed,
        .actionMarkSuccess,
        .actionMarkFailed,
        .actionMarkUploaded,
        .manualStopActionMark,
    ]

    /// One sentence on what the state means for the user; unknown states say so.
    public var explanation: String {
        switch self {
        case .waitFileUpload: return "Waiting for the training files to be uploaded and confirmed; upload them, then send SUBMITVERIFYING."
        case .autoVerifying: return "Under automatic review."
        case .manualVerifying: return "Under manual review (review usually takes about a day)."
        case .autoVerifyFailed: return "Automatic review rejected the material; read operation_logs, fix the files, update the job and resubmit."
        case .manualVerifyFailed: return "Manual review rejected the material; read operation_logs, fix the files, update the job and resubmit."
        case .manualVerifySuccess: return "Review passed; waiting for a preprocessing resource (training)."
        case .waitTrainingDataPreprocess: return "Waiting for training-data preprocessing (training)."
        case .trainingDataPreprocessing: return "Training data is being preprocessed (training)."
        case .trainingDataPreprocessFailed: return "Training-data preprocessing failed."
        case .trainingDataPreprocessSuccess: return "Training data preprocessed; waiting for a training resource (training)."
        case .training: return "The model is being trained."
        case .trainFailed: return "Model training failed."
        case .trainSuccess: return "Training finished; waiting for inference-data preprocessing (training)."
        case .inferenceDataPreprocessing: return "Inference data is being preprocessed (training)."
        case .inferenceDataPreprocessFailed: return "Inference-data preprocessing failed."
        case .waitMainFileUpload: return "Waiting for the main model file to be uploaded (training)."
        case .manualStopInferenceDataPreprocess: return "Inference-data preprocessing was stopped by an administrator."
        case .manualStopTrain: return "Training was stopped by an administrator."
        case .manualStopTrainingDataPreprocess: return "Training-data preprocessing was stopped by an administrator."
        case .waitAdminConfirm: return "Waiting for an administrator to confirm (training)."
        case .waitCompile: return "Waiting to compile the model (training)."
        case .compiling: return "The model is being compiled (training)."
        case .compileFailed: return "Compiling the model failed."
        case .waitGenerateAction: return "Waiting to generate actions (training)."
        case .waitArrange: return "Waiting for action arrangement (training)."
        case .actionGenerateDataProcessing: return "Action data is being generated (training)."
        case .manualStopActionGenerateDataProcessing: return "Action-data generation was stopped by an administrator."
        case .manualStopActionGenerateOriProcessing: return "Original-action generation was stopped by an administrator."
        case .actionGenerateOriProcessing: return "Original actions are being generated (training)."
        case .actionGenerateDataFailed: return "Action-data generation failed."
        case .actionGenerateOriFailed: return "Original-action generation failed."
        case .actionGenerateOriSuccess: return "Original actions generated (training)."
        case .generateActionPreprocessFailed: return "Action preprocessing failed."
        case .waitAdminCalibration: return "Waiting for administrator calibration (training)."
        case .waitAssetSync: return "Waiting for the model asset to be synchronised (training)."
        case .waitGenerateActionMark: return "Waiting to generate action marks (training)."
        case .actionMarking: return "Actions are being marked (training)."
        case .waitUserConfirm: return "Waiting for the user to accept or reject the result (NA whitelist only)."
        case .jobReject: return "The user rejected the training result (NA whitelist only)."
        case .jobSuccess: return "Done: the model is ready to use."
        case .jobFinish: return "Final: the user accepted the result; the job can no longer change (NA whitelist only)."
        case .jobPending: return "Suspended by the user (NA whitelist only)."
        case .waitTestVideoCheck: return "Waiting for the test video to be checked."
        case .testVideoCheckProcessing: return "The test video is being checked."
        case .testVideoCheckSuccess: return "The test video passed its check."
        case .testVideoCheckFailed: return "The test video failed its check."
        case .videoAnalyzeProcessing: return "The video is being analysed."
        case .videoAnalyzeSuccess: return "Video analysis finished."
        case .videoAnalyzeFailed: return "Video analysis failed."
        case .actionMarkSuccess: return "Action marking finished."
        case .actionMarkFailed: return "Action marking failed."
        case .actionMarkUploaded: return "The action-mark file was uploaded."
        case .manualStopActionMark: return "Action marking was stopped by an administrator (the service spells it MANUL_STOP_ACTION_MARK)."
        default: return "State \(rawValue) is not documented in the API contract this client was built from."
        }
    }
}

extension JobState {
    /// States in which Update (PUT) is allowed: after automatic or manual review rejected the job.
    public static let updatableStates: Set<JobState> = [.autoVerifyFailed, .manualVerifyFailed]

    /// States in which Delete is allowed, per the contract.
    public static let deletableStates: Set<JobState> = [
        .waitFileUpload, .autoVerifyFailed, .manualVerifying, .manualVerifyFailed, .trainingDataPreprocessFailed,
        .trainFailed, .inferenceDataPreprocessFailed, .jobSuccess, .waitUserConfirm, .jobReject, .jobFinish,
    ]

    /// Whether the job may be updated (re-uploaded) in this state.
    public var allowsUpdate: Bool { Self.updatableStates.contains(self) }

    /// Whether the job may be deleted in this state.
    public var allowsDelete: Bool { Self.deletableStates.contains(self) }

    /// Whether review rejected the job (the user should fix the material and resubmit).
    public var isReviewFailure: Bool { allowsUpdate }

    /// Whether the job is under review.
    public var isUnderReview: Bool { self == .autoVerifying || self == .manualVerifying }

    /// Whether the job has reached a completion state (`JOB_SUCCESS` or `JOB_FINISH`).
    public var isCompleted: Bool { self == .jobSuccess || self == .jobFinish }
}
