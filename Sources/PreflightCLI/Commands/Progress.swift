import Foundation
import MetaStudio
import MetaStudioUpload
import NIOConcurrencyHelpers
import Preflight

/// Shows an update's progress on standard error: one redrawn bar per file on a terminal (bytes, rate, time left),
/// or a plain line per file every few seconds otherwise. Never shows URLs.
final class UploadProgressDisplay: Sendable {
    private struct FileState {
        var label: String
        var total: Int64
        var alreadyUploaded: Int64
        var sentThisRun: Int64 = 0
        var partsDone = 0
    }

    /// What is drawn, guarded by one lock (drawing happens under it, so lines never interleave).
    private struct State {
        var files: [FileState] = []
        var started: ContinuousClock.Instant?
        var linesDrawn = 0
        var ticker: Task<Void, Never>?
        var lastPlain: [String] = []
    }

    private let interactive: Bool
    private let interval: Duration
    private let state = NIOLockedValueBox(State())

    /// - Parameter interactive: draw bars (standard error is a terminal) rather than plain periodic lines.
    init(interactive: Bool) {
        self.interactive = interactive
        self.interval = interactive ? .milliseconds(200) : .seconds(2)
    }

    /// Whether standard error is a terminal that can take redrawn bars.
    static func stderrIsInteractive() -> Bool {
        let env = ProcessInfo.processInfo.environment
        return isatty(STDERR_FILENO) == 1 && env["TERM"] != "dumb"
    }

    /// Handles one workflow event.
    func handle(_ event: UpdateEvent) {
        switch event {
        case .step(_, let message):
            state.withLockedValue { state in
                state.linesDrawn = 0
                printError("preflight: \(message)")
            }
        case .uploadStarting(let statuses):
            state.withLockedValue { state in
                state.files = statuses.map {
                    FileState(label: "\($0.role.rawValue) \(URL(fileURLWithPath: $0.path).lastPathComponent)",
                              total: $0.totalBytes, alreadyUploaded: $0.uploadedBytes)
                }
                state.started = .now
            }
            startTicking()
        case .upload(.bytesSent(let index, let bytes)):
            state.withLockedValue { state in if state.files.indices.contains(index) { state.files[index].sentThisRun += bytes } }
        case .upload(.partUploaded(let index, _)):
            state.withLockedValue { state in if state.files.indices.contains(index) { state.files[index].partsDone += 1 } }
        case .upload(.retrying(let index, let part, let attempt, let reason)):
            state.withLockedValue { state in
                state.linesDrawn = 0
                let label = state.files.indices.contains(index) ? state.files[index].label : "file \(index)"
                printError("preflight: \(label) part \(part): \(reason); retrying (attempt \(attempt))")
            }
        }
    }

    /// Stops the ticker and draws the final state.
    func finish() {
        let task = state.withLockedValue { state -> Task<Void, Never>? in
            defer { state.ticker = nil }
            return state.ticker
        }
        task?.cancel()
        state.withLockedValue { state in
            guard !state.files.isEmpty else { return }
            render(&state, final: true)
            if interactive { state.linesDrawn = 0 }
        }
    }

    private func startTicking() {
        let interval = self.interval
        let task = Task { [weak self] in
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                guard let self, !Task.isCancelled else { return }
                self.state.withLockedValue { self.render(&$0, final: false) }
            }
        }
        state.withLockedValue { $0.ticker = task }
    }

    /// Draws `state`; called with the lock held.
    private func render(_ state: inout State, final: Bool) {
        let elapsed = state.started.map { Self.seconds(ContinuousClock.now - $0) } ?? 0
        let lines = state.files.map { line(for: $0, elapsed: elapsed) }
        if interactive {
            var text = state.linesDrawn > 0 ? "\u{1B}[\(state.linesDrawn)F" : ""
            for line in lines { text += "\u{1B}[2K" + line + "\n" }
            FileHandle.standardError.write(Data(text.utf8))
            state.linesDrawn = lines.count
        } else if final || lines != state.lastPlain {
            for line in lines { printError("preflight: " + line) }
            state.lastPlain = lines
        }
    }

    private func line(for file: FileState, elapsed: Double) -> String {
        let done = min(file.total, file.alreadyUploaded + max(0, file.sentThisRun))
        let fraction = file.total > 0 ? Double(done) / Double(file.total) : 1
        let rate = elapsed > 0.05 ? Double(file.sentThisRun) / elapsed : 0
        let remaining = Double(file.total - done)
        let eta: String
        if done >= file.total {
            eta = "done"
        } else if rate > 0 {
            eta = Self.clock(remaining / rate) + " left"
        } else {
            eta = "--:-- left"
        }
        let numbers = "\(ByteCountText.format(done)) / \(ByteCountText.format(file.total))"
            + "  \(ByteCountText.format(Int64(rate)))/s  \(eta)"
        if interactive {
            let width = 24
            let filled = Int((fraction * Double(width)).rounded(.down))
            let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
            return "\(file.label.padding(toLength: 32, withPad: " ", startingAt: 0)) [\(bar)] \(Int(fraction * 100))%  \(numbers)"
        }
        return "\(file.label): \(Int(fraction * 100))%  \(numbers)"
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    private static func clock(_ seconds: Double) -> String {
        let total = Int(seconds.rounded(.up))
        let hours = total / 3600, minutes = (total % 3600) / 60, secs = total % 60
        return hours > 0 ? String(format: "%d:%02d:%02d", hours, minutes, secs) : String(format: "%02d:%02d", minutes, secs)
    }
}
