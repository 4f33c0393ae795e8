import Foundation
import MetaStudio
import MetaStudioUpload
import Preflight

/// Shows an update's progress on standard error: one redrawn bar per file on a terminal (bytes, rate, time left),
/// or a plain line per file every few seconds otherwise. Never shows URLs.
final class UploadProgressDisplay: @unchecked Sendable {
    private struct FileState {
        var label: String
        var total: Int64
        var alreadyUploaded: Int64
        var sentThisRun: Int64 = 0
        var partsDone = 0
    }

    private let lock = NSLock()
    private let interactive: Bool
    private let interval: Duration
    private var files: [FileState] = []
    private var started: ContinuousClock.Instant?
    private var linesDrawn = 0
    private var ticker: Task<Void, Never>?
    private var lastPlain: [String] = []

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
            lock.withLock {
                clearBars()
                printError("preflight: \(message)")
            }
        case .uploadStarting(let statuses):
            lock.withLock {
                files = statuses.map {
                    FileState(label: "\($0.role.rawValue) \(URL(fileURLWithPath: $0.path).lastPathComponent)",
                              total: $0.totalBytes, alreadyUploaded: $0.uploadedBytes)
                }
                started = .now
            }
            startTicking()
        case .upload(.bytesSent(let index, let bytes)):
            lock.withLock { if files.indices.contains(index) { files[index].sentThisRun += bytes } }
        case .upload(.partUploaded(let index, _)):
            lock.withLock { if files.indices.contains(index) { files[index].partsDone += 1 } }
        case .upload(.retrying(let index, let part, let attempt, let reason)):
            lock.withLock {
                clearBars()
                let label = files.indices.contains(index) ? files[index].label : "file \(index)"
                printError("preflight: \(label) part \(part): \(reason); retrying (attempt \(attempt))")
            }
        }
    }

    /// Stops the ticker and draws the final state.
    func finish() {
        let task = lock.withLock { () -> Task<Void, Never>? in
            let task = ticker
            ticker = nil
            return task
        }
        task?.cancel()
        lock.withLock {
            guard !files.isEmpty else { return }
            render(final: true)
            if interactive { linesDrawn = 0 }
        }
    }

    private func startTicking() {
        let interval = self.interval
        let task = Task { [weak self] in
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                guard let self, !Task.isCancelled else { return }
                self.lock.withLock { self.render(final: false) }
            }
        }
        lock.withLock { ticker = task }
    }

    /// Call with the lock held.
    private func render(final: Bool) {
        let elapsed = started.map { Self.seconds(ContinuousClock.now - $0) } ?? 0
        let lines = files.map { line(for: $0, elapsed: elapsed) }
        if interactive {
            var text = linesDrawn > 0 ? "\u{1B}[\(linesDrawn)F" : ""
            for line in lines { text += "\u{1B}[2K" + line + "\n" }
            FileHandle.standardError.write(Data(text.utf8))
            linesDrawn = lines.count
        } else if final || lines != lastPlain {
            for line in lines { printError("preflight: " + line) }
            lastPlain = lines
        }
    }

    /// Call with the lock held: forget the bars so the next text starts below them.
    private func clearBars() {
        linesDrawn = 0
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
