public import Foundation
public import Testing

/// How long a test, or a child process it runs to completion, may take before it counts as hung.
///
/// These limits are guards against a hang, not measures of speed: they are generous enough for a cold run on a loaded
/// two-core machine, where a step that takes half a second alone was seen to take 86 s. Tests judge behaviour (bytes
/// written, what was sent, the verdict), never a duration; timing belongs in `Benchmarks/`.
public enum HangGuard {
    /// Seconds a child process may run before it is killed.
    public static let processSeconds: TimeInterval = 600
}

extension Trait where Self == TimeLimitTrait {
    /// The time limit of a test that must end rather than wait forever (a header timeout, a bounded read).
    public static var hangGuard: Self { .timeLimit(.minutes(10)) }
}
