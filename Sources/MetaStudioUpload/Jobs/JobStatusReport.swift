import Foundation
public import MetaStudio
import Preflight

/// A training job's state in words, its review history newest first, and what to do next: what `preflight status`
/// prints and `preflight watch` ends with.
public struct JobStatusReport: Sendable, Encodable {
    /// Which kind of state the job is in; decides the next step and `watch`'s exit status.
    public enum Phase: String, Sendable, Encodable {
        /// Waiting for files (`WAIT_FILE_UPLOAD`, `WAIT_MAIN_FILE_UPLOAD`).
        case waitingForFiles = "waiting-for-files"
        /// Under automatic or manual review.
        case inReview = "in-review"
        /// Review rejected the material (`AUTO_VERIFY_FAILED`, `MANUAL_VERIFY_FAILED`); Update is allowed.
        case rejected
        /// Review passed and the service is working on the job (preprocessing, training, compiling, …).
        case inProgress = "in-progress"
        /// The service waits for the user (`WAIT_USER_CONFIRM`).
        case waitingForYou = "waiting-for-you"
        /// The job finished (`JOB_SUCCESS`, `JOB_FINISH`).
        case finished
        /// A step after review failed, was stopped or the job was rejected for good.
        case failed
        /// A state the contract does not list.
        case unknown

        /// The phase of `state`.
        public init(_ state: JobState) {
            let raw = state.rawValue
            switch state {
            case .waitFileUpload, .waitMainFileUpload: self = .waitingForFiles
            case .autoVerifying, .manualVerifying: self = .inReview
            case .autoVerifyFailed, .manualVerifyFailed: self = .rejected
            case .waitUserConfirm: self = .waitingForYou
            case .jobSuccess, .jobFinish: self = .finished
            case .jobReject: self = .failed
            default:
                if !JobState.knownValues.contains(state) {
                    self = .unknown
                } else if raw.hasSuffix("_FAILED") || raw.contains("STOP") {
                    self = .failed
                } else {
                    self = .inProgress
                }
            }
        }
    }

    /// One entry of the operation log, as shown.
    public struct HistoryEntry: Sendable, Encodable {
        /// When, as the service gave it (RFC 3339).
        public var time: String?
        /// Who acted: `USER`, `ADMIN` or `SYSTEM` (or what the service said).
        public var actor: String?
        /// The log type, e.g. `SYSTEM_VERIFY_FAILED`.
        public var type: String?
        /// The reason or description (the review's opinion on a rejection).
        public var description: String?
        /// The review error code, when there is one.
        public var errorCode: String?
        /// The Preflight rule for that code, when one exists.
        public var rule: String?
        /// That rule's advice.
        public var advice: String?
        /// What the code means, when it is documented.
        public var meaning: String?
        /// Reasons to redo, as the service lists them.
        public var redoReasons: [String]?

        enum CodingKeys: String, CodingKey {
            case time, actor, type, description, rule, advice, meaning
            case errorCode = "error_code", redoReasons = "redo_reasons"
        }
    }

    /// The job id.
    public var jobID: String
    /// The job's name.
    public var name: String?
    /// The state's wire spelling.
    public var state: String
    /// The kind of state.
    public var phase: Phase
    /// What the state means.
    public var explanation: String
    /// The operation log, newest first.
    public var history: [HistoryEntry]
    /// What to do now, in a sentence or a command.
    public var nextStep: String

    enum CodingKeys: String, CodingKey {
        case jobID = "job_id", name, state, phase, explanation, history
        case nextStep = "next_step"
    }

    /// Builds the report from a Show answer. `updateCommand` is the `preflight update` command line that would fix a
    /// rejection (the caller knows the endpoint and project options it was given).
    public init(job: TrainingJob, updateCommand: String) {
        let summary = job.summary
        self.jobID = summary.jobID
        self.name = summary.name
        self.state = summary.state.rawValue
        self.phase = Phase(summary.state)
        self.explanation = JobState.knownValues.contains(summary.state)
            ? summary.state.explanation : "a state this tool does not know; see the console"
        self.history = Self.newestFirst(job.operationLogs ?? []).map(Self.entry)
        self.nextStep = Self.nextStep(phase: phase, jobID: summary.jobID, updateCommand: updateCommand,
                                      history: history)
    }

    /// Log entries sorted by time, newest first; entries without a time keep their order after the timed ones.
    static func newestFirst(_ logs: [OperationLogInfo]) -> [OperationLogInfo] {
        let indexed = logs.enumerated().map { (index: $0.offset, log: $0.element) }
        return indexed.sorted { a, b in
            switch (a.log.operateTime, b.log.operateTime) {
            case let (x?, y?) where x != y: return x > y
            case (nil, _?): return false
            case (_?, nil): return true
            default: return a.index > b.index
            }
        }.map(\.log)
    }

    static func entry(_ log: OperationLogInfo) -> HistoryEntry {
        let code = log.errorCode.flatMap { $0.isEmpty ? nil : ReviewCode($0) }
        return HistoryEntry(time: log.operateTime, actor: log.operateUser?.rawValue, type: log.logType,
                            description: log.logDescription, errorCode: code?.code, rule: code?.rule?.id,
                            advice: code?.rule?.explanation, meaning: code?.meaning,
                            redoReasons: (log.redoReasons?.isEmpty ?? true) ? nil : log.redoReasons)
    }

    static func nextStep(phase: Phase, jobID: String, updateCommand: String, history: [HistoryEntry]) -> String {
        switch phase {
        case .waitingForFiles:
            return "Upload the files: if a preflight run was interrupted, run the same command again with --resume; "
                + "otherwise upload and confirm every file, then submit (SUBMITVERIFYING)."
        case .inReview:
            return "Wait for the review (usually about a day); `preflight watch \(jobID)` waits and reports the outcome."
        case .rejected:
            let rules = Array(Set(history.compactMap(\.rule))).sorted()
            let check = rules.isEmpty ? "" : " (Preflight's \(rules.joined(separator: ", ")) catches this before upload)"
            return "Fix the files the review names\(check), then run: \(updateCommand)"
        case .inProgress:
            return "Nothing to do: review passed and the service is working on the job."
        case .waitingForYou:
            return "The service waits for you: confirm or reject the result in the MetaStudio console."
        case .finished:
            return "Nothing to do: the job is finished."
        case .failed:
            return "The job cannot go on by itself: read the history above, and contact support or create a new job."
        case .unknown:
            return "Check the job in the MetaStudio console."
        }
    }
}
