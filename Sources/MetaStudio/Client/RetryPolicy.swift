public import NIOCore

/// When and how often the client repeats a call: exponential backoff with full jitter, on HTTP 429, 5xx and
/// connection failures, and only for calls that are safe to repeat (show, list, delete, read-only commands).
public struct RetryPolicy: Sendable, Hashable {
    /// Total attempts including the first (1 = never retry).
    public var maxAttempts: Int
    /// Backoff cap for the first retry; doubled for each further retry.
    public var baseDelay: TimeAmount
    /// Upper bound of any single backoff.
    public var maxDelay: TimeAmount

    /// Creates a policy; `maxAttempts` below 1 is treated as 1.
    public init(maxAttempts: Int = 3, baseDelay: TimeAmount = .milliseconds(200), maxDelay: TimeAmount = .seconds(5)) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
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

    /// Sleeps for a full-jitter backoff before retry number `retry` (1-based); throws if the task is cancelled.
    public func pause(beforeRetry retry: Int) async throws {
        var generator = SystemRandomNumberGenerator()
        let wait = backoff(forRetry: retry, using: &generator)
        try await Task.sleep(nanoseconds: UInt64(max(wait.nanoseconds, 0)))
    }
}
