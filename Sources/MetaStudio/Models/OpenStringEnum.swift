/// A string-valued enumeration of the service that stays open: values the client does not know yet still
/// decode (and round-trip), so a new state or option on the service side never breaks a response.
public protocol OpenStringEnum: RawRepresentable, Codable, Hashable, Sendable, CustomStringConvertible,
    ExpressibleByStringLiteral where RawValue == String {
    /// Creates a value from its wire spelling.
    init(rawValue: String)
    /// Every value documented in the API contract.
    static var knownValues: [Self] { get }
}

extension OpenStringEnum {
    /// Creates a value from a string literal (its wire spelling).
    public init(stringLiteral value: String) { self.init(rawValue: value) }

    /// Decodes any string, known or not.
    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    /// Encodes the wire spelling.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// The wire spelling.
    public var description: String { rawValue }

    /// Whether the value is one the API contract documents.
    public var isKnown: Bool { Self.knownValues.contains(self) }

    /// The documented values joined for error messages, e.g. `VIDEO, AUDIO`.
    static var knownList: String { knownValues.map(\.rawValue).joined(separator: ", ") }
}
