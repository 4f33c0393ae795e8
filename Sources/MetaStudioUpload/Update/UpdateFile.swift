public import Preflight

/// A file to upload and what it is for.
public struct UpdateFile: Codable, Hashable, Sendable {
    /// What the file is for.
    public var role: Role
    /// Its path (relative paths are taken from the current directory).
    public var path: String

    /// Creates a file entry.
    public init(role: Role, path: String) {
        self.role = role
        self.path = path
    }
}
