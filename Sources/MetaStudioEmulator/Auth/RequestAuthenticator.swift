import Foundation
import MetaStudio

/// Checks a request's credentials the way the service's gateway does: an `X-Auth-Token` equal to a
/// configured token, or an `SDK-HMAC-SHA256` signature recomputed from the request as received.
struct RequestAuthenticator: Sendable {
    private let signers: [String: Signer]
    private let tokens: Set<String>
    private let maxClockSkew: TimeInterval

    init(credentials: [String: String], tokens: Set<String>, maxClockSkew: Duration) {
        signers = Dictionary(uniqueKeysWithValues: credentials.map { ($0.key, Signer(accessKey: $0.key, secretKey: $0.value)) })
        self.tokens = tokens
        let components = maxClockSkew.components
        self.maxClockSkew = TimeInterval(components.seconds) + TimeInterval(components.attoseconds) / 1e18
    }

    /// The parts of an `Authorization: SDK-HMAC-SHA256 Access=…, SignedHeaders=…, Signature=…` header.
    struct AuthorizationFields: Equatable {
        var access: String
        var signedHeaders: [String]
        var signature: String

        init?(_ header: String) {
            let prefix = Signer.algorithm + " "
            guard header.hasPrefix(prefix) else { return nil }
            var fields: [String: String] = [:]
            for item in header.dropFirst(prefix.count).split(separator: ",") {
                let pair = item.trimmingCharacters(in: .whitespaces)
                guard let equals = pair.firstIndex(of: "=") else { return nil }
                fields[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
            }
            guard let access = fields["Access"], let signed = fields["SignedHeaders"], let signature = fields["Signature"],
                  !access.isEmpty, !signed.isEmpty, !signature.isEmpty
            else { return nil }
            self.access = access
            self.signedHeaders = signed.split(separator: ";").map { String($0) }
            self.signature = signature
        }
    }

    /// The one answer for a wrong signature and for an unknown access key.
    static let signatureMismatch = "the signature does not match the request (check the AK/SK, the signed headers and the body)"

    /// Returns `nil` when the request may proceed, else the 401 to answer. Messages never contain secrets.
    /// - Parameters:
    ///   - path: the path as received (percent-encoded), without query.
    ///   - query: the decoded query pairs.
    ///   - headers: header name (any case) and value pairs as received.
    func check(method: String, path: String, query: [(String, String)], headers: [(String, String)], body: [UInt8], now: Date) -> APIError? {
        var lowered: [String: String] = [:]
        for (name, value) in headers {
            let key = name.lowercased()
            lowered[key] = lowered[key].map { "\($0),\(value)" } ?? value
        }

        if let token = lowered["x-auth-token"] {
            return tokens.contains(where: { Randomness.constantTimeEquals($0, token) })
                ? nil : .unauthorized("the X-Auth-Token is not valid for this emulator")
        }
        guard let header = lowered["authorization"] else {
            return .unauthorized("the request has neither an Authorization (AK/SK) nor an X-Auth-Token header")
        }
        guard let fields = AuthorizationFields(header) else {
            return .unauthorized("the Authorization header is not 'SDK-HMAC-SHA256 Access=…, SignedHeaders=…, Signature=…'")
        }
        // An unknown access key is checked against a throw-away secret and fails like a bad signature, with the same
        // message: the answer must not tell which access keys exist.
        let signer = signers[fields.access] ?? Signer(accessKey: fields.access, secretKey: Randomness.hex(bytes: 32))
        guard let sdkDate = lowered["x-sdk-date"] else {
            return .unauthorized("the X-Sdk-Date header is missing")
        }
        guard let date = Signer.parseSDKDate(sdkDate.trimmingCharacters(in: .whitespaces)) else {
            return .unauthorized("X-Sdk-Date must be UTC time as YYYYMMDDTHHMMSSZ, e.g. 20260129T093015Z")
        }
        if abs(date.timeIntervalSince(now)) > maxClockSkew {
            return .unauthorized(
                "X-Sdk-Date is \(Int(abs(date.timeIntervalSince(now)))) s away from the server clock (at most \(Int(maxClockSkew)) s allowed)")
        }
        for required in ["host", "x-sdk-date"] where !fields.signedHeaders.contains(required) {
            return .unauthorized("SignedHeaders must include \(required)")
        }
        if let absent = fields.signedHeaders.first(where: { lowered[$0] == nil }) {
            return .unauthorized("the signed header \(absent) is not in the request")
        }
        let payloadHash: String
        if body.isEmpty {
            payloadHash = Signer.emptyPayloadHash
        } else if let declared = lowered["x-sdk-content-sha256"] {
            guard declared.trimmingCharacters(in: .whitespaces) == Signer.unsignedPayload else {
                return .unauthorized("X-Sdk-Content-Sha256 may only be UNSIGNED-PAYLOAD")
            }
            payloadHash = Signer.unsignedPayload
        } else {
            payloadHash = Signer.sha256Hex(body)
        }
        let expected = signer.expectedAuthorization(
            method: method, path: path, query: query, headers: lowered, signedHeaders: fields.signedHeaders,
            payloadHash: payloadHash, sdkDate: sdkDate)
        guard let expectedFields = AuthorizationFields(expected),
              Randomness.constantTimeEquals(expectedFields.signature, fields.signature)
        else {
            return .unauthorized(Self.signatureMismatch)
        }
        return nil
    }
}
