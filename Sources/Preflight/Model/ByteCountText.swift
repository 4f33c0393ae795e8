import Foundation

/// Byte counts as people read them (binary units), and parsed back from flags like `16MiB`.
package enum ByteCountText {
    /// Formats a byte count in binary units with at most one decimal: `12 bytes`, `740 KiB`, `5.2 GiB`.
    package static func format(_ count: Int64) -> String {
        let units = ["KiB", "MiB", "GiB", "TiB"]
        var value = Double(count)
        guard value >= 1024 else { return "\(count) bytes" }
        var unit = -1
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        return "\(Format.trimmed(value, decimals: 1)) \(units[unit])"
    }

    /// Parses `123`, `100KiB`, `100k`, `16MiB`, `16M`, `1GiB`, `1g` (binary multiples; case-insensitive); nil if malformed.
    package static func parse(_ text: String) -> Int64? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        let digits = trimmed.prefix { $0.isNumber }
        guard !digits.isEmpty, let number = Int64(digits) else { return nil }
        let unit = trimmed.dropFirst(digits.count).trimmingCharacters(in: .whitespaces)
        let multiplier: Int64
        switch unit {
        case "", "b": multiplier = 1
        case "k", "kb", "kib": multiplier = 1024
        case "m", "mb", "mib": multiplier = 1024 * 1024
        case "g", "gb", "gib": multiplier = 1024 * 1024 * 1024
        default: return nil
        }
        let (product, overflow) = number.multipliedReportingOverflow(by: multiplier)
        return overflow ? nil : product
    }
}
