import Foundation
import MetaStudioUpload
import Preflight

/// The emulator's record of one training job.
struct TrainingJob: Sendable {
    var id: String
    var name: String
    var state: String
    var contact: String?
    var commandMessage: String?
    var batchName: String?
    var tags: [String]?
    var modelVersion: String = "V3.2"
    var isBackgroundReplacement = true
    var isOndemandResource = false
    var isFlexus = false
    var isFastFlexus = false
    var isLiveCopy = false
    var isOnlyHumanModel = false
    var audioSourceType: String?
    var voiceProperties: WireVoiceProperties?
    var supportedService: [String]?
    var samples: [WireSampleBasicInfo]?
    var appUserID: String?
    var createTime: Date
    var lastUpdateTime: Date
    var videoMultipartCount = 1
    var actionVideoMultipartCount = 1
    /// Incremented by every Update: tickets of an older round are void.
    var uploadRound = 0
    var operationLogs: [OperationLogEntry] = []
    /// Parts received in the current round, by role then part number; the part files live in `partsDirectory`.
    var parts: [Role: [Int: UploadedPart]] = [:]
    /// Multipart roles whose parts of the current round were assembled by a CONFIRM command.
    var assembledRoles: Set<Role> = []
    /// Complete stored files (assembled videos, single-file roles).
    var files: [Role: URL] = [:]
    /// Whether Update was called since the last failed review (SUBMITVERIFYING from *_VERIFY_FAILED needs it).
    var updatedSinceReviewFailure = false

    mutating func log(_ type: String, user: String, description: String? = nil, errorCode: String? = nil,
                      redoReasons: [String]? = nil, at time: Date = Date()) {
        operationLogs.append(
            OperationLogEntry(operateTime: time, logType: type, logDescription: description, operateUser: user,
                              errorCode: errorCode, redoReasons: redoReasons))
    }

    func snapshot() -> JobSnapshot {
        var uploaded: [String: [UploadedPart]] = [:]
        for (role, byNumber) in parts where !byNumber.isEmpty {
            uploaded[role.wire.name] = byNumber.values.sorted { $0.partNumber < $1.partNumber }
        }
        return JobSnapshot(
            jobID: id, name: name, state: state, appUserID: appUserID, createTime: createTime,
            lastUpdateTime: lastUpdateTime, videoMultipartCount: videoMultipartCount,
            actionVideoMultipartCount: actionVideoMultipartCount, operationLogs: operationLogs,
            uploadedParts: uploaded, storedFiles: files.keys.map(\.rawValue).sorted())
    }

    func wireInfo(projectID: String, detailed: Bool) -> WireJobInfo {
        var info = WireJobInfo(
            jobID: id, name: name, state: state, projectID: projectID,
            lastUpdateTime: lastUpdateTime, createTime: createTime, contact: contact,
            batchName: batchName, tags: tags, modelVersion: modelVersion, mattingType: "AI", modelResolution: "1080P",
            appUserID: appUserID, isFlexus: isFlexus, isLiveCopy: isLiveCopy, isFastFlexus: isFastFlexus,
            isOnlyHumanModel: isOnlyHumanModel, isBackgroundReplacement: isBackgroundReplacement,
            isOndemandResource: isOndemandResource)
        if detailed {
            info.operationLogs = operationLogs
            info.voiceProperties = voiceProperties
            info.audioSourceType = audioSourceType
            info.supportedService = supportedService ?? ["VIDEO_2D", "LIVE_2D"]
        }
        return info
    }
}
