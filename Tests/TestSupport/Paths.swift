import Foundation

/// Well-known places in the repository, found from this source file's location.
public enum RepoPaths {
    /// The repository's root folder (the one holding Package.swift).
    public static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    /// `samples/`.
    public static var samples: URL { root.appendingPathComponent("samples") }

    /// `../shared/` beside the repository (read-only oracles, vectors and docs).
    public static var shared: URL { root.deletingLastPathComponent().appendingPathComponent("shared") }

    /// The built `preflight` executable next to the test bundle, for end-to-end tests.
    public static var preflightBinary: URL {
        if let override = ProcessInfo.processInfo.environment["PREFLIGHT_BIN"] {
            return URL(fileURLWithPath: override)
        }
        // Test bundles live in .build/<triple>/debug/; the executable sits in the same folder.
        let bundle = Bundle.main.bundleURL
        let candidates = [
            bundle.appendingPathComponent("preflight"),
            bundle.deletingLastPathComponent().appendingPathComponent("preflight"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }
}

/// A fresh temporary folder, removed when the value is dropped.
public final class TemporaryDirectory: @unchecked Sendable {
    /// The folder's URL.
    public let url: URL

    public init(prefix: String = "preflight-test") throws {
        let base = FileManager.default.temporaryDirectory
        url = base.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// A path inside the folder.
    public func file(_ name: String) -> URL { url.appendingPathComponent(name) }

    deinit { try? FileManager.default.removeItem(at: url) }
}
