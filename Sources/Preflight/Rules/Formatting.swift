import Foundation

/// Number and text formatting shared by the rules' messages.
enum Format {
    /// Seconds with as few decimals as show the value (at most three): `180 s`, `179.5 s`, `600.04 s`.
    static func seconds(_ value: Double) -> String {
        "\(trimmed(value)) s"
    }

    /// A number with at most three decimals and no trailing zeros.
    static func trimmed(_ value: Double, decimals: Int = 3) -> String {
        var text = String(format: "%.\(decimals)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }

    /// A byte count in binary units (``ByteCountText/format(_:)``).
    static func bytes(_ count: Int64) -> String { ByteCountText.format(count) }

    /// A size as `W×H`.
    static func size(_ width: Int, _ height: Int) -> String { "\(width)×\(height)" }

    /// A path quoted for a POSIX shell, so that a suggested command can be pasted as it is.
    static func shellQuoted(_ path: String) -> String {
        let safe = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./+,:@%")
        if !path.isEmpty, path.unicodeScalars.allSatisfy({ safe.contains($0) }) { return path }
        return "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// The path with its extension replaced (or added); the folder part is kept as written.
    static func replacingExtension(of path: String, with ext: String) -> String {
        let slash = path.lastIndex(of: "/")
        let nameStart = slash.map { path.index(after: $0) } ?? path.startIndex
        let name = path[nameStart...]
        // A leading dot (".hidden") is part of the name, not an extension.
        var stem = name
        if let dot = name.lastIndex(of: "."), dot != name.startIndex {
            stem = name[name.startIndex..<dot]
        }
        return String(path[path.startIndex..<nameStart]) + stem + "." + ext
    }

    /// The file name extension in lower case, without the dot; empty when there is none.
    static func fileExtension(_ path: String) -> String {
        let name = path.split(separator: "/", omittingEmptySubsequences: false).last ?? Substring(path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }
}
