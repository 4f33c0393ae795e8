public import NIOCore

/// When and how often a call is repeated: exponential backoff, with full jitter unless asked otherwise. The one
/// retry loop of the package (``run(_:shouldRetry:isolation:)``): the client repeats calls that are safe to repeat
/// (show, list, delete, read-only commands) on HTTP 429, 5xx and connection failures; the uploader repeats part PUTs;
/// the update workflow polls for a part that may still be arriving.
public struct RetryPolicy: Sendable, Hashable {
    /// How a pause is drawn below its ceiling.
    public enum Jitter: Sendable, Hashable {
        /// Uniformly random between zero and the ceiling (spreads out clients that failed together).
        case full
        /// Exactly the ceiling (for polling, where the pause should grow predictably).
        case none
    }

    /// Total attempts including the first (1 = never retry).
    public var maxAttempts: Int
    /// Backoff cap for the first retry; doubled for each further retry.
    public var baseDelay: TimeAmount
    /// Upper bound of any single backoff.
    public var maxDelay: TimeAmount
    /// How each pause is drawn below its ceiling.
    public var jitter: Jitter

    /// Creates a policy; `maxAttempts` below 1 is treated as 1.
    public init(maxAttempts: Int = 3, baseDelay: TimeAmount = .milliseconds(200), maxDelay: TimeAmount = .seconds(5),
                jitter: Jitter = .full) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.jitter = jitter
    }

    /// The policy for part uploads: 5 attempts, backoff from 0.25 s doubling up to 8 s (a part PUT is safe to repeat).
    public static let uploads = RetryPolicy(maxAttempts: 5, baseDelay: .milliseconds(250), maxDelay: .seconds(8))

    /// Never repeat a call.
    public static let never = RetryPolicy(maxAttempts: 1)

    /// The largest backoff before retry number `retry` (1-based): `min(maxDelay, baseDelay × 2^(retry-1))`.
    public func backoffCeiling(forRetry retry: Int) -> TimeAmount {
        let exponent = min(max(retry - 1, 0), 30)
        let base = max(baseDelay.nanoseconds, 0)
        let (scaled, overflow) = base.multipliedReportingOverflow(by: Int64(1) << Int64(exponent))
        return .nanoseconds(overflow ? maxDelay.nanoseconds : min(scaled, maxDelay.nanoseconds))
    }

    /// A full-jitter backoff: uniformly random between zero and `backoffCeiling(forRetry:)`.
    public func backoff<R: RandomNumberGenerator>(forRetry retry: Int, using generator: inout R) -> TimeAmount {
        let ceiling = backoffCeiling(forRetry: retry).nanoseconds
        guard ceiling > 0 else { return .zero }
        return .nanoseconds(Int64.random(in: 0...ceiling, using: &generator))
    }

    /// Whether an HTTP status is worth retrying (throttling or a server-side failure).
    public static func isRetryable(status: Int) -> Bool { status == 429 || (500...599).contains(status) }

    /// Sleeps (`Task.sleep`) before retry number `retry` (1-based): a full-jitter backoff, or the ceiling itself
    /// when ``jitter`` is `.none`; throws if the task is cancelled.
    public func pause(beforeRetry retry: Int) async throws {
        let wait: TimeAmount
        switch jitter {
        case .full:
            var generator = SystemRandomNumberGenerator()
            wait = backoff(forRetry: retry, using: &generator)
        case .none:
            wait = backoffCeiling(forRetry: retry)
        }
        try await Task.sleep(nanoseconds: UInt64(max(wait.nanoseconds, 0)))
    }

    /// Runs `operation` until it succeeds, fails with an error not worth repeating, or has run ``maxAttempts``
    /// times, pausing (``pause(beforeRetry:)``) before each retry.
    /// - Parameters:
    ///   - operation: one attempt; gets the attempt number, from 1.
    ///   - shouldRetry: whether an attempt's error is worth another attempt; gets the error and the number of the
    ///     attempt that failed. Asked only while attempts remain, so it is also the place to report a retry.
    /// - Returns: the value of the first attempt that succeeds.
    /// - Throws: the error of the last attempt, or `CancellationError` when the task is cancelled during a pause.
    public func run<Value>(
        _ operation: (_ attempt: Int) async throws -> Value,
        shouldRetry: (_ error: any Error, _ attempt: Int) async throws -> Bool,
        isolation: isolated (any Actor)? = #isolation
    ) async throws -> Value {
        var attempt = 1
        while true {
            do {
                return try await operation(attempt)
            } catch {
                guard attempt < maxAttempts, try await shouldRetry(error, attempt) else { throw error }
                try await pause(beforeRetry: attempt)
                attempt += 1
            }
        }
    }
}
