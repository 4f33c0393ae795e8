import Foundation
import MetaStudioUpload
import Preflight

/// One request the emulator answered (or dropped), as recorded for tests and logs.
///
/// Holds no secrets: the path never includes the query string (upload URLs carry their signature there).
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

    /// Creates a record.
    public init(
        method: String, path: String, status: Int?, time: Date, kind: Kind,
        uploadRole: Role? = nil, uploadPart: Int? = nil
    ) {
        self.method = method
        self.path = path
        self.status = status
        self.time = time
        self.kind = kind
        self.uploadRole = uploadRole
        self.uploadPart = uploadPart
    }
}
