import AsyncHTTPClient
import Preflight
import NIOHTTP1
import Crypto
import Foundation
import MetaStudioEmulator
import NIOCore
import Testing
import TestSupport

@Suite("Emulator: upload URLs")
struct EmulatorUploadTests {
    @Test func uploadURLIsSingleUseAndAnswersWithTheMD5ETag() async throws {
        try await EmulatorHarness.with { (h: EmulatorHarness) async throws in
            let created = try await h.createJob()
            let jobID = try #require(created.string("job_id"))
            let url = try #require(created.string("cover_upload_url"))
            let bytes = patternBytes(10_000, seed: 3)
            let first = try await h.upload(url, bytes)
            #expect(first.status == 200)
            #expect(first.headers.first(name: "ETag") == "\"\(md5Hex(bytes))\"")
            let second = try await h.upload(url, bytes)
            #expect(second.status == 403)
            #expect(second.text.contains("AccessDenied"))
            let stored = try #require(h.server.storedFileURL(jobID: jobID, role: .cover))
            #expect(try await Array(readFile(stored)) == bytes)
        }
    }

    @Test func wrongContentTypeIsRefusedAndLeavesTheURLUsable() async throws {
        try await EmulatorHarness.with { (h: EmulatorHarness) async throws in
            let created = try await h.createJob()
            let video = try #require(created.strings("training_video_upload_url").first)
            #expect(try await h.upload(video, [1, 2, 3], contentType: "video/mp4").status == 400)
            #expect(try await h.upload(video, [1, 2, 3], contentType: nil).status == 400)
            #expect(try await h.upload(video, [1, 2, 3]).status == 200)

            let audio = try #require(created.string("audio_upload_url"))
            #expect(try await h.upload(audio, [9], contentType: "application/octet-stream").status == 400)
            #expect(try await h.upload(audio, [9], contentType: "application/zip").status == 200)
        }
    }

    @Test func unknownOrTamperedURLsAreForbidden() async throws {
        try await EmulatorHarness.with { (h: EmulatorHarness) async throws in
            let created = try await h.createJob()
            let url = try #require(created.string("grant_file_upload_url"))
            let unknown = h.baseURL.absoluteString + "/upload/0123456789abcdef01234567?signature=00&expires=1"
            #expect(try await h.upload(unknown, [1]).status == 403)
            let tampered = url.replacingOccurrences(of: "signature=", with: "signature=0")
            #expect(try await h.upload(tampered, [1]).status == 403)
            let noQuery = String(url.prefix { $0 != "?" })
            #expect(try await h.upload(noQuery, [1]).status == 403)
            var get = HTTPClientRequest(url: url)
            get.method = .GET
            #expect(try await h.execute(get, timeout: .seconds(10)).status == 405)
            // None of those used the URL up.
            #expect(try await h.upload(url, [1]).status == 200)
        }
    }

    @Test func partsUploadedOutOfOrderAreAssembledInOrder() async throws {
        try await EmulatorHarness.with { (h: EmulatorHarness) async throws in
            let created = try await h.createJob(["video_multipart_count": 3])
            let jobID = try #require(created.string("job_id"))
            let urls = created.strings("training_video_upload_url")
            let parts = [patternBytes(150_000, seed: 1), patternBytes(150_000, seed: 2), patternBytes(777, seed: 9)]
            for index in [2, 0] {
                #expect(try await h.upload(urls[index], parts[index]).status == 200)
            }
            let early = try await h.command(jobID, "CONFIRM_MULTIPART_UPLOADED")
            #expect(early.status == 200)
            #expect(early.string("commond_result") == "EXCUTE_FAILED")
            #expect(early.string("excute_failed_msg")?.contains("2") == true)
            #expect(h.server.storedFileURL(jobID: jobID, role: .trainingVideo) == nil)

            #expect(try await h.upload(urls[1], parts[1]).status == 200)
            let listed = try await h.command(jobID, "GET_MULTIPART_UPLOADED")
            let multipart = try #require(listed.json["multipart_data"] as? [[String: Any]])
            #expect(multipart.compactMap { $0["part_number"] as? String } == ["1", "2", "3"])
            #expect(multipart.compactMap { $0["etag"] as? String } == parts.map { "\"\(md5Hex($0))\"" })

            let confirmed = try await h.command(jobID, "CONFIRM_MULTIPART_UPLOADED")
            #expect(confirmed.string("commond_result") == "EXCUTE_SUCCESS")
            let stored = try #require(h.server.storedFileURL(jobID: jobID, role: .trainingVideo))
            #expect(try sha256OfFile(stored) == sha256Hex(parts.flatMap { $0 }))
            #expect(h.server.uploadedParts(jobID: jobID, role: .trainingVideo).map(\.partNumber) == [1, 2, 3])
        }
    }

