import Crypto
public import Foundation

/// Signs requests with an access key / secret key pair the way Huawei Cloud's SDKs do (`SDK-HMAC-SHA256`),
/// and recomputes the expected `Authorization` header for servers that verify such requests.
///
/// The secret key is kept inside the value and never appears in its `description`.
public struct Signer: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The algorithm name that starts the `Authorization` header and the string to sign.
    public static let algorithm = "SDK-HMAC-SHA256"
    /// The payload hash used when the body is not signed (non-JSON content types).
    public static let unsignedPayload = "UNSIGNED-PAYLOAD"
    /// Lower-case hex SHA-256 of an empty body.
    public static let emptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

    let accessKey: String
    private let secretKey: SymmetricKey

    /// Creates a signer for an access key (AK) and secret key (SK).
    public init(accessKey: String, secretKey: String) {
        self.accessKey = accessKey
        self.secretKey = SymmetricKey(data: Array(secretKey.utf8))
    }

    /// A description naming the access key only.
    public var description: String { "Signer(accessKey: \(accessKey), secretKey: <redacted>)" }
    /// Same as `description`.
    public var debugDescription: String { description }

    // MARK: - Client side

    /// Signs a request as the SDK does and returns every header to send, in order: the given headers
    /// (values trimmed), then `X-Sdk-Date`, `X-Sdk-Content-Sha256` and `Host` where the algorithm adds them,
    /// then `Authorization`.
    /// - Parameters:
    ///   - request: the request to sign; an `X-Sdk-Date` header already present is used as is.
    ///   - date: the signing time, used only when the request has no `X-Sdk-Date` header.
    public func sign(_ request: SignableRequest, date: Date) -> [(name: String, value: String)] {
        var headers = request.headers.map { (name: $0.name, value: Self.trimmed($0.value)) }
        func has(_ name: String) -> Bool {
            let lowered = name.lowercased()
            return headers.contains { $0.name.lowercased() == lowered }
        }
        if !has("X-Sdk-Date") {
            headers.append((name: "X-Sdk-Date", value: Self.sdkDate(date)))
        }
        if let contentType = request.header(named: "Content-Type"), !Self.isSignedContentType(contentType),
           !has("X-Sdk-Content-Sha256") {
            headers.append((name: "X-Sdk-Content-Sha256", value: Self.unsignedPayload))
        }
        if !has("Host") {
            headers.append((name: "Host", value: request.host))
        }

        var lowered: [String: String] = [:]
        for header in headers { lowered[header.name.lowercased()] = header.value }
        let sdkDate = lowered["x-sdk-date"] ?? Self.sdkDate(date)
        let payloadHash: String
        if lowered["x-sdk-content-sha256"] == Self.unsignedPayload {
            payloadHash = Self.unsignedPayload
        } else {
            payloadHash = Self.sha256Hex(request.body ?? [])
        }
        let signed = Self.signedHeaderNames(headers.map(\.name))
        let authorization = expectedAuthorization(
            method: request.method, path: request.path, query: request.query, headers: lowered,
            signedHeaders: signed, payloadHash: payloadHash, sdkDate: sdkDate)
        headers.append((name: "Authorization", value: authorization))
        return headers
    }

    // MARK: - Server side

    /// The `Authorization` header value for a request as received by a server (used by verifiers such as the emulator).
    /// - Parameters:
    ///   - method: the HTTP method.
    ///   - path: the resource path as sent (percent-encoded), without query.
    ///   - query: decoded (name, value) pairs in received order.
    ///   - headers: the request's headers keyed by lower-cased name (values as received, untrimmed ok).
    ///   - signedHeaders: the lower-cased names listed in the Authorization header's SignedHeaders.
    ///   - payloadHash: lower-case hex SHA-256 of the body, or "UNSIGNED-PAYLOAD" when the request had
    ///     `X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD`.
    ///   - sdkDate: the request's `X-Sdk-Date` value.
    public func expectedAuthorization(
        method: String, path: String, query: [(String, String)], headers: [String: String],
        signedHeaders: [String], payloadHash: String, sdkDate: String
    ) -> String {
        let request = Self.canonicalRequest(
            method: method,
            canonicalURI: Self.canonicalURI(path),
            canonicalQuery: Self.canonicalQueryString(query.map { (name: $0.0, value: $0.1) }),
            canonicalHeaders: Self.canonicalHeaders(headers, signedHeaders: signedHeaders),
            signedHeaders: signedHeaders,
            payloadHash: payloadHash)
        let stringToSign = Self.stringToSign(canonicalRequest: request, sdkDate: sdkDate)
        return authorizationHeader(signedHeaders: signedHeaders, signature: signature(stringToSign: stringToSign))
    }

    /// Lower-case hex SHA-256 of bytes.
    public static func sha256Hex<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        hex(SHA256.hash(data: Array(bytes)))
    }

    /// Formats a time as the SDK's `X-Sdk-Date` value, `YYYYMMDDTHHMMSSZ` in UTC.
    public static func sdkDate(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func pad(_ value: Int?, _ width: Int) -> String {
            let text = String(value ?? 0)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(c.year, 4))\(pad(c.month, 2))\(pad(c.day, 2))T\(pad(c.hour, 2))\(pad(c.minute, 2))\(pad(c.second, 2))Z"
    }

    /// Parses an `X-Sdk-Date` value (`YYYYMMDDTHHMMSSZ`, UTC); `nil` when it does not have that shape.
    public static func parseSDKDate(_ text: String) -> Date? {
        let chars = Array(text.utf8)
        guard chars.count == 16, chars[8] == UInt8(ascii: "T"), chars[15] == UInt8(ascii: "Z") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for c in chars[range] {
                guard c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(c - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(4..<6), let day = number(6..<8),
              let hour = number(9..<11), let minute = number(11..<13), let second = number(13..<15)
        else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        guard components.isValidDate(in: calendar) else { return nil }
        return calendar.date(from: components)
    }

    // MARK: - Stages (internal, tested against the SDK's vectors)

    /// Whether the SDK signs the body for this content type (JSON and BSON, by prefix); other content types are
    /// sent with `X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD`.
    public static func isSignedContentType(_ contentType: String) -> Bool {
        contentType.hasPrefix("application/json") || contentType.hasPrefix("application/bson")
    }

    /// Step 1: the names of the headers to sign — lower-cased, without names containing `_`, sorted by bytes, unique.
    static func signedHeaderNames(_ names: [String]) -> [String] {
        let lowered = Set(names.map { $0.lowercased() }.filter { !$0.contains("_") })
        return lowered.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// Step 2: `name:value\n` for each signed header, the value trimmed of surrounding white space.
    static func canonicalHeaders(_ headers: [String: String], signedHeaders: [String]) -> String {
        var result = ""
        for name in signedHeaders {
            result += "\(name):\(trimmed(headers[name] ?? ""))\n"
        }
        return result
    }

    /// Step 3: the resource path decoded, each segment re-encoded, with a trailing `/`.
    static func canonicalURI(_ path: String) -> String {
        let decoded = percentDecode(path)
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: false).map {
            percentEncode(String($0))
        }
        var uri = segments.joined(separator: "/")
        if !uri.hasSuffix("/") { uri += "/" }
        if !uri.hasPrefix("/") { uri = "/" + uri }
        return uri
    }

    /// Step 4: parameters sorted by name then value (byte order), each part percent-encoded, joined with `&`.
    static func canonicalQueryString(_ query: [(name: String, value: String)]) -> String {
        let sorted = query.sorted { lhs, rhs in
            if lhs.name != rhs.name { return lhs.name.utf8.lexicographicallyPrecedes(rhs.name.utf8) }
            return lhs.value.utf8.lexicographicallyPrecedes(rhs.value.utf8)
        }
        return sorted.map { "\(percentEncode($0.name))=\(percentEncode($0.value))" }.joined(separator: "&")
    }

    /// Step 6: the canonical request.
    static func canonicalRequest(
        method: String, canonicalURI: String, canonicalQuery: String, canonicalHeaders: String,
        signedHeaders: [String], payloadHash: String
    ) -> String {
        [method.uppercased(), canonicalURI, canonicalQuery, canonicalHeaders, signedHeaders.joined(separator: ";"),
         payloadHash].joined(separator: "\n")
    }

    /// Step 7: the string to sign.
    static func stringToSign(canonicalRequest: String, sdkDate: String) -> String {
        "\(algorithm)\n\(sdkDate)\n\(sha256Hex(Array(canonicalRequest.utf8)))"
    }

    /// Step 8: lower-case hex HMAC-SHA256 of the string to sign, keyed with the SK's UTF-8 bytes.
    func signature(stringToSign: String) -> String {
        Self.hex(HMAC<SHA256>.authenticationCode(for: Array(stringToSign.utf8), using: secretKey))
    }

    /// Step 9: the `Authorization` header value.
    func authorizationHeader(signedHeaders: [String], signature: String) -> String {
        "\(Self.algorithm) Access=\(accessKey), SignedHeaders=\(signedHeaders.joined(separator: ";")), Signature=\(signature)"
    }

    // MARK: - Helpers

    static func trimmed(_ value: String) -> String {
        value.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Percent-encodes UTF-8 bytes, leaving only `A–Z a–z 0–9 - . _ ~`.
    static func percentEncode(_ text: String) -> String {
        let hexDigits = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                 UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.append(byte)
            default:
                out.append(UInt8(ascii: "%"))
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0x0F)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes `%XX` sequences; malformed sequences are kept as they are, invalid UTF-8 becomes U+FFFD.
    public static func percentDecode(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        func hexValue(_ c: UInt8) -> UInt8? {
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
            default: return nil
            }
        }
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count,
               let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) {
                out.append(high << 4 | low)
                index += 3
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Bytes as lower-case hex: the package's one hex encoder (digests, ETags, random identifiers).
    package static func hex<D: Sequence>(_ bytes: D) -> String where D.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.underestimatedCount * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
