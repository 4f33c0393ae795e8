import Foundation
import ZIPFoundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Streams the first bytes of one ZIP entry into a file, writing no more than a cap, and stops as soon as the entry
/// gives more bytes than it declares (a damaged entry or an archive bomb).
enum EntryExtraction {
    /// What one extraction did.
    struct Outcome {
        /// Bytes written to the file.
        var written: Int64
        /// The entry's verdict when extraction already decided it (inflated past its size, damaged); nil when the
        /// written bytes are ready to decode.
        var kind: AudioArchive.Kind?
    }

    /// Thrown by the consumer to stop ZIPFoundation once enough bytes are on disk.
    private struct Enough: Error {}
    /// Thrown by the consumer when the entry inflates past its declared size.
    private struct Overflow: Error {}
    /// Thrown by the consumer when writing the scratch file fails.
    private struct WriteFailed: Error {}

    /// Writes at most `cap` bytes of `entry` (declared to hold `declaredSize`) to a new file at `target`.
    static func run(_ archive: Archive, _ entry: Entry, declaredSize: Int64, cap: Int64, to target: String) -> Outcome {
        let descriptor = open(target, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return Outcome(written: 0, kind: .notAudio(reason: "could not be extracted (no scratch file)")) }
        defer { close(descriptor) }
        var produced: Int64 = 0
        var written: Int64 = 0
        do {
            // The CRC can only be checked over the whole entry, so it is checked when the whole entry fits under the cap.
            _ = try archive.extract(entry, bufferSize: 64 * 1024, skipCRC32: cap < declaredSize) { chunk in
                produced += Int64(chunk.count)
                let room = Int(cap - written)
                let keep = min(room, chunk.count)
                if keep > 0 {
                    guard writeAll(descriptor, chunk.prefix(keep)) else { throw WriteFailed() }
                    written += Int64(keep)
                }
                if produced > declaredSize { throw Overflow() }
                if written >= cap && cap < declaredSize { throw Enough() }
            }
        } catch is Enough {
            return Outcome(written: written, kind: nil)
        } catch is Overflow {
            return Outcome(written: written, kind: .notAudio(
                reason: "inflates past its declared size of \(ByteCountText.format(declaredSize)) (a damaged entry or an archive bomb)"))
        } catch {
            return Outcome(written: written, kind: .notAudio(reason: "could not be extracted (damaged entry)"))
        }
        return Outcome(written: written, kind: nil)
    }

    private static func writeAll(_ descriptor: Int32, _ bytes: Data) -> Bool {
        bytes.withUnsafeBytes { raw -> Bool in
            guard let base = raw.baseAddress else { return true }
            var offset = 0
            while offset < raw.count {
                let count = write(descriptor, base + offset, raw.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += count
            }
            return true
        }
    }
}