    @Test func actionVideoPartsHaveTheirOwnCommands() async throws {
        try await EmulatorHarness.with { (h: EmulatorHarness) async throws in
            let created = try await h.createJob(["action_video_multipart_count": 2])
            let jobID = try #require(created.string("job_id"))
            let urls = created.strings("action_video_upload_url")
            let parts = [patternBytes(2000, seed: 5), patternBytes(1000, seed: 6)]
            #expect(try await h.upload(urls[1], parts[1]).status == 200)
            #expect(try await h.upload(urls[0], parts[0]).status == 200)
            let listed = try await h.command(jobID, "GET_ACTION_VIDEO_MULTIPART_UPLOADED")
            #expect((listed.json["multipart_data"] as? [[String: Any]])?.count == 2)
            let training = try await h.command(jobID, "GET_MULTIPART_UPLOADED")
            #expect((training.json["multipart_data"] as? [[String: Any]])?.isEmpty == true)
            #expect(try await h.command(jobID, "CONFIRM_ACTION_VIDEO_MULTIPART_UPLOADED").string("commond_result") == "EXCUTE_SUCCESS")
            let stored = try #require(h.server.storedFileURL(jobID: jobID, role: .actionVideo))
            #expect(try await Array(readFile(stored)) == parts[0] + parts[1])
        }
    }

    @Test func updateRevokesTheEarlierURLs() async throws {
        try await EmulatorHarness.with(seeded: ["j1": "MANUAL_VERIFY_FAILED"]) { (h: EmulatorHarness) async throws in
            let first = try await h.call(.PUT, "/j1", json: ["video_multipart_count": 2])
            let old = first.strings("training_video_upload_url")
            #expect(try await h.upload(old[0], [1, 2]).status == 200)
            let second = try await h.call(.PUT, "/j1", json: [String: Any]())
            #expect(second.strings("training_video_upload_url").count == 1)
            #expect(try await h.upload(old[1], [3]).status == 403)
            #expect(h.server.uploadedParts(jobID: "j1", role: .trainingVideo).isEmpty)
            #expect(try await h.upload(second.strings("training_video_upload_url")[0], [4]).status == 200)
        }
    }

    @Test func largeBodyIsStreamedToDiskByteExact() async throws {
        let body = await LargeBody.prepared.value
        try await EmulatorHarness.with { (h: EmulatorHarness) async throws in
            let created = try await h.createJob()
            let jobID = try #require(created.string("job_id"))
            let url = try #require(created.strings("training_video_upload_url").first)
            var request = HTTPClientRequest(url: url)
            request.method = .PUT
            request.headers.add(name: "Content-Type", value: "application/octet-stream")
            request.body = .stream(body, length: .known(Int64(body.length)))
            let reply = try await h.execute(request, timeout: .seconds(120))
            #expect(reply.status == 200)
            #expect(try await h.command(jobID, "CONFIRM_MULTIPART_UPLOADED").string("commond_result") == "EXCUTE_SUCCESS")
            let stored = try #require(h.server.storedFileURL(jobID: jobID, role: .trainingVideo))
            #expect(try await onThread { try sha256OfFile(stored) } == body.sha256)
            #expect(h.server.uploadedParts(jobID: jobID, role: .trainingVideo).first?.size == Int64(body.length))
        }
    }
}

/// A 72 MiB request body, larger than any buffer the emulator keeps: 72 buffers of 1 MiB, each a copy of one
/// precomputed pattern with its index stamped into the first eight bytes, so that a part out of place changes the hash.
struct LargeBody: AsyncSequence, Sendable {
    typealias Element = ByteBuffer
    static let chunkSize = 1 << 20
    static let chunkCount = 72

    /// Built once per run, on a thread of its own rather than on the cooperative pool.
    static let prepared = Task { await onThread { LargeBody() } }

    let chunks: [ByteBuffer]
    let sha256: String
    var length: Int { chunks.reduce(0) { $0 + $1.readableBytes } }

    private init() {
        let pattern = patternBytes(Self.chunkSize, seed: 7)
        var hasher = SHA256()
        var chunks: [ByteBuffer] = []
        for index in 0..<Self.chunkCount {
            var bytes = pattern
            withUnsafeBytes(of: UInt64(index).bigEndian) { stamp in
                bytes.withUnsafeMutableBytes { $0.copyMemory(from: stamp) }
            }
            hasher.update(data: bytes)
            chunks.append(ByteBuffer(bytes: bytes))
        }
        self.chunks = chunks
        self.sha256 = hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    struct AsyncIterator: AsyncIteratorProtocol {
        var remaining: ArraySlice<ByteBuffer>
        mutating func next() async -> ByteBuffer? { remaining.popFirst() }
    }

    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(remaining: chunks[...]) }
}
