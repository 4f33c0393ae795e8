import Foundation

/// What may name a job, and where a job's files may go: nothing the emulator writes or deletes leaves its storage
/// folder, whatever a client puts in a path (`..%2F` decodes to `../`) or a test passes as `--job`.
enum StoragePath {
    /// The longest job id accepted.
    static let maximumJobIDLength = 64

    /// Whether `id` matches `^[A-Za-z0-9_-]{1,64}$`: the ids the emulator makes (hex) and the ones tests choose.
    static func isValidJobID(_ id: String) -> Bool {
        guard (1...maximumJobIDLength).contains(id.utf8.count) else { return false }
        return id.utf8.allSatisfy { byte in
            (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == 0x2D || byte == 0x5F
        }
    }

    /// `root` with `components` appended, or nil unless every component is a plain name (not empty, `.` or `..`,
    /// without `/` or NUL) and the standardised result lies strictly below the standardised root.
    static func below(_ root: URL, _ components: [String], isDirectory: Bool = false) -> URL? {
        guard !components.isEmpty else { return nil }
        var url = root
        for (index, component) in components.enumerated() {
            guard !component.isEmpty, component != ".", component != "..", !component.contains("/"), !component.contains("\0")
            else { return nil }
            url.appendPathComponent(component, isDirectory: isDirectory || index < components.count - 1)
        }
        let base = root.standardizedFileURL.path
        let resolved = url.standardizedFileURL.path
        let prefix = base.hasSuffix("/") ? base : base + "/"
        guard resolved.hasPrefix(prefix), resolved.count > prefix.count else { return nil }
        return url
    }
}
