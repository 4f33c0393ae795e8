import Foundation
import MediaProbe

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

    /// A time in the take with one decimal: `98.0 s`.
    static func clock(_ value: Double) -> String { String(format: "%.1f s", value) }

    /// Time spans as `from 98.0 s to 103.0 s`, joined with commas.
    static func spans(_ spans: [TimeSpan]) -> String {
        spans.map { "from \(clock($0.start)) to \(clock($0.end))" }.joined(separator: ", ")
    }

    /// Seconds with a sign: `+0.5 s`, `-1.25 s`.
    static func signedSeconds(_ value: Double) -> String { (value > 0 ? "+" : "") + seconds(value) }

    /// A level with one decimal and a true minus sign: `−23.4 LUFS`; `−∞ dBFS` for digital silence.
    static func decibels(_ value: Double, unit: String) -> String {
        if value <= -199 { return "−∞ \(unit)" }
        let text = String(format: "%.1f", value)
        return (text == "-0.0" ? "0.0" : text.replacingOccurrences(of: "-", with: "−")) + " \(unit)"
    }

    /// A share as a percentage: `31 %`; `0.05 %` with `decimals: 2`.
    static func percent(_ share: Double, decimals: Int = 0) -> String {
        "\(trimmed(share * 100, decimals: decimals)) %"
    }

    /// The last path component.
    static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// A size as `W×H`.
    static func size(_ width: Int, _ height: Int) -> String { "\(width)×\(height)" }

    /// A path quoted for a POSIX shell, so that a suggested command can be pasted as it is.
    ///
    /// A path that starts with `-` is written `./-…`, so that the command does not read it as an option; a path with
    /// control characters (a newline…) is written in Bash's `$'…'` form, so that none reaches the terminal raw.
    static func shellQuoted(_ path: String) -> String {
        let path = path.hasPrefix("-") ? "./" + path : path
        let safe = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./+,:@%")
        if !path.isEmpty, path.unicodeScalars.allSatisfy({ safe.contains($0) }) { return path }
        if path.unicodeScalars.contains(where: isControl) {
            var quoted = "$'"
            for scalar in path.unicodeScalars {
                switch scalar {
                case "\\": quoted += "\\\\"
                case "'": quoted += "\\'"
                default: quoted += isControl(scalar) ? escaped(scalar) : String(scalar)
                }
            }
            return quoted + "'"
        }
        return "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// The text with every control character (newline, carriage return, escape, …) written as a visible escape
    /// (`\n`, `\r`, `\t`, `\x1B`, `\u2028`), so that a file name cannot start a line of its own or drive the terminal.
    static func escapingControlCharacters(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            out += isControl(scalar) ? escaped(scalar) : String(scalar)
        }
        return out
    }

    /// C0 and C1 control characters, DEL, and the Unicode line and paragraph separators.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029
    }

    private static func escaped(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        default: return scalar.value > 0xFF ? String(format: "\\u%04X", scalar.value) : String(format: "\\x%02X", scalar.value)
        }
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
