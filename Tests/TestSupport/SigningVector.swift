import Foundation

/// One known-answer vector produced by the official SDK's signer (`Tests/Fixtures/signing-vectors.json`).
public struct SigningVector: Decodable, Sendable {
    public let name: String
    public let method: String
    public let scheme: String
    public let host: String
    public let resourcePath: String
    public let queryParams: [[QueryValue]]
    public let headers: [String: String]
    public let bodyText: String?
    public let bodyBase64: String?
    public let ak: String
    public let sk: String
    public let sdkDate: String
    public let canonicalRequest: String
    public let stringToSign: String
    public let signedHeaders: String
    public let authorization: String
    public let uri: String
    public let headersAfterSigning: [String: String]

    enum CodingKeys: String, CodingKey {
        case name, method, scheme, host, headers, ak, sk, authorization, uri
        case resourcePath = "resource_path", queryParams = "query_params", bodyText = "body"
        case bodyBase64 = "body_base64", sdkDate = "sdk_date", canonicalRequest = "canonical_request"
        case stringToSign = "string_to_sign", signedHeaders = "signed_headers"
        case headersAfterSigning = "headers_after_signing"
    }

    /// A query value as the SDK accepts it: text, number, boolean or a list of those.
    public enum QueryValue: Decodable, Sendable {
        case text(String)
        case list([QueryValue])

        public init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let flag = try? container.decode(Bool.self) {
                self = .text(flag ? "true" : "false")
            } else if let number = try? container.decode(Int.self) {
                self = .text(String(number))
            } else if let text = try? container.decode(String.self) {
                self = .text(text)
            } else {
                self = .list(try container.decode([QueryValue].self))
            }
        }

        /// The value as text, a list flattened into its items.
        public var flattened: [String] {
            switch self {
            case .text(let text): return [text]
            case .list(let items): return items.flatMap(\.flattened)
            }
        }
    }

    /// Query pairs flattened as the signer takes them: a list value becomes repeated pairs.
    public var query: [(name: String, value: String)] {
        queryParams.flatMap { pair -> [(name: String, value: String)] in
            guard pair.count == 2, case .text(let key) = pair[0] else { return [] }
            return pair[1].flattened.map { (name: key, value: $0) }
        }
    }

    /// The body bytes, or nil when the vector has none.
    public var body: [UInt8]? {
        if let bodyText { return Array(bodyText.utf8) }
        if let bodyBase64, let data = Data(base64Encoded: bodyBase64) { return Array(data) }
        return nil
    }

    /// The input headers in a stable order (the signer's output is compared as a dictionary).
    public var headerPairs: [(name: String, value: String)] {
        headers.sorted { $0.key < $1.key }.map { (name: $0.key, value: $0.value) }
    }

    /// Every vector in the shared file (`Tests/Fixtures/signing-vectors.json`).
    public static func all() throws -> [SigningVector] {
        let url = RepoPaths.fixtures.appendingPathComponent("signing-vectors.json")
        return try JSONDecoder().decode([SigningVector].self, from: Data(contentsOf: url))
    }
}
