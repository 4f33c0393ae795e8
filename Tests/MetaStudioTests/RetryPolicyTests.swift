import NIOCore
import Testing
@testable import MetaStudio

@Suite("Retry policy")
struct RetryPolicyTests {
    @Test("ceilings double up to the cap")
    func ceilings() {
        let policy = RetryPolicy(maxAttempts: 6, baseDelay: .milliseconds(100), maxDelay: .milliseconds(500))
        #expect(policy.backoffCeiling(forRetry: 1) == .milliseconds(100))
        #expect(policy.backoffCeiling(forRetry: 2) == .milliseconds(200))
        #expect(policy.backoffCeiling(forRetry: 3) == .milliseconds(400))
        #expect(policy.backoffCeiling(forRetry: 4) == .milliseconds(500))
        #expect(policy.backoffCeiling(forRetry: 100) == .milliseconds(500))
    }

    @Test("full jitter stays within [0, ceiling] and varies")
    func jitter() {
        let policy = RetryPolicy(baseDelay: .milliseconds(100), maxDelay: .seconds(1))
        var generator = SystemRandomNumberGenerator()
        var seen = Set<Int64>()
        for _ in 0..<200 {
            let delay = policy.backoff(forRetry: 2, using: &generator).nanoseconds
            #expect(delay >= 0 && delay <= 200_000_000)
            seen.insert(delay)
        }
        #expect(seen.count > 1)
    }

    @Test("retryable statuses and attempt floor")
    func statuses() {
        #expect(RetryPolicy.isRetryable(status: 429))
        #expect(RetryPolicy.isRetryable(status: 500) && RetryPolicy.isRetryable(status: 503))
        #expect(!RetryPolicy.isRetryable(status: 400) && !RetryPolicy.isRetryable(status: 404))
        #expect(RetryPolicy(maxAttempts: 0).maxAttempts == 1)
        #expect(RetryPolicy.never.maxAttempts == 1)
    }
}
