import Foundation

/// A structural check of a PDF that already has its `%PDF-` header and `%%EOF` marker: the parts a reader needs
/// to find its objects, looked for where the format puts them (no parsing of the objects themselves).
enum PDFStructure {
    /// Bytes read from each end of the file.
    static let window: UInt64 = 4096

    /// What the PDF lacks, in words for a message, or nil when it has a version in its header, a `startxref` offset
    /// that points at a cross-reference table (`xref`, followed by a `trailer`) or at a cross-reference stream
    /// (`N G obj` with `/Type /XRef`), and at least one indirect object.
    static func missingPart(_ handle: FileHandle, size: UInt64) -> String? {
        guard let head = read(handle, at: 0, count: window) else { return "a readable header" }
        let tailStart = size > window ? size - window : 0
        guard let tail = read(handle, at: tailStart, count: window) else { return "a readable end" }
        let headText = String(decoding: head, as: UTF8.self), tailText = String(decoding: tail, as: UTF8.self)
        guard headText.range(of: #"^%PDF-[0-9]\.[0-9]"#, options: .regularExpression) != nil else {
            return "a version in its %PDF- header"
        }
        guard let marker = tailText.range(of: "startxref", options: .backwards) else { return "a startxref offset" }
        let digits = tailText[marker.upperBound...].drop { $0.isWhitespace }.prefix { $0.isASCII && $0.isNumber }
        guard let offset = UInt64(digits), offset < size else { return "a startxref offset inside the file" }
        guard let section = read(handle, at: offset, count: 1024) else { return "a cross-reference section" }
        let sectionText = String(decoding: section, as: UTF8.self)
        let object = #"[0-9]+[ \t\r\n]+[0-9]+[ \t\r\n]+obj\b"#
        if sectionText.drop(while: { $0.isWhitespace }).hasPrefix("xref") {
            // A classic table: the trailer dictionary follows it, before startxref.
            guard tailText.contains("trailer") || sectionText.contains("trailer") else { return "a trailer" }
        } else if sectionText.drop(while: { $0.isWhitespace }).range(of: "^" + object, options: .regularExpression) != nil {
            guard sectionText.range(of: #"/Type[ \t\r\n]*/XRef"#, options: .regularExpression) != nil else {
                return "a cross-reference stream at its startxref offset"
            }
        } else {
            return "a cross-reference table or stream at its startxref offset"
        }
        let hasObject = [headText, sectionText, tailText].contains { $0.range(of: object, options: .regularExpression) != nil }
        return hasObject ? nil : "any object"
    }

    private static func read(_ handle: FileHandle, at offset: UInt64, count: UInt64) -> Data? {
        do {
            try handle.seek(toOffset: offset)
            return try handle.read(upToCount: Int(count)) ?? Data()
        } catch {
            return nil
        }
    }
}
