package import AsyncHTTPClient
import Foundation
package import MetaStudio
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
package import NIOPosix
import Preflight

/// Uploads parts of files to signed URLs, streaming each part from disk, several at a time, retrying failures.
package struct PartUploader: Sendable {
    /// The HTTP client used for the PUTs (its connection pool must allow `parallelism` connections per host).
    package let httpClient: HTTPClient
    /// Parts in flight at once.
    package let parallelism: Int
    /// Retry behaviour for a failed part.
    package let retry: RetryPolicy
    /// Largest chunk read from disk at once (at most 1 MiB; 128 KiB by default).
    package let chunkSize: Int
    /// Where part files are opened and read (reads block, so they never run on Swift's cooperative pool).
    package let threadPool: NIOThreadPool

    /// Creates an uploader.
    package init(httpClient: HTTPClient, parallelism: Int = 4, retry: RetryPolicy = .uploads,
                chunkSize: Int = 128 * 1024, threadPool: NIOThreadPool = .singleton) {
        self.httpClient = httpClient
        self.parallelism = max(1, parallelism)
        self.retry = retry
        self.chunkSize = max(4096, min(chunkSize, 1024 * 1024))
        self.threadPool = threadPool
    }

    /// The usual HTTP client configuration for uploads: enough connections for `parallelism`, no redirects.
    package static func clientConfiguration(parallelism: Int) -> HTTPClient.Configuration {
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: HTTPClient.Configuration.Timeout(connect: .seconds(15), read: .seconds(120)))
        configuration.connectionPool = HTTPClient.Configuration.ConnectionPool(
            idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: max(8, parallelism))
        return configuration
    }

    /// Uploads every task, at most `parallelism` at once; `partDone` runs after each part's 2xx (e.g. to journal it),
    /// with the MD5 (lower-case hex) of the bytes sent, or `nil` for a part found already uploaded.
    ///
    /// A 2xx whose `ETag` is an MD5 other than that of the bytes sent fails the part for good (the URL is spent).
    ///
    /// A single-use URL answers 403 once it was used; when an interrupted run's last PUT reached the service after
    /// all, the part is there although the journal does not say so. `alreadyUploaded` is asked on a 403: if it
    /// confirms the service holds the part, the part counts as uploaded.
    /// A part that keeps failing in a way retries are meant for (5xx, a reset, a timeout) does not stop the others:
    /// they go on, so that `--resume` has only the failed parts left to send. Once as many parts as run at once (two at
    /// least) have each used up their retries, the link or the service is failing rather than one part, and no
    /// further part is started. A failure that no retry can mend (a URL the service refuses, a damaged part, an
    /// unreadable file) stops everything at once.
    /// - Throws: ``UpdateError``: `uploadFailed` for the first part, in task order, that failed for good; or the first
    ///   failure that stops everything, with the parts in flight cancelled.
    package func upload(
        _ tasks: [PartUploadTask],
        events: @escaping @Sendable (UploadEvent) -> Void = { _ in },
        alreadyUploaded: @escaping @Sendable (PartUploadTask) async throws -> Bool = { _ in false },
        partDone: @escaping @Sendable (PartUploadTask, _ md5: String?) async throws -> Void = { _, _ in }
    ) async throws {
        // Each part ends uploaded (nil) or with its retries used up: its place in `tasks` and its error.
        try await withThrowingTaskGroup(of: (order: Int, error: UpdateError)?.self) { group in
            var pending = tasks.enumerated()[...]
            var usedUp: [(order: Int, error: UpdateError)] = []
            func startNext() {
                guard usedUp.count < max(2, parallelism), let (order, task) = pending.popFirst() else { return }
                group.addTask {
                    let md5: String?
                    do {
                        md5 = try await uploadWithRetries(task, events: events, alreadyUploaded: alreadyUploaded)
                    } catch let failure as RetriesUsedUp {
                        return (order, failure.error)
                    }
                    events(.partUploaded(fileIndex: task.fileIndex, part: task.part.number))
                    try await partDone(task, md5)
                    return nil
                }
            }
            for _ in 0..<min(parallelism, tasks.count) { startNext() }
            while let finished = try await group.next() {
                if let finished { usedUp.append(finished) }
                startNext()
            }
            if let first = usedUp.min(by: { $0.order < $1.order }) { throw first.error }
        }
    }

    /// Uploads one part, retrying; returns the MD5 of the bytes sent, or `nil` when the service already held it.
    private func uploadWithRetries(_ task: PartUploadTask, events: @escaping @Sendable (UploadEvent) -> Void,
                                   alreadyUploaded: @escaping @Sendable (PartUploadTask) async throws -> Bool) async throws
        -> String? {
        var attempts = 0
        do {
            return try await retry.run { attempt -> String? in
                attempts = attempt
                try Task.checkCancellation()
                let counter = SentCounter()
                do {
                    return try await uploadOnce(task) { bytes in
                        counter.add(bytes)
                        events(.bytesSent(fileIndex: task.fileIndex, bytes: Int64(bytes)))
                    }
                } catch let failure as PartFailure {
                    let sent = counter.total
                    if sent > 0 { events(.bytesSent(fileIndex: task.fileIndex, bytes: -sent)) }
                    if Task.isCancelled { throw CancellationError() }
                    if failure.status == 403, try await alreadyUploaded(task) {
                        events(.bytesSent(fileIndex: task.fileIndex, bytes: task.part.length))
                        return nil
                    }
                    throw failure
                }
            } shouldRetry: { error, attempt in
                guard let failure = error as? PartFailure, failure.retryable else { return false }
                events(.retrying(fileIndex: task.fileIndex, part: task.part.number, attempt: attempt + 1, reason: failure.reason))
                return true
            }
        } catch let failure as PartFailure {
            if failure.status == 403 {
                throw UpdateError.uploadURLsVoid(path: task.path, role: task.role, part: task.part.number, of: task.partCount,
                                                 reason: "the service refused its upload URL (\(failure.reason)) and does "
                                                     + "not hold the part")
            }
            let tries = attempts == 1 ? "" : " (after \(attempts) attempts)"
            let error = UpdateError.uploadFailed(path: task.path, role: task.role, part: task.part.number,
                                                 of: task.partCount, reason: failure.reason + tries)
            if failure.retryable { throw RetriesUsedUp(error: error) }
            throw error
        }
    }

    /// One PUT of one part; returns the MD5 of the bytes sent (checked against the answer's `ETag` when that is an
    /// MD5), or throws a ``PartFailure`` saying whether another attempt may help.
    ///
    /// The body is streamed through AsyncHTTPClient's `StreamWriter`, whose `write` future completes once the chunk
    /// is written to the socket: the next chunk is read from disk (on `threadPool`) only then, so at most one chunk per
    /// part in flight is in memory (the async-sequence body pulls ahead while the connection looks writable, queueing
    /// many chunks).
    private func uploadOnce(_ task: PartUploadTask, onChunk: @escaping @Sendable (Int) -> Void) async throws -> String {
        let reader = FileRangeReader(path: task.path, file: task.file, offset: task.part.offset, length: task.part.length,
                                     chunkSize: chunkSize, threadPool: threadPool, onChunk: onChunk)
        let eventLoop = httpClient.eventLoopGroup.next()
        let body = HTTPClient.Body.stream(contentLength: task.part.length) { writer in
            reader.stream(into: writer, on: eventLoop)
        }
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: "Content-Type", value: task.contentType)
        let request: HTTPClient.Request
        do {
            request = try HTTPClient.Request(url: task.url, method: .PUT, headers: headers, body: body)
        } catch {
            throw PartFailure(reason: "the upload URL \(UploadURLText.redacted(task.url)) is not usable", retryable: false)
        }
        // Generous for slow links: two minutes plus the part at 32 KiB/s; the read timeout catches a stalled peer sooner.
        let seconds = 120 + task.part.length / (32 * 1024)
        let response: HTTPClient.Response
        do {
            // The task, its body writes and its channel on one event loop. On two loops, the promise of the body's
            // end belongs to the task's loop and AsyncHTTPClient (1.37) learns of the write a hop later; an answer can
            // come in before the end is sent, and a client shut down in that gap has closed the connection when the
            // late completion hands it back to the pool as idle, which traps ("A connection that we don't know was
            // released?") and ends the process.
            response = try await httpClient.execute(request: request, eventLoop: .delegateAndChannel(on: eventLoop),
                                                    deadline: .now() + .seconds(seconds)).get()
        } catch let error as FileRangeReaderError {
            throw PartFailure(reason: error.description, retryable: false)
        } catch is CancellationError {
            throw PartFailure(reason: "cancelled", retryable: false)
        } catch {
            if Task.isCancelled { throw PartFailure(reason: "cancelled", retryable: false) }
            throw PartFailure(reason: Self.describe(error, url: task.url), retryable: true)
        }
        let status = Int(response.status.code)
        if (200..<300).contains(status) {
            let sent = reader.digest.hex
            if let etag = response.headers.first(name: "ETag").flatMap(Self.md5FromETag), etag != sent {
                throw PartFailure(reason: "the service's ETag \(etag) is not the MD5 of the bytes sent (\(sent)); the part "
                                  + "arrived damaged and its URL is spent, so nothing will be confirmed", retryable: false)
            }
            return sent
        }
        let text = response.body.map { String(buffer: $0) } ?? ""
        let detail = Self.storageErrorCode(String(text.prefix(64 * 1024))).map { " \($0)" } ?? ""
        // 409: storage is still busy with an earlier attempt at this object (one cut off when a run stopped, say).
        let retryable = status >= 500 || status == 408 || status == 409 || status == 429
        throw PartFailure(reason: "HTTP \(status)\(detail) from \(UploadURLText.redacted(task.url))", retryable: retryable,
                          status: status)
    }

    /// The MD5 an `ETag` carries (object storage answers a single PUT with the quoted hex MD5 of the body), in lower
    /// case; `nil` for an ETag of another form (a multipart or encrypted object's), which says nothing checkable.
    package static func md5FromETag(_ etag: String) -> String? {
        var value = Substring(etag.trimmingCharacters(in: .whitespaces))
        if value.hasPrefix("W/") { return nil }
        if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = value.dropFirst().dropLast() }
        guard value.count == 32, value.allSatisfy(\.isHexDigit) else { return nil }
        return value.lowercased()
    }

    /// The `<Code>` of an object-storage XML error body, if there is one.
    static func storageErrorCode(_ body: String) -> String? {
        guard let start = body.range(of: "<Code>"), let end = body.range(of: "</Code>", range: start.upperBound..<body.endIndex)
        else { return nil }
        let code = body[start.upperBound..<end.lowerBound]
        guard !code.isEmpty, code.count <= 64, code.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." || $0 == "_" }) else {
            return nil
        }
        return String(code)
    }

    /// A network error in words, without the URL's query (AsyncHTTPClient errors do not carry it, but be sure).
    static func describe(_ error: any Error, url: String) -> String {
        let text: String
        if let clientError = error as? HTTPClientError {
            text = "\(clientError)"
        } else {
            text = String(describing: type(of: error)) + ": \(error)"
        }
        return UploadURLText.scrub(text, url: url) + " (\(UploadURLText.redacted(url)))"
    }
}

/// Why one attempt failed, and whether another attempt may succeed.
struct PartFailure: Error {
    var reason: String
    var retryable: Bool
    var status: Int? = nil
}

/// A part whose every attempt failed in a way a retry is meant for; the other parts go on.
private struct RetriesUsedUp: Error {
    var error: UpdateError
}

/// Counts the bytes of one attempt so they can be taken back from the progress if it fails.
private struct SentCounter: Sendable {
    private let value = NIOLockedValueBox<Int64>(0)
    func add(_ bytes: Int) { value.withLockedValue { $0 += Int64(bytes) } }
    var total: Int64 { value.withLockedValue { $0 } }
}
