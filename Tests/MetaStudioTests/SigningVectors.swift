import Foundation
import Testing
import TestSupport

/// One known-answer vector produced by the official SDK's signer (`shared/vectors/signing-vectors.json`).
struct SigningVector: Decodable, Sendable, CustomTestStringConvertible {
    let name: String
    let method: String
    let scheme: String
    let host: String
    let resourcePath: String
    let queryParams: [[QueryValue]]
    let headers: [String: String]
    let bodyText: String?
    let bodyBase64: String?
    let ak: String
    let sk: String
    let sdkDate: String
    let canonicalRequest: String
    let stringToSign: String
    let signedHeaders: String
    let authorization: String
    let uri: String
    let headersAfterSigning: [String: String]

    enum CodingKeys: String, CodingKey {
        case name, method, scheme, host, headers, ak, sk, authorization, uri
        case resourcePath = "resource_path", queryParams = "query_params", bodyText = "body"
        case bodyBase64 = "body_base64", sdkDate = "sdk_date", canonicalRequest = "canonical_request"
        case stringToSign = "string_to_sign", signedHeaders = "signed_headers"
        case headersAfterSigning = "headers_after_signing"
    }

    /// A query value as the SDK accepts it: text, number, boolean or a list of those.
    enum QueryValue: Decodable, Sendable {
        case text(String)
        case list([QueryValue])

        init(from decoder: Decoder) throws {
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

        var flattened: [String] {
            switch self {
            case .text(let text): return [text]
            case .list(let items): return items.flatMap(\.flattened)
            }
        }
    }

    var testDescription: String { name }

    /// Query pairs flattened as the signer takes them: a list value becomes repeated pairs.
    var query: [(name: String, value: String)] {
        queryParams.flatMap { pair -> [(name: String, value: String)] in
            guard pair.count == 2, case .text(let key) = pair[0] else { return [] }
            return pair[1].flattened.map { (name: key, value: $0) }
        }
    }

    /// The body bytes, or nil when the vector has none.
    var body: [UInt8]? {
        if let bodyText { return Array(bodyText.utf8) }
        if let bodyBase64, let data = Data(base64Encoded: bodyBase64) { return Array(data) }
        return nil
    }

    /// The input headers in a stable order (the signer's output is compared as a dictionary).
    var headerPairs: [(name: String, value: String)] {
        headers.sorted { $0.key < $1.key }.map { (name: $0.key, value: $0.value) }
    }

    /// Every vector in the shared file.
    static let all: [SigningVector] = {
        let url = RepoPaths.shared.appendingPathComponent("vectors/signing-vectors.json")
        do {
            return try JSONDecoder().decode([SigningVector].self, from: Data(contentsOf: url))
        } catch {
            Issue.record("cannot load \(url.path): \(error)")
            return []
        }
    }()
}
