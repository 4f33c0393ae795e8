public import Foundation

/// Runs the built `preflight` executable (see `RepoPaths.preflightBinary`) with the given arguments.
@discardableResult
public func runPreflight(
    _ arguments: [String], environment: [String: String] = [:], currentDirectory: URL? = nil, timeout: TimeInterval = HangGuard.processSeconds
) async throws -> ProcessResult {
    let binary = RepoPaths.preflightBinary
    guard FileManager.default.isExecutableFile(atPath: binary.path) else {
        throw TestSupportError("the preflight executable is not built at \(binary.path); run `swift build` first (or set PREFLIGHT_BIN)")
    }
    return try await runProcess(binary.path, arguments, environment: ["NO_COLOR": "1"].merging(environment) { $1 },
                          currentDirectory: currentDirectory, timeout: timeout)
}

/// One entry of `samples/expected.json`: a sample file and the verdict and rule ids lint must give it.
public struct ExpectedSample: Decodable, Sendable {
    public var path: String
    public var verdict: String
    public var errors: [String]
    public var warnings: [String]

    /// The absolute path of the sample.
    public var url: URL { RepoPaths.samples.appendingPathComponent(path) }

    /// Every sample listed in `samples/expected.json`.
    public static func all() throws -> [ExpectedSample] {
        struct File: Decodable { var files: [ExpectedSample] }
        let data = try Data(contentsOf: RepoPaths.samples.appendingPathComponent("expected.json"))
        return try JSONDecoder().decode(File.self, from: data).files
    }
}

/// A small deterministic pseudo-random generator (SplitMix64), so that fuzzed inputs are the same on every run.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
