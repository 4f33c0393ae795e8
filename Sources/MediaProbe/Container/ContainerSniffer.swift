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

    /// The picture size a PNG (its IHDR chunk) or a JPEG (its start-of-frame segment, when within `bytes`) declares;
    /// nil for other files or when the header lies beyond the bytes given.
    static func pictureSize(in bytes: [UInt8]) -> (width: Int, height: Int)? {
        func big16(_ at: Int) -> Int { Int(bytes[at]) << 8 | Int(bytes[at + 1]) }
        func big32(_ at: Int) -> Int { big16(at) << 16 | big16(at + 2) }
        if bytes.count >= 24, bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
           bytes[12...15].elementsEqual(Array("IHDR".utf8)) {
            return (big32(16), big32(20))
        }
        guard bytes.count >= 4, bytes[0] == 0xFF, bytes[1] == 0xD8 else { return nil }
        var at = 2
        while at + 9 <= bytes.count, bytes[at] == 0xFF {
            let marker = bytes[at + 1]
            if marker == 0xFF { at += 1; continue }
            // SOF0…SOF15 carry the frame size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but do not.
            if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
                return (big16(at + 7), big16(at + 5))
            }
            if marker == 0xD8 || marker == 0x01 || (0xD0...0xD7).contains(marker) { at += 2; continue }
            if marker == 0xDA || marker == 0xD9 { return nil }
            at += 2 + big16(at + 2)
        }
        return nil
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
