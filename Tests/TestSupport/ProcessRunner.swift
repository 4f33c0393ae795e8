public import Foundation
import NIOConcurrencyHelpers
import NIOPosix

/// The outcome of running a child process to completion.
public struct ProcessResult: Sendable {
    /// The exit status, or 128 + the signal number when a signal ended the process (137 for SIGKILL).
    public var status: Int32
    /// Whether a signal ended the process.
    public var killedBySignal: Bool
    public var stdout: String
    public var stderr: String
    public var stdoutData: Data
}

/// Errors raised by the test helpers themselves.
public struct TestSupportError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// A child process started by a test. Nothing here blocks the cooperative pool: the spawn itself runs on a thread of
/// its own, each output pipe is drained by a thread of its own, the exit arrives through Foundation's termination
/// handler, and callers `await` all three.
///
/// ```swift
/// let child = try await ChildProcess.start("ffmpeg", ["-version"])
/// let result = await child.exit()
/// ```
public final class ChildProcess: Sendable {
    /// The process id.
    public let pid: Int32
    /// Kept so the process object lives as long as its handlers may run.
    private let process: Process

    private let state: NIOLockedValueBox<State>
    private let watchdog: NIOLockedValueBox<Task<Void, Never>?>

    private struct State {
        var stdout = Data()
        var stderr = Data()
        var openPipes = 2
        var exit: (status: Int32, signalled: Bool)?
        /// Suspended callers; every change of state resumes them all and each checks again what it waits for.
        var waiters: [CheckedContinuation<Void, Never>] = []
        var finished: Bool { openPipes == 0 && exit != nil }
    }

    private init(process: Process, state: NIOLockedValueBox<State>) {
        self.process = process
        self.pid = process.processIdentifier
        self.state = state
        self.watchdog = NIOLockedValueBox(nil)
    }

    /// Starts `executable` with `arguments`.
    /// - Parameters:
    ///   - executable: an absolute path, or a command name looked up on PATH.
    ///   - environment: extra variables merged over the current environment.
    ///   - stdin: bytes written to the child's standard input (then closed); with nil the child reads /dev/null.
    ///   - timeout: seconds after which the child is killed with SIGKILL (its result then has status 137).
    public static func start(
        _ executable: String, _ arguments: [String], environment: [String: String] = [:],
        currentDirectory: URL? = nil, stdin: Data? = nil, timeout: TimeInterval = HangGuard.processSeconds
    ) async throws -> ChildProcess {
        let process = Process()
        if executable.hasPrefix("/") {
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [executable] + arguments
        }
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        let outPipe = Pipe(), errPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        let inPipe = stdin.map { _ in Pipe() }
        process.standardInput = inPipe ?? FileHandle.nullDevice

        let state = NIOLockedValueBox(State())
        // Each pipe is read to its end on a thread of its own with blocking reads. (Foundation's readability handlers
        // on Linux were seen to miss the end of one of two pipes, which left `exit()` waiting for ever.)
        func drain(_ handle: FileHandle, into keyPath: any WritableKeyPath<State, Data> & Sendable) {
            let thread = Thread {
                var buffer = [UInt8](repeating: 0, count: 65_536)
                while true {
                    let count = buffer.withUnsafeMutableBytes { read(handle.fileDescriptor, $0.baseAddress, $0.count) }
                    if count < 0 && errno == EINTR { continue }
                    let chunk = count > 0 ? Data(buffer[0..<count]) : nil
                    let waiters = state.withLockedValue { state -> [CheckedContinuation<Void, Never>] in
                        if let chunk { state[keyPath: keyPath].append(chunk) } else { state.openPipes -= 1 }
                        defer { state.waiters = [] }
                        return state.waiters
                    }
                    for waiter in waiters { waiter.resume() }
                    if chunk == nil { break }
                }
                try? handle.close()
            }
            thread.name = "ChildProcess drain"
            thread.start()
        }
        drain(outPipe.fileHandleForReading, into: \.stdout)
        drain(errPipe.fileHandleForReading, into: \.stderr)
        process.terminationHandler = { process in
            let signalled = process.terminationReason == .uncaughtSignal
            let status = signalled ? 128 + process.terminationStatus : process.terminationStatus
            let waiters = state.withLockedValue { state -> [CheckedContinuation<Void, Never>] in
                state.exit = (status, signalled)
                defer { state.waiters = [] }
                return state.waiters
            }
            for waiter in waiters { waiter.resume() }
        }
        try await Spawner.run(process)
        let child = ChildProcess(process: process, state: state)
        if let stdin, let writer = inPipe?.fileHandleForWriting {
            // A large input could fill the pipe before the child reads it: write it on a thread of its own.
            Thread {
                try? writer.write(contentsOf: stdin)
                try? writer.close()
            }.start()
        }
        let pid = child.pid
        child.watchdog.withLockedValue { task in
            task = Task {
                guard (try? await Task.sleep(for: .seconds(timeout))) != nil else { return }
                kill(pid, SIGKILL)
            }
        }
        return child
    }

