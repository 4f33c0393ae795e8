import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the client sends requests: a region's public endpoint or an explicit base URL.
///
/// HTTPS is required unless the host is a loopback address (127.0.0.0/8, ::1, localhost), so tests and the
/// emulator can use plain HTTP on the local machine only.
public struct MetaStudioEndpoint: Hashable, Sendable, CustomStringConvertible {
    /// Regions with a documented MetaStudio endpoint.
    public static let regions: [String: String] = [
        "cn-north-4": "https://metastudio.cn-north-4.myhuaweicloud.com",
        "cn-east-3": "https://metastudio.cn-east-3.myhuaweicloud.com",
    ]

    /// `http` or `https`.
    public let scheme: String
    /// Host name or address (IPv6 without brackets).
    public let host: String
    /// Port, when the URL names one.
    public let port: Int?
    /// Path prefix before `/v1/…`, without a trailing slash (usually empty).
    public let basePath: String

    /// The endpoint of a documented region.
    /// - Throws: `MetaStudioClientError.invalidEndpoint` for a region without a documented endpoint.
    public init(region: String) throws {
        guard let url = Self.regions[region] else {
            throw MetaStudioClientError.invalidEndpoint(
                "region \(region) has no known MetaStudio endpoint; use one of "
                    + Self.regions.keys.sorted().joined(separator: ", ") + " or give an explicit endpoint URL.")
        }
        try self.init(url: url)
    }

    /// An explicit endpoint such as `https://metastudio.cn-north-4.myhuaweicloud.com` or `http://127.0.0.1:8080`.
    /// - Throws: `MetaStudioClientError.invalidEndpoint` for an unusable URL, `.insecureEndpoint` for plain HTTP
    ///   to a host that is not loopback.
    public init(url text: String) throws {
        let display = URLRedaction.redact(text)
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
              let host = components.percentEncodedHost, !host.isEmpty
        else {
            throw MetaStudioClientError.invalidEndpoint(
                "endpoint \(display) is not an absolute URL; give one like https://metastudio.cn-north-4.myhuaweicloud.com.")
        }
        guard scheme == "https" || scheme == "http" else {
            throw MetaStudioClientError.invalidEndpoint("endpoint \(display) must use https:// (got \(scheme)://).")
        }
        if components.query != nil || components.fragment != nil || components.user != nil || components.password != nil {
            throw MetaStudioClientError.invalidEndpoint(
                "endpoint \(display) must not carry a query, fragment or user info; give only scheme, host, port and path.")
        }
        let bareHost = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        if scheme == "http" && !Self.isLoopback(bareHost) {
            throw MetaStudioClientError.insecureEndpoint(display)
        }
        self.scheme = scheme
        self.host = bareHost
        self.port = components.port
        var path = components.percentEncodedPath
        while path.hasSuffix("/") { path.removeLast() }
        self.basePath = path
    }

    /// Whether a host (a name or an address) is the local machine: `localhost`, an IPv4 address in 127.0.0.0/8, `::1`,
    /// or 127.0.0.0/8 mapped into IPv6 (`::ffff:127.0.0.1`). Addresses are parsed (`inet_pton`), not matched as text,
    /// so `127.0.0.08` (no address: a leading zero) and a name such as `127.evil.com` are not loopback.
    /// The one loopback check of the package: the client's plain-HTTP rule and the emulator's bind and control checks.
    public static func isLoopback(_ host: String) -> Bool {
        var lowered = host.lowercased()
        if lowered.hasPrefix("[") && lowered.hasSuffix("]") { lowered = String(lowered.dropFirst().dropLast()) }
        if lowered == "localhost" { return true }
        var v4 = in_addr()
        if inet_pton(AF_INET, lowered, &v4) == 1 {
            // s_addr is in network byte order: its first byte in memory is the first octet.
            return withUnsafeBytes(of: &v4) { $0[0] } == 127
        }
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, lowered, &v6) == 1 else { return false }
        let bytes = withUnsafeBytes(of: &v6) { Array($0) }
        guard bytes.count == 16, bytes[0..<10].allSatisfy({ $0 == 0 }) else { return false }
        if bytes[10] == 0 && bytes[11] == 0 && bytes[12..<15].allSatisfy({ $0 == 0 }) && bytes[15] == 1 { return true }
        return bytes[10] == 0xFF && bytes[11] == 0xFF && bytes[12] == 127
    }

    /// The authority for the `Host` header: host, `[v6]` in brackets, and `:port` when given.
    public var authority: String {
        let name = host.contains(":") ? "[\(host)]" : host
        return port.map { "\(name):\($0)" } ?? name
    }

    /// The base URL as text, e.g. `https://metastudio.cn-north-4.myhuaweicloud.com`.
    public var description: String { "\(scheme)://\(authority)\(basePath)" }
}
