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
    /// For uploads whose URL was recognised: the file role and part number (1-based).
    public var uploadRole: Role?
    /// The part number of an upload, 1-based; `1` for single-file roles.
    public var uploadPart: Int?
}

// In an extension, so that the emulator keeps the memberwise initialiser.
extension ReceivedRequest {
    private enum CodingKeys: String, CodingKey {
        case method, path, status, time, kind, uploadRole, uploadPart
    }

    /// Decodes a record; the role is the service's name for it (`training_video`).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        method = try container.decode(String.self, forKey: .method)
        path = try container.decode(String.self, forKey: .path)
        status = try container.decodeIfPresent(Int.self, forKey: .status)
        time = try container.decode(Date.self, forKey: .time)
        kind = try container.decode(Kind.self, forKey: .kind)
        uploadRole = try container.decodeIfPresent(String.self, forKey: .uploadRole).flatMap(RoleWire.role(named:))
        uploadPart = try container.decodeIfPresent(Int.self, forKey: .uploadPart)
    }

    /// Encodes the record, naming the role as the service does (`training_video`).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(method, forKey: .method)
        try container.encode(path, forKey: .path)
        try container.encodeIfPresent(status, forKey: .status)
        try container.encode(time, forKey: .time)
        try container.encode(kind, forKey: .kind)
        try container.encodeIfPresent(uploadRole?.wire.name, forKey: .uploadRole)
        try container.encodeIfPresent(uploadPart, forKey: .uploadPart)
    }
}
