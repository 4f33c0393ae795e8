public import Foundation
import MetaStudioUpload
public import Preflight

/// One request the emulator answered (or dropped), as recorded for tests and logs.
///
/// Holds no secrets: the path never includes the query string (upload URLs carry their signature there).
///
/// Only the emulator records these; tests and logs read them (or decode them), so there is no public initialiser.
public struct ReceivedRequest: Sendable, Codable, Equatable {
    /// What part of the emulator handled the request.
    public enum Kind: String, Sendable, Codable {
        /// One of the six training-job endpoints (or an unknown path).
        case api
        /// A PUT to an upload URL.
        case upload
    }

    /// The HTTP method, e.g. `PUT`.
    public var method: String
    /// The request path without its query string.
    public var path: String
    /// The status sent, or `nil` when the connection was dropped (injected reset, or the client went away).
    public var status: Int?
    /// When the emulator finished with the request.
    public var time: Date
    /// API or upload.
    public var kind: Kind
    /// For uploads whose URL was recognised: the service's name of the file's role (`training_video`), as the JSON
    /// record carries it under `uploadRole`.
    public var uploadRoleName: String?
    /// The part number of an upload, 1-based; `1` for single-file roles.
    public var uploadPart: Int?

    /// For uploads whose URL was recognised: the file's role.
    public var uploadRole: Role? { uploadRoleName.flatMap(RoleWire.role(named:)) }
}

// In an extension, so that the emulator keeps the memberwise initialiser.
extension ReceivedRequest {
    private enum CodingKeys: String, CodingKey {
        case method, path, status, time, kind, uploadRoleName = "uploadRole", uploadPart
    }
}
