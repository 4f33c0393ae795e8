public import Foundation

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

    /// `Tests/Fixtures/`: data the tests read (the official SDK's signing vectors).
    public static var fixtures: URL { root.appendingPathComponent("Tests/Fixtures") }

    /// `Tests/Oracles/`: the project's scripts that drive independent clients (the official Python SDK).
    public static var oracles: URL { root.appendingPathComponent("Tests/Oracles") }

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

/// The one folder this test process writes into; everything the tests make lives below it.
public enum TestRun {
    /// `$TMPDIR/preflight-tests-<pid>-<random>`, created on first use and removed when the process exits.
    public static let directory: URL = {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("preflight-tests-\(getpid())-\(UUID().uuidString.prefix(8))", isDirectory: true)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: TestRun.directory) }
        return url
    }()

    /// A new, uniquely named folder below ``directory`` that lives until the process exits.
    public static func folder(_ prefix: String) throws -> URL {
        let url = directory.appendingPathComponent("\(prefix)-\(UUID().uuidString.prefix(8))", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// A fresh temporary folder below ``TestRun/directory``, removed when the value is dropped.
public final class TemporaryDirectory: Sendable {
    /// The folder's URL.
    public let url: URL

    public init(prefix: String = "preflight-test") throws {
        url = try TestRun.folder(prefix)
    }

    /// A path inside the folder.
    public func file(_ name: String) -> URL { url.appendingPathComponent(name) }

    deinit { try? FileManager.default.removeItem(at: url) }
}

/// Huawei Cloud's official MetaStudio SDK for Python, as the tests' independent client.
public enum OfficialSDK {
    /// `.venv-sdk/bin/python`, creating the virtual env with `scripts/sdk-venv.sh` when needed; throws if it cannot.
    public static func python() async throws -> String {
        let python = RepoPaths.root.appendingPathComponent(".venv-sdk/bin/python").path
        let check = FileManager.default.isExecutableFile(atPath: python)
            ? try await runProcess(python, ["-c", "import huaweicloudsdkmetastudio"]) : nil
        if check?.status != 0 {
            let setup = try await runProcess(
                "bash", [RepoPaths.root.appendingPathComponent("scripts/sdk-venv.sh").path])
            guard setup.status == 0 else {
                throw TestSupportError("scripts/sdk-venv.sh failed (\(setup.status)): \(setup.stderr)")
            }
        }
        return python
    }
}
