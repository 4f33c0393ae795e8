import ArgumentParser
import Dispatch
import Foundation
import MetaStudio
import MetaStudioUpload
import NIOConcurrencyHelpers

/// `preflight watch JOB`: waits until the job leaves review, printing each change, then its final state and reasons.
struct WatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Wait until a job leaves review, printing each state change, then the outcome with its reasons.",
        discussion: """
            Polls Show with a bounded backoff: the pause starts at --interval (default 30s) and doubles up to \
            --max-interval (default 5m). On a terminal it keeps one status line up to date; otherwise it prints a line \
            per change. A poll that fails is retried at the next pause; five failures in a row end the watch. \
            Ctrl-C stops watching and leaves the job as it is.

            Exit status: 0 review passed; 1 review rejected the job; 2 the tool could not run; 3 the job is in no \
            review (nothing to wait for: see `preflight status`); 5 the job does not exist; 6 --timeout passed while \
            the job was still in review; 130 interrupted.
            """)

    @Argument(help: "The job id.")
    var jobID: String
    @OptionGroup var service: ServiceOptions
    @Option(help: ArgumentHelp("First pause between polls, e.g. 30s, 2m (a bare number is seconds).", valueName: "duration"),
            transform: WatchCommand.duration)
    var interval: Duration = .seconds(30)
    @Option(name: .customLong("max-interval"), help: ArgumentHelp("Longest pause between polls.", valueName: "duration"),
            transform: WatchCommand.duration)
    var maxInterval: Duration = .seconds(300)
    @Option(help: ArgumentHelp("Stop after this long, e.g. 36h (default: no limit).", valueName: "duration"),
            transform: WatchCommand.duration)
    var timeout: Duration?
    @Option(help: "Output format of the final report: text or json.")
    var format: OutputFormat = .text

    /// Parses `90`, `90s`, `500ms`, `15m`, `2h`.
    static func duration(_ text: String) throws -> Duration {
        let units: [(String, Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)]
        var number = Substring(text), scale = 1.0
        for (suffix, factor) in units where text.hasSuffix(suffix) {
            number = text.dropLast(suffix.count)
            scale = factor
            break
        }
        guard let value = Double(number), value.isFinite, value > 0 else {
            throw ValidationError("'\(text)' is not a duration; write e.g. 30s, 5m or 2h")
        }
        return .milliseconds(Int64((value * scale * 1000).rounded()))
    }

    func run() async throws {
        let client = try service.client()
        let watcher = JobWatcher(initialInterval: interval, maxInterval: maxInterval, timeout: timeout)
        let display = WatchDisplay(interactive: isatty(STDOUT_FILENO) == 1 && format == .text)
        let jobID = self.jobID
        let watch = Task {
            try await jobCall("watch", jobID: jobID) {
                try await watcher.watch(jobID: jobID, show: { try await client.showJob(jobID: $0).body },
                                        events: { display.handle($0) })
            }
        }
        let interrupts = SignalForwarder(signals: [SIGINT, SIGTERM]) { watch.cancel() }
        let result = await watch.result
        interrupts.stop()
        display.finish()
        try? await client.shutdown()

        let update = updateCommand(jobID: jobID, service: service)
        switch result {
        case .success(.settled(let job)):
            let report = JobStatusReport(job: job, updateCommand: update)
            writeOut(format == .json ? JobStatusText.json(report) : JobStatusText.text(report))
            switch report.phase {
            case .rejected: throw JobExitStatus.rejected
            case .inProgress, .waitingForYou, .finished: return
            case .waitingForFiles, .failed, .unknown, .inReview: throw JobExitStatus.notInReview
            }
        case .success(.timedOut(let job)):
            let report = JobStatusReport(job: job, updateCommand: update)
            writeOut(format == .json ? JobStatusText.json(report) : JobStatusText.text(report))
            printError("preflight: watch: job \(jobID) is still \(job.summary.state.rawValue) after the --timeout")
            throw JobExitStatus.timedOut
        case .failure(let error as ExitCode):
            throw error
        case .failure(is CancellationError):
            printError("preflight: watch: stopped; job \(jobID) is left as it is" + (display.lastState.map { " (\($0))" } ?? ""))
            throw ExitCode(130)
        case .failure(let error):
            printError("preflight: watch: \(error)")
            throw ExitStatus.toolFailed
        }
    }
}

/// Shows a watch's progress: one line kept up to date on a terminal, or a line per change.
final class WatchDisplay: Sendable {
    private let interactive: Bool
    private let state = NIOLockedValueBox(WatchDisplayState())

    init(interactive: Bool) { self.interactive = interactive }

    /// The last state seen, for the interrupt message.
    var lastState: String? { state.withLockedValue { $0.lastState } }

    func handle(_ event: JobWatcher.Event) {
        let now = Self.clock()
        switch event {
        case .changed(let job):
            let line = "\(now)  \(job.summary.jobID): \(job.summary.state.rawValue) (\(job.summary.state.explanation))"
            state.withLockedValue { $0.lastState = job.summary.state.rawValue }
            if interactive { redraw(line) } else { writeOut(line + "\n") }
        case .unchanged(let job, let next):
            if interactive {
                redraw("\(now)  \(job.summary.jobID): \(job.summary.state.rawValue), checked; next check in \(Self.words(next))")
            }
        case .pollFailed(let reason, let next):
            let line = "\(now)  poll failed (\(reason)); trying again in \(Self.words(next))"
            if interactive { redraw(line) } else { printError(line) }
        }
    }

    /// Ends the status line so that what follows starts on a line of its own.
    func finish() {
        if interactive, state.withLockedValue({ $0.drawn }) { writeOut("\n") }
    }

    private func redraw(_ line: String) {
        state.withLockedValue { $0.drawn = true }
        writeOut("\r\u{1B}[K" + line)
    }

    static func clock() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date())
    }

    static func words(_ duration: Duration) -> String {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        if seconds >= 60 { return "\(Int((seconds / 60).rounded())) min" }
        return seconds >= 1 ? "\(Int(seconds.rounded())) s" : String(format: "%.1f s", seconds)
    }
}

/// The display's mutable bits.
struct WatchDisplayState: Sendable {
    var lastState: String?
    var drawn = false
}

/// Turns SIGINT/SIGTERM into a call (cancelling the watch) instead of the default exit, until `stop()`.
final class SignalForwarder {
    private let sources: [any DispatchSourceSignal]
    private let signals: [Int32]

    init(signals: [Int32], _ action: @escaping @Sendable () -> Void) {
        self.signals = signals
        self.sources = signals.map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler(handler: action)
            source.resume()
            return source
        }
    }

    func stop() {
        for source in sources { source.cancel() }
        for number in signals { signal(number, SIG_DFL) }
    }
}
