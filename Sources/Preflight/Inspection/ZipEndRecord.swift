#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The ZIP end-of-central-directory record, looked for only where the format allows it to be: within the last
/// 22 bytes plus the longest possible comment (65 535 bytes) of the file.
///
/// ZIPFoundation scans backwards through the whole file one byte at a time, which takes minutes on a large file that is
/// not a ZIP at all; reading at most 64 KiB + 22 bytes from the end answers in the same time for any size.
struct ZipEndRecord: Equatable {
    /// The record's fixed part, in bytes.
    static let fixedLength = 22
    /// The most bytes from the end of the file the record can start at.
    static let searchLength = fixedLength + 0xFFFF
    /// `PK\u{5}\u{6}`, little-endian.
    static let signature: UInt32 = 0x0605_4B50

    /// Where the record starts in the file.
    var offset: Int64
    /// The entry count the record declares (0xFFFF when a ZIP64 record holds it).
    var entryCount: Int
    /// The central directory's size and offset as declared (0xFFFFFFFF when a ZIP64 record holds them).
    var directorySize: Int64
    var directoryOffset: Int64

    /// Whether the record defers its counts to a ZIP64 end record.
    var usesZip64: Bool { entryCount == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF }

    /// The record of the file at `path`, or nil when its tail holds none (the file is not a ZIP, or is cut short).
    static func locate(path: String) -> ZipEndRecord? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        let size = Int64(info.st_size)
        guard size >= Int64(fixedLength) else { return nil }
        let start = max(0, size - Int64(searchLength))
        guard let tail = readFully(descriptor, count: Int(size - start), at: start) else { return nil }
        return find(in: tail, startingAt: start)
    }

    /// The last plausible record in `tail` (bytes that start at file offset `start` and run to the end of the file).
    static func find(in tail: [UInt8], startingAt start: Int64) -> ZipEndRecord? {
        guard tail.count >= fixedLength else { return nil }
        var index = tail.count - fixedLength
        while index >= 0 {
            if littleEndian32(tail, index) == signature {
                let commentLength = Int(littleEndian16(tail, index + 20))
                let record = ZipEndRecord(
                    offset: start + Int64(index),
                    entryCount: Int(littleEndian16(tail, index + 10)),
                    directorySize: Int64(littleEndian32(tail, index + 12)),
                    directoryOffset: Int64(littleEndian32(tail, index + 16)))
                // The comment must fit in the file, and the directory must lie before the record.
                let fits = index + fixedLength + commentLength <= tail.count
                let directoryBefore = record.usesZip64 || record.directoryOffset + record.directorySize <= record.offset
                if fits && directoryBefore { return record }
            }
            index -= 1
        }
        return nil
    }

    private static func littleEndian16(_ bytes: [UInt8], _ at: Int) -> UInt16 {
        UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8
    }

    private static func littleEndian32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24
    }

    private static func readFully(_ descriptor: Int32, count: Int, at offset: Int64) -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let read = buffer.withUnsafeMutableBytes { raw in
                pread(descriptor, raw.baseAddress.map { $0 + filled }, count - filled, off_t(offset) + off_t(filled))
            }
            if read < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if read == 0 { break }
            filled += read
        }
        return Array(buffer[0..<filled])
    }
}
