import MetaStudio

/// Random identifiers and constant-time comparison.
enum Randomness {
    /// `count` random bytes as lower-case hex.
    static func hex(bytes count: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return Signer.hex((0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }

    /// Compares two strings without an early exit, so timing does not reveal how much of a secret matched.
    static func constantTimeEquals(_ lhs: String, _ rhs: String) -> Bool {
        let a = Array(lhs.utf8), b = Array(rhs.utf8)
        var difference = UInt8(truncatingIfNeeded: a.count ^ b.count)
        for index in 0..<max(a.count, b.count) {
            let x = index < a.count ? a[index] : 0
            let y = index < b.count ? b[index] : 0
            difference |= x ^ y
        }
        return difference == 0 && a.count == b.count
    }
}
