/// Reads container facts straight from a file's first bytes, where that is exact and cheap.
enum ContainerSniffer {
    /// The brands of an ISO base media `ftyp` box.
    struct FileTypeBrands: Equatable {
        var major: String
        var compatible: [String]
    }

    /// Whether the bytes start with a ZIP local file header (`PK\u{3}\u{4}`) or an empty archive's end record.
    static func isZipArchive(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 4, bytes[0] == 0x50, bytes[1] == 0x4B else { return false }
        return (bytes[2] == 3 && bytes[3] == 4) || (bytes[2] == 5 && bytes[3] == 6)
    }

    /// Whether the bytes are the start of a text playlist or script that names other files: an HLS/M3U playlist
    /// (`#EXTM3U`) or an ffconcat script (`ffconcat version`), after an optional UTF-8 byte-order mark and blank space.
    static func isTextPlaylist(_ bytes: [UInt8]) -> Bool {
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while start < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[start]) { start += 1 }
        let text = bytes[start...]
        return text.starts(with: Array("#EXTM3U".utf8)) || text.starts(with: Array("ffconcat version".utf8))
    }

    /// Finds the `ftyp` box among the top-level boxes in `bytes` and returns its brands; nil when there is none
    /// before the first `moov`, `mdat` or `moof`, or the prefix ends first.
    static func fileTypeBrands(in bytes: [UInt8]) -> FileTypeBrands? {
        var offset = 0
        while offset + 8 <= bytes.count {
            var size = Int(readUInt32(bytes, at: offset))
            let type = fourCharacterCode(bytes, at: offset + 4)
            var headerLength = 8
            if size == 1 {
                guard offset + 16 <= bytes.count else { return nil }
                let large = readUInt64(bytes, at: offset + 8)
                guard large <= UInt64(Int.max) else { return nil }
                size = Int(large)
                headerLength = 16
            } else if size == 0 {
                size = bytes.count - offset  // box runs to the end of the file
            }
            guard size >= headerLength else { return nil }
            if type == "ftyp" {
                let end = offset + size
                let body = offset + headerLength
                // major brand (4) + minor version (4), then compatible brands of 4 bytes each.
                guard body + 8 <= bytes.count, end <= bytes.count else { return nil }
                let major = fourCharacterCode(bytes, at: body)
                var compatible: [String] = []
                var cursor = body + 8
                while cursor + 4 <= end {
                    compatible.append(fourCharacterCode(bytes, at: cursor))
                    cursor += 4
                }
                return FileTypeBrands(major: major, compatible: compatible)
            }
            if ["moov", "mdat", "moof"].contains(type) { return nil }
            guard size <= Int.max - offset else { return nil }
            offset += size
        }
        return nil
    }

    /// The Matroska EBML header's `DocType` (`matroska` or `webm`); nil when the prefix does not hold one.
    static func ebmlDocType(in bytes: [UInt8]) -> String? {
        guard bytes.count >= 4, bytes[0] == 0x1A, bytes[1] == 0x45, bytes[2] == 0xDF, bytes[3] == 0xA3 else { return nil }
        var offset = 4
        guard let headerSize = readVariableInteger(bytes, at: &offset, keepMarker: false) else { return nil }
        let end = min(bytes.count, offset + min(headerSize, bytes.count))
        while offset < end {
            guard let id = readVariableInteger(bytes, at: &offset, keepMarker: true),
                let size = readVariableInteger(bytes, at: &offset, keepMarker: false),
                size <= end - offset
            else { return nil }
            if id == 0x4282 {
                let raw = bytes[offset..<(offset + size)].prefix { $0 != 0 }
                return String(decoding: raw, as: UTF8.self)
            }
            offset += size
        }
        return nil
    }

    // MARK: - Byte helpers

    private static func readUInt32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | UInt32($1) }
    }

    private static func readUInt64(_ bytes: [UInt8], at offset: Int) -> UInt64 {
        bytes[offset..<(offset + 8)].reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// Four bytes as a string, one character per byte (Latin-1), so spaces and odd bytes are kept exactly.
    private static func fourCharacterCode(_ bytes: [UInt8], at offset: Int) -> String {
        String(bytes[offset..<(offset + 4)].map { Character(Unicode.Scalar($0)) })
    }

    /// An EBML variable-length integer. IDs keep their length marker bit; sizes drop it.
    private static func readVariableInteger(_ bytes: [UInt8], at offset: inout Int, keepMarker: Bool) -> Int? {
        guard offset < bytes.count else { return nil }
        let first = bytes[offset]
        guard first != 0 else { return nil }
        let length = first.leadingZeroBitCount + 1
        guard offset + length <= bytes.count else { return nil }
        var value = keepMarker ? Int(first) : Int(first & (0xFF >> length))
        for index in 1..<length { value = value << 8 | Int(bytes[offset + index]) }
        offset += length
        // An all-ones size means "unknown"; treat it as running to the end of what we have.
        if !keepMarker && value == (1 << (7 * length)) - 1 { return Int.max / 2 }
        return value
    }
}
