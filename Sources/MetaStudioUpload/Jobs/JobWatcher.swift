public import MetaStudio

/// Polls a job with Show until it leaves the review states, with a bounded backoff: the pause starts at
/// `initialInterval` and doubles up to `maxInterval`. What `preflight watch` runs.
public struct JobWatcher: Sendable {
    /// How the watch ended.
    public enum Outcome: Sendable {
        /// The job is no longer in review (or never was); its last Show answer.
        case settled(TrainingJob)
        /// The time limit passed while the job was still in review; its last Show answer.
        case timedOut(TrainingJob)
    }

    /// Something a display may show.
    public enum Event: Sendable {
        /// The first answer, or one whose state differs from the previous one.
        case changed(TrainingJob)
        /// An answer with the same state; the next poll is `nextIn` away.
        case unchanged(TrainingJob, nextIn: Duration)
        /// A poll failed; the watch goes on, and gives up after `JobWatcher.maxConsecutiveFailures` failures in a row.
        case pollFailed(reason: String, nextIn: Duration)
    }

    /// Polls that may fail in a row (after the client's own retries) before the watch gives up.
    public static let maxConsecutiveFailures = 5

    /// The first pause between polls.
    public var initialInterval: Duration
    /// The longest pause between polls.
    public var maxInterval: Duration
    /// How long to watch at most; nil watches until the review ends.
    public var timeout: Duration?

    /// Creates a watcher; `maxInterval` is raised to `initialInterval` if it is shorter.
    public init(initialInterval: Duration = .seconds(30), maxInterval: Duration = .seconds(300), timeout: Duration? = nil) {
        self.initialInterval = max(initialInterval, .milliseconds(10))
        self.maxInterval = max(maxInterval, self.initialInterval)
        self.timeout = timeout
    }

    /// The pause after `pause`: twice as long, at most `maxInterval`.
    public func next(after pause: Duration) -> Duration { min(pause * 2, maxInterval) }

    /// Watches `jobID`, reading it with `show`. Throws what `show` throws for a job that does not exist
    /// (`MetaStudioServiceError` with status 404) at once, other errors after ``maxConsecutiveFailures`` in a row,
    /// and `CancellationError` when the task is cancelled.
    public func watch(jobID: String, show: @Sendable (String) async throws -> TrainingJob,
                      events: @Sendable (Event) -> Void = { _ in }) async throws -> Outcome {
        let clock = ContinuousClock()
        let deadline = timeout.map { clock.now + $0 }
        var pause = initialInterval
        var last: TrainingJob?
        var failures = 0
        while true {
            do {
                let job = try await show(jobID)
                failures = 0
                let changed = last?.summary.state != job.summary.state
                last = job
                if JobStatusReport.Phase(job.summary.state) != .inReview {
                    if changed { events(.changed(job)) }
                    return .settled(job)
                }
                events(changed ? .changed(job) : .unchanged(job, nextIn: pause))
            } catch let error as MetaStudioServiceError where error.statusCode == 404 {
                throw error
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                failures += 1
                if failures >= Self.maxConsecutiveFailures { throw error }
                events(.pollFailed(reason: String(describing: error), nextIn: pause))
            }
            var sleep = pause
            if let deadline {
                let left = deadline - clock.now
                if left <= .zero {
                    if let last { return .timedOut(last) }
                    throw JobWatchError.noAnswerBeforeTimeout(jobID: jobID)
                }
                sleep = min(sleep, left)
            }
            try await Task.sleep(for: sleep)
            pause = next(after: pause)
        }
    }
}

/// The watch could not read the job even once before its time limit.
public struct JobWatchError: Error, CustomStringConvertible, Sendable {
    /// The job watched.
    public let jobID: String

    static func noAnswerBeforeTimeout(jobID: String) -> JobWatchError { JobWatchError(jobID: jobID) }

    /// The message.
    public var description: String { "job \(jobID): no answer from the service before the time limit" }
}
