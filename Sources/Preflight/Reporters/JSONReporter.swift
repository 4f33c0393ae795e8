public import Foundation

/// The machine-readable report: `{"files": [{"path", "role", "verdict", "findings", "media"}], "summary": {…}}`.
///
/// Keys are snake_case and sorted, so the output is stable for other tools and for golden files.
public struct JSONReporter: Reporter {
    public static let identifier = "json"

    /// A JSON reporter.
    public init() {}

    public func render(_ report: LintReport) -> String {
        Self.encode(report)
    }

    /// Encodes any value the way the reports are encoded (keys sorted, pretty-printed; the types spell their keys in snake_case).
    public static func encode<Value: Encodable>(_ value: Value) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
        } catch {
            // Encoding plain value types cannot fail short of a bug; say so in the output rather than crash.
            return "{\"error\": \"could not encode the report: \(error)\"}\n"
        }
    }

    /// Decodes a report written by `render(_:)`.
    public static func decode(_ data: Data) throws -> LintReport {
        let decoder = JSONDecoder()
        return try decoder.decode(LintReport.self, from: data)
    }
}
