import Foundation
import Testing
import TestSupport

@Suite("Process runner")
struct ProcessRunnerTests {
    @Test("many children at once each return their own status and all of their output")
    func manyChildrenAtOnce() async throws {
        let count = 24
        let results = try await withThrowingTaskGroup(of: (Int, ProcessResult).self) { group in
            for index in 0..<count {
                group.addTask {
                    // 200 000 bytes on each stream: more than a pipe holds, so both must be drained while it runs.
                    let script = "head -c 200000 /dev/zero | tr '\\000' o; head -c 200000 /dev/zero | tr '\\000' e >&2; exit \(index % 7)"
                    return (index, try await runProcess("/bin/sh", ["-c", script], timeout: 60))
                }
            }
            var all: [Int: ProcessResult] = [:]
            for try await (index, result) in group { all[index] = result }
            return all
        }
        #expect(results.count == count)
        // Compared as bytes: building or walking 200 000 Characters per child is seconds of work in a debug build.
        let expectedOut = Data(repeating: UInt8(ascii: "o"), count: 200_000)
        let expectedErr = Data(repeating: UInt8(ascii: "e"), count: 200_000)
        for (index, result) in results {
            #expect(result.status == Int32(index % 7))
            #expect(!result.killedBySignal)
            #expect(result.stdoutData == expectedOut)
            #expect(Data(result.stderr.utf8) == expectedErr)
        }
    }

    @Test("standard input reaches the child, and a large input does not stall it")
    func standardInput() async throws {
        let input = Data((0..<300_000).map { UInt8(truncatingIfNeeded: $0 % 251) })
        let result = try await runProcess("/bin/sh", ["-c", "wc -c"], stdin: input)
        #expect(result.status == 0)
        #expect(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "300000")
    }

    @Test("a child that outlives its timeout is killed and reported as killed by a signal")
    func timeoutKills() async throws {
        let result = try await runProcess("/bin/sh", ["-c", "exec sleep 30"], timeout: 0.5)
        #expect(result.killedBySignal)
        #expect(result.status == 128 + SIGKILL)
    }

    @Test("output can be awaited while the child runs, and a signal ends it")
    func awaitOutputThenSignal() async throws {
        let child = try await ChildProcess.start("/bin/sh", ["-c", "echo ready; echo warm >&2; exec sleep 30"])
        #expect(await child.firstLine() == "ready")
        #expect(await child.waitForOutput(on: .stderr) { $0.contains("warm") } != nil)
        #expect(child.isRunning)
        child.send(SIGTERM)
        let result = await child.exit()
        #expect(result.killedBySignal && result.status == 128 + SIGTERM, "status \(result.status)")
        #expect(await child.waitForOutput { $0.contains("never printed") } == nil)
    }
}
