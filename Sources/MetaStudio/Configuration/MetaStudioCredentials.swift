/// How requests are authenticated: an AK/SK pair (optionally temporary, with a security token) that signs each
/// request, or an IAM token sent as `X-Auth-Token`.
///
/// `description` and `debugDescription` show the access key at most, never the secret key or a token.
public enum MetaStudioCredentials: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// Access key and secret key; `securityToken` is set for temporary credentials and sent as `X-Security-Token`.
    case accessKey(accessKey: String, secretKey: String, securityToken: String?)
    /// An IAM user token (the `X-Subject-Token` IAM returned), sent as `X-Auth-Token`.
    case token(String)

    /// Environment variable holding the access key.
    public static let accessKeyVariable = "CLOUD_SDK_AK"
    /// Environment variable holding the secret key.
    public static let secretKeyVariable = "CLOUD_SDK_SK"
    /// Environment variable holding the security token of temporary credentials.
    public static let securityTokenVariable = "CLOUD_SDK_SECURITY_TOKEN"
    /// Environment variable holding an IAM token (used when no AK/SK is set).
    public static let tokenVariable = "CLOUD_SDK_TOKEN"

    /// Reads credentials from an environment: `CLOUD_SDK_AK` + `CLOUD_SDK_SK` (+ `CLOUD_SDK_SECURITY_TOKEN`) take
    /// precedence; otherwise `CLOUD_SDK_TOKEN`. Empty values count as unset.
    /// - Throws: `MetaStudioClientError.missingCredentials` naming what is missing.
    public static func fromEnvironment(_ environment: [String: String]) throws -> MetaStudioCredentials {
        func value(_ name: String) -> String? {
            guard let text = environment[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty
            else { return nil }
            return text
        }
        let ak = value(accessKeyVariable)
        let sk = value(secretKeyVariable)
        switch (ak, sk) {
        case let (ak?, sk?):
            return .accessKey(accessKey: ak, secretKey: sk, securityToken: value(securityTokenVariable))
        case (_?, nil):
            throw MetaStudioClientError.missingCredentials(
                "\(accessKeyVariable) is set but \(secretKeyVariable) is not; set both (or use \(tokenVariable)).")
        case (nil, _?):
            throw MetaStudioClientError.missingCredentials(
                "\(secretKeyVariable) is set but \(accessKeyVariable) is not; set both (or use \(tokenVariable)).")
        case (nil, nil):
            if let token = value(tokenVariable) { return .token(token) }
            throw MetaStudioClientError.missingCredentials(
                "no credentials: set \(accessKeyVariable) and \(secretKeyVariable) (plus \(securityTokenVariable) "
                    + "for temporary keys), or \(tokenVariable) with an IAM token.")
        }
    }

    /// Names the kind of credentials and the access key; secrets are shown as `<redacted>`.
    public var description: String {
        switch self {
        case .accessKey(let ak, _, let token):
            return "AK/SK credentials (access key \(ak), secret key <redacted>"
                + (token == nil ? ")" : ", security token <redacted>)")
        case .token:
            return "IAM token credentials (token <redacted>)"
        }
    }

    /// Same as `description`.
    public var debugDescription: String { description }
}

import Foundation
