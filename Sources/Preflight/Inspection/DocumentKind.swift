import Foundation

/// What a document-like file is, told from its first and last bytes rather than its name.
public enum DocumentKind: Sendable, Codable, Equatable {
    /// A PDF; `complete` is false when the `%%EOF` marker is missing from its tail (a cut-short copy).
    case pdf(complete: Bool)
    /// A file that starts and ends like a PDF but lacks what a reader needs to open it, named in the text
    /// (a cross-reference table or stream, a trailer, an object).
    case malformedPDF(String)
    /// A JPEG image.
    case jpeg
    /// A PNG image.
    case png
    /// Anything else, with a short description of what the first bytes look like.
    case other(String)

    /// Reads the first and last bytes of the file at `path`; nil when it cannot be read.
    static func sniff(_ path: String) -> DocumentKind? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let head = try? handle.read(upToCount: 8), !head.isEmpty else { return nil }
        let bytes = [UInt8](head)
        if bytes.starts(with: Array("%PDF-".utf8)) {
            let size = (try? handle.seekToEnd()) ?? 0
            try? handle.seek(toOffset: size > 1024 ? size - 1024 : 0)
            let tail = (try? handle.readToEnd()) ?? Data()
            guard tail.range(of: Data("%%EOF".utf8)) != nil else { return .pdf(complete: false) }
            if let missing = PDFStructure.missingPart(handle, size: size) { return .malformedPDF(missing) }
            return .pdf(complete: true)
        }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .other("a ZIP archive (perhaps a Word document)") }
        if bytes.allSatisfy({ $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || (0x20..<0x7F).contains($0) }) { return .other("plain text") }
        return .other("an unrecognised binary file")
    }

    /// Whether this is a picture FFmpeg should decode.
    var isImage: Bool { self == .jpeg || self == .png }
}
