import Foundation
import Testing
import MediaProbe
import TestSupport

/// Many probes at once must each get their own, correct answer.
@Suite("Concurrent probes")
struct ConcurrencyTests {
    @Test("probing from many tasks gives the same facts as probing one by one")
    func concurrent() async throws {
        let directory = try TemporaryDirectory(prefix: "mediaprobe-concurrency")
        let clips: [GeneratedClip] = [.mp4Faststart, .matroska, .rotated90, .fragmentedMP4]
        var paths: [String] = []
        for clip in clips { paths.append(try await clip.make(in: directory).path) }
        paths.append(directory.file("missing.mp4").path)
        let serial = paths.map { path in Result { () throws(MediaProbeError) in try MediaFile.probe(path) } }

        let concurrent = await withTaskGroup(of: (Int, Result<MediaFacts, MediaProbeError>).self) { group in
            for _ in 0..<8 {
                for (index, path) in paths.enumerated() {
                    group.addTask {
                        // On a Dispatch thread: 40 synchronous probes must not hold the cooperative pool.
                        (index, await onThread { Result { () throws(MediaProbeError) in try MediaFile.probe(path) } })
                    }
                }
            }
            var results: [(Int, Result<MediaFacts, MediaProbeError>)] = []
            for await result in group { results.append(result) }
            return results
        }
        #expect(concurrent.count == paths.count * 8)
        for (index, result) in concurrent {
            #expect(result == serial[index], "\(paths[index])")
        }
    }
}