    /// Suspends until `condition` gives an answer for the current state, and returns it.
    private func wait<T>(until condition: @escaping @Sendable (State) -> T?) async -> T {
        while true {
            if let answer = state.withLockedValue({ condition($0) }) { return answer }
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                // Check and register under one lock, so a change between the two cannot be missed.
                let ready = state.withLockedValue { state -> Bool in
                    if condition(state) != nil { return true }
                    state.waiters.append(continuation)
                    return false
                }
                if ready { continuation.resume() }
            }
        }
    }

    /// Waits for the process to exit and its output to end, and returns the whole result.
    public func exit() async -> ProcessResult {
        let result = await wait { state -> ProcessResult? in
            guard state.finished, let exit = state.exit else { return nil }
            return ProcessResult(
                status: exit.status, killedBySignal: exit.signalled,
                stdout: String(decoding: state.stdout, as: UTF8.self), stderr: String(decoding: state.stderr, as: UTF8.self),
                stdoutData: state.stdout)
        }
        watchdog.withLockedValue { $0?.cancel() }
        return result
    }

    /// One of the child's output streams.
    public enum Stream: Sendable { case stdout, stderr }

    /// Waits until the text of `stream` so far satisfies `predicate` and returns it, or returns nil when the process
    /// ends without that happening.
    public func waitForOutput(on stream: Stream = .stdout, _ predicate: @escaping @Sendable (String) -> Bool) async
        -> String? {
        await wait { state -> String?? in
            let text = String(decoding: stream == .stdout ? state.stdout : state.stderr, as: UTF8.self)
            if predicate(text) { return .some(text) }
            return state.finished ? .some(nil) : nil
        }
    }

    /// Like ``waitForOutput(on:_:)``, but also gives up (returning nil) once `other` exits: for a test that waits for
    /// this process (an emulator, say) to log what another process (a client) does, when the client may fail first.
    public func waitForOutput(on stream: Stream = .stdout, orUntilExitOf other: ChildProcess,
                              _ predicate: @escaping @Sendable (String) -> Bool) async -> String? {
        let otherExited = NIOLockedValueBox(false)
        // Lives until `other` exits (tests end every child they start); wakes this process's waiters then.
        Task { [self] in
            _ = await other.exit()
            otherExited.withLockedValue { $0 = true }
            self.wakeWaiters()
        }
        return await wait { state -> String?? in
            let text = String(decoding: stream == .stdout ? state.stdout : state.stderr, as: UTF8.self)
            if predicate(text) { return .some(text) }
            return state.finished || otherExited.withLockedValue({ $0 }) ? .some(nil) : nil
        }
    }

    /// Resumes every waiter, so each checks its condition again.
    private func wakeWaiters() {
        let waiters = state.withLockedValue { state -> [CheckedContinuation<Void, Never>] in
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Waits for the first complete line of standard output (without its newline), or nil if the output ends first.
    public func firstLine() async -> String? {
        await waitForOutput { $0.contains("\n") }?
            .split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init)
    }

    /// Sends `signal` to the process (SIGTERM by default), unless it has already exited.
    public func send(_ signal: Int32 = SIGTERM) {
        let running = state.withLockedValue { $0.exit == nil }
        if running { kill(pid, signal) }
    }

    /// Whether the process is still running.
    public var isRunning: Bool { state.withLockedValue { $0.exit == nil } }
}

/// Where children are spawned: one thread of the tests' own, never the cooperative pool.
///
/// `Process.run()` returns only once the child has exec'd (glibc's `posix_spawn` is a vfork), which under a full run's
/// load took long enough that the two cooperative threads, both spawning, left every other test waiting: the first
/// unit test finished 9 s into the run, and an emulator answer once missed a 20 s deadline. One thread also spawns
/// one child at a time, which keeps a start-up burst of a hundred tests from forking all at once.
enum Spawner {
    private static let thread: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: 1)
        pool.start()
        return pool
    }()

    static func run(_ process: Process) async throws {
        let box = UncheckedProcess(process)
        try await thread.runIfActive {
            // The child inherits the spawning thread's signal mask, and threads started from Dispatch's workers (which
            // run Swift's cooperative pool here) block most signals: without this, a SIGTERM sent to the child would
            // never arrive.
            var empty = sigset_t(), previous = sigset_t()
            sigemptyset(&empty)
            pthread_sigmask(SIG_SETMASK, &empty, &previous)
            defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
            try box.process.run()
        }
    }

    /// `Process` is not `Sendable`; the one handed over here is touched by the spawner thread alone until `run()`
    /// returns, and by its owner only after that.
    private struct UncheckedProcess: @unchecked Sendable {
        let process: Process
        init(_ process: Process) { self.process = process }
    }
}

/// Runs `executable` with `arguments` to completion and returns its status and output, without blocking a thread.
/// - Parameters:
///   - executable: an absolute path, or a command name looked up on PATH.
///   - environment: extra variables merged over the current environment.
///   - timeout: seconds after which the child is killed (SIGKILL); the result then has status 137.
@discardableResult
public func runProcess(
    _ executable: String, _ arguments: [String], environment: [String: String] = [:],
    currentDirectory: URL? = nil, stdin: Data? = nil, timeout: TimeInterval = HangGuard.processSeconds
) async throws -> ProcessResult {
    let child = try await ChildProcess.start(
        executable, arguments, environment: environment, currentDirectory: currentDirectory, stdin: stdin, timeout: timeout)
    return await child.exit()
}

/// Runs synchronous, blocking `work` (a probe, a content analysis, a large file write) on a thread of its own and
/// awaits its result, so the cooperative pool stays free for the tasks that need it meanwhile.
///
/// A new `Thread`, not `DispatchQueue.global()`: on Linux, Swift's cooperative pool runs on Dispatch's worker threads,
/// and seconds of decoding there were seen to starve the emulator's tasks (a 30 s read timeout in a full run).
public func onThread<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        Thread { continuation.resume(returning: work()) }.start()
    }
}

/// Like ``onThread(_:)-(()->T)``, for work that throws.
public func onThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try work() }) }.start()
    }
}
