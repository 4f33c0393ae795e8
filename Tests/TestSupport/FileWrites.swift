public import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a fixture could not be written.
public struct FixtureWriteError: Error, CustomStringConvertible {
    public let path: String
    public let errno: Int32
    public var description: String { "cannot write the fixture \(path): \(String(cString: strerror(errno)))" }
}

/// Writes `bytes` to `url` (created or truncated) on a thread of its own, without `fsync`.
///
/// `Data.write(to:)` syncs the file to disk before it returns (swift-corelibs and swift-foundation both do); a test
/// that called it from a task held one of the cooperative pool's two threads for as long as the disk took, under a
/// full run's load tens of milliseconds a call. A fixture in a per-run temporary folder needs no durability.
public func writeFile(_ bytes: Data, to url: URL) async throws {
    try await onThread { try writeFileNow(bytes, to: url) }
}

/// Like ``writeFile(_:to:)-(Data,_)``, for UTF-8 text.
public func writeFile(_ text: String, to url: URL) async throws {
    try await writeFile(Data(text.utf8), to: url)
}

/// The synchronous body of ``writeFile(_:to:)-(Data,_)``, for code that already runs on a thread of its own
/// (inside ``onThread(_:)-(()throws->T)``).
public func writeFileNow(_ bytes: Data, to url: URL) throws {
    let fd = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw FixtureWriteError(path: url.path, errno: errno) }
    defer { close(fd) }
    try bytes.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
        var offset = 0
        while offset < buffer.count, let base = buffer.baseAddress {
            let written = write(fd, base + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw FixtureWriteError(path: url.path, errno: errno)
            }
            offset += written
        }
    }
}

/// Reads the whole file at `url` on a thread of its own, so that a test task never waits for the disk on one of the
/// cooperative pool's threads (the counterpart of ``writeFile(_:to:)-(Data,_)``).
public func readFile(_ url: URL) async throws -> Data {
    try await onThread { try Data(contentsOf: url) }
}
