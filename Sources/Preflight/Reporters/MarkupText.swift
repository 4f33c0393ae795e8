/// Text made safe inside XML and HTML, the one escaping the JUnit and HTML reports share.
enum MarkupText {
    /// `text` escaped for attribute values and character data: `& < > " '` become entities, and characters XML 1.0
    /// cannot carry (most controls, lone surrogates' stand-ins, U+FFFE and U+FFFF) become U+FFFD.
    static func escaped(_ text: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                let value = scalar.value
                let legal = (value >= 0x20 && value <= 0xD7FF) || (value >= 0xE000 && value <= 0xFFFD) || value >= 0x10000
                out.unicodeScalars.append(legal ? scalar : "\u{FFFD}")
            }
        }
        return out
    }
}
