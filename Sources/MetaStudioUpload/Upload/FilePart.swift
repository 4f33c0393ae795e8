/// One contiguous byte range of a file, uploaded to one URL.
public struct FilePart: Codable, Hashable, Sendable {
    /// 1-based part number; the order of the service's upload URLs.
    public var number: Int
    /// Offset of the first byte in the file.
    public var offset: Int64
    /// Number of bytes in the part (only the last part may be shorter than the part size).
    public var length: Int64

    /// Creates a part.
    public init(number: Int, offset: Int64, length: Int64) {
        self.number = number
        self.offset = offset
        self.length = length
    }
}
