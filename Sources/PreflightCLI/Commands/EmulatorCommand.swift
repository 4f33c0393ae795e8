import ArgumentParser
import Foundation
import NIOConcurrencyHelpers
import MetaStudioEmulator

/// `preflight emulator`: runs the loopback emulator of the MetaStudio training-job API until SIGINT/SIGTERM.
struct EmulatorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "emulator",
        abstract: "Run a loopback emulator of the MetaStudio training-job API and its upload URLs.",
        discussion: """
            The first line on standard output is the base URL and the control token, e.g. \
            `http://127.0.0.1:41234 control-token=3f…`; one line per request (method, path without query, status) \
            goes to standard error. Stops cleanly on SIGINT or SIGTERM.
            AK/SK may also come from CLOUD_SDK_AK / CLOUD_SDK_SK, and a token from CLOUD_SDK_TOKEN, so that they stay \
            out of the process list. Binds 127.0.0.1 only.

            Examples:
              preflight emulator --project-id p1 --ak AK --sk SK
              preflight emulator --project-id p1 --token TOKEN --job 0123abcd=AUTO_VERIFY_FAILED --port 8080

            Tests in another process can script it through loopback-only endpoints that need the control token in an \
            X-Emulator-Token header: POST/DELETE /__emulator/faults, GET /__emulator/requests, GET and PUT \
            /__emulator/jobs/<id>. Job ids are 1 to 64 letters, digits, '-' or '_'.

            Exit status: 0 after a clean shutdown; 2 the server could not start; 64 usage error.
            """)

    @Option(help: "TCP port on 127.0.0.1; 0 picks a free port.")
    var port: Int = 0

    @Option(help: "Access key accepted for SDK-HMAC-SHA256 signatures (default: $CLOUD_SDK_AK).")
    var ak: String?

    @Option(help: "Secret key for --ak (default: $CLOUD_SDK_SK).")
    var sk: String?

    @Option(help: "An X-Auth-Token value to accept (repeatable; also $CLOUD_SDK_TOKEN).")
    var token: [String] = []

    @Option(name: .customLong("project-id"), help: "The project id expected in API paths.")
    var projectID: String

    @Option(name: .customLong("job"), help: "Seed a job as ID=STATE, e.g. 0123abcd=AUTO_VERIFY_FAILED (repeatable).")
    var jobs: [String] = []

    @Option(help: "Folder for uploaded files (default: a temporary folder, removed at exit).")
    var storage: String?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard !projectID.isEmpty else { throw ValidationError("--project-id must not be empty") }
        _ = try seededJobs()
        let (accessKey, secretKey) = credentials()
        if (accessKey == nil) != (secretKey == nil) {
            throw ValidationError("give both --ak and --sk (or CLOUD_SDK_AK and CLOUD_SDK_SK), or neither")
        }
        if accessKey == nil && tokens().isEmpty {
            throw ValidationError("give --ak/--sk (or CLOUD_SDK_AK/CLOUD_SDK_SK) and/or --token so that clients can authenticate")
        }
    }

    private func credentials() -> (String?, String?) {
        let env = ProcessInfo.processInfo.environment
        return (ak ?? env["CLOUD_SDK_AK"].flatMap { $0.isEmpty ? nil : $0 }, sk ?? env["CLOUD_SDK_SK"].flatMap { $0.isEmpty ? nil : $0 })
    }

    /// `--token` values plus `CLOUD_SDK_TOKEN` when set.
    private func tokens() -> Set<String> {
        let fromEnvironment = ProcessInfo.processInfo.environment["CLOUD_SDK_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        return Set(token + (fromEnvironment.map { [$0] } ?? []))
    }

    private func seededJobs() throws -> [String: String] {
        var result: [String: String] = [:]
        for item in jobs {
            let pieces = item.split(separator: "=", maxSplits: 1).map(String.init)
            guard pieces.count == 2, !pieces[0].isEmpty, !pieces[1].isEmpty else {
                throw ValidationError("--job must look like ID=STATE, got '\(item)'")
            }
            guard pieces[0].utf8.count <= 64, pieces[0].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
                throw ValidationError("--job: '\(pieces[0])' is not a job id; use 1 to 64 letters, digits, '-' or '_'")
            }
            result[pieces[0]] = pieces[1]
        }
        return result
    }

    func run() async throws {
        let (accessKey, secretKey) = credentials()
        var credentials: [String: String] = [:]
        if let accessKey, let secretKey { credentials[accessKey] = secretKey }
        let configuration = EmulatorConfiguration(
            projectID: projectID, credentials: credentials, tokens: tokens(), seededJobs: try seededJobs(),
            storageDirectory: storage.map { URL(fileURLWithPath: $0, isDirectory: true) },
            onRequest: { request in
                let status = request.status.map(String.init) ?? "dropped"
                printError("emulator: \(request.method) \(request.path) \(status)")
            })
        let server: EmulatorServer
        do {
            server = try EmulatorServer(configuration: configuration)
        } catch {
            printError("preflight emulator: \(error)")
            throw ExitStatus.usage
        }
        let signals = SignalWaiter(signals: [SIGINT, SIGTERM])
        let url: URL
        do {
            url = try await server.start(port: port)
        } catch {
            printError("preflight emulator: cannot listen on 127.0.0.1:\(port): \(error)")
            try? await server.shutdown()
            throw ExitStatus.toolFailed
        }
        // The control token is printed for the local test that started the emulator; it unlocks only /__emulator/….
        writeOut(url.absoluteString + " control-token=" + server.controlToken + "\n")
        let signal = await signals.wait()
        printError("emulator: signal \(signal), shutting down")
        try await server.shutdown()
    }
}

/// Turns SIGINT/SIGTERM into an awaitable event (the default handlers are replaced while it lives).
private final class SignalWaiter: Sendable {
    private struct State {
        var continuation: CheckedContinuation<Int32, Never>?
        var received: Int32?
    }

    private let state: NIOLockedValueBox<State>
    /// Only kept alive, never touched after `init`. Dispatch sources are thread-safe but not marked `Sendable`.
    nonisolated(unsafe) private let sources: [any DispatchSourceSignal]

    init(signals: [Int32]) {
        let queue = DispatchQueue(label: "preflight.emulator.signals")
        let state = NIOLockedValueBox(State())
        self.state = state
        sources = signals.map { number in
            Foundation.signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { Self.fire(number, state: state) }
            source.resume()
            return source
        }
    }

    private static func fire(_ number: Int32, state: NIOLockedValueBox<State>) {
        let waiting: CheckedContinuation<Int32, Never>? = state.withLockedValue { state in
            guard state.received == nil else { return nil }
            state.received = number
            defer { state.continuation = nil }
            return state.continuation
        }
        waiting?.resume(returning: number)
    }

    func wait() async -> Int32 {
        await withCheckedContinuation { (continuation: CheckedContinuation<Int32, Never>) in
            let already: Int32? = state.withLockedValue { state in
                if let received = state.received { return received }
                state.continuation = continuation
                return nil
            }
            if let already { continuation.resume(returning: already) }
        }
    }
}
