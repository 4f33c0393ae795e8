import Foundation
import NIOPosix
import Preflight
import Testing
import TestSupport

@Suite("Linter: the caller's threads stay free")
struct LinterPoolTests {
    /// Every sample the repository ships, linted many times over: a batch that keeps every thread it gets busy.
    private static func batch() throws -> [(path: String, role: Role)] {
        let folders = ["pass", "warn", "fail"].map { RepoPaths.samples.appendingPathComponent($0) }
        let files = try folders.flatMap { folder in
            try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().map { folder.appendingPathComponent($0).path }
        }
        return Array(repeating: files.map { (path: $0, role: Role.trainingVideo) }, count: 4).flatMap { $0 }
    }

    @Test("while lints from as many tasks as there are cores wait for the linter's threads, an async round trip completes")
    func roundTripFinishesBeforeTheBatch() async throws {
        let files = try Self.batch()
        let log = EventLog()
        let cores = ProcessInfo.processInfo.activeProcessorCount
        // The linter's own pool of one thread, held by a job that blocks until the test opens the gate.
        let gated = try GatedThreadPool()
        let pool = gated.pool
        let linter = Linter(concurrency: cores, threadPool: pool)

        // As many tasks as there are cores, each linting the batch file by file and logging each report as it comes.
        let batch = Task {
            await withTaskGroup(of: [FileReport].self) { group in
                for _ in 0..<cores {
                    group.addTask {
                        var reports: [FileReport] = []
                        for file in files {
                            reports.append(await linter.lint(path: file.path, role: file.role))
                            await log.record("file")
                        }
                        return reports
                    }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }
        }
        // The round trip: a continuation resumed from a thread outside every pool, then a hop onto an actor. It needs a
        // thread of Swift's cooperative pool to run on, and gets one only if the lints are not sitting on them.
        let answer = await withCheckedContinuation { (continuation: CheckedContinuation<Int, Never>) in
            Thread { continuation.resume(returning: 42) }.start()
        }
        await log.record("round trip \(answer)")

        gated.open()
        let reports = await batch.value
        try await gated.shutdown()

        // The round trip came first, before any file was done (the first lints only start once the gate opens).
        #expect(await log.events == ["round trip 42"] + Array(repeating: "file", count: cores * files.count))
        // The lints were real: every task got one report per file, failing samples failing and passing ones passing.
        #expect(reports.count == cores)
        for report in reports {
            #expect(report.count == files.count)
            let verdicts = Dictionary(report.map { ($0.path, $0.verdict) }, uniquingKeysWith: { first, _ in first })
            #expect(verdicts.filter { $0.key.contains("/fail/") }.allSatisfy { $0.value == .fail })
            #expect(verdicts.filter { $0.key.contains("/pass/") }.allSatisfy { $0.value == .pass })
        }
    }
}
