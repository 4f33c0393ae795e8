import Foundation

/// A SARIF 2.1.0 log of a lint run, for code-scanning views (GitHub code scanning, GitLab, SARIF viewers).
///
/// The log has one run. Its tool driver is `preflight` with its version and every rule the linter knows (id, name,
/// default level, help text), so a viewer can explain a rule even when no file broke it. Each finding becomes one
/// result with its level, message and the file as an artifact location. Paths below ``workingDirectory`` are written
/// relative to it (with `uriBaseId` `%SRCROOT%`); other absolute paths become `file://` URIs.
///
/// Keys are sorted and the output is pretty-printed, so the same report always gives the same bytes.
public struct SARIFReporter: Reporter {
    public static let identifier = "sarif"

    /// The tool's version, written as the driver's `version`.
    public var toolVersion: String
    /// The folder relative paths are taken from, normally the process's working directory.
    public var workingDirectory: String
    /// The rules listed in the driver; by default every rule in ``RuleRegistry``.
    public var rules: [RuleDescription]

    /// - Parameters:
    ///   - toolVersion: the version of `preflight` that made the report.
    ///   - workingDirectory: absolute paths below this folder are written relative to it.
    ///   - rules: the rules to list in the log's driver.
    public init(toolVersion: String, workingDirectory: String, rules: [RuleDescription] = RuleRegistry.all) {
        self.toolVersion = toolVersion
        self.workingDirectory = workingDirectory
        self.rules = rules
    }

    public func render(_ report: LintReport) -> String {
        JSONReporter.encode(log(for: report))
    }

    /// The SARIF log for a report, as values (``render(_:)`` encodes it).
    public func log(for report: LintReport) -> SARIFLog {
        var known = rules
        // A finding from a rule that is not listed would leave its ruleIndex dangling; list such rules too.
        for finding in report.files.flatMap(\.findings) where !known.contains(where: { $0.id == finding.rule }) {
            known.append(RuleDescription(id: finding.rule, name: finding.rule, severity: finding.severity,
                                         explanation: "A rule this version of preflight does not describe."))
        }
        let index = Dictionary(known.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
        let descriptors = known.map { rule in
            SARIFLog.ReportingDescriptor(
                id: rule.id, name: rule.name,
                shortDescription: .init(text: rule.name), fullDescription: .init(text: rule.explanation),
                help: .init(text: rule.explanation),
                defaultConfiguration: .init(level: Self.level(rule.severity)))
        }
        var results: [SARIFLog.Result] = []
        for file in report.files {
            let location = artifactLocation(for: file.path)
            for finding in file.findings {
                results.append(SARIFLog.Result(
                    ruleId: finding.rule, ruleIndex: index[finding.rule] ?? 0, level: Self.level(finding.severity),
                    message: .init(text: finding.message),
                    locations: [.init(physicalLocation: .init(artifactLocation: location))],
                    properties: .init(role: file.role.rawValue, expected: finding.expected, actual: finding.actual,
                                      timestamp: finding.timestamp)))
            }
        }
        let driver = SARIFLog.Driver(name: "preflight", version: toolVersion, semanticVersion: toolVersion,
                                     informationUri: SARIFLog.informationURI, rules: descriptors)
        var bases: [String: SARIFLog.ArtifactLocation]?
        if let root = Self.directoryURI(workingDirectory) { bases = [SARIFLog.sourceRoot: .init(uri: root, uriBaseId: nil)] }
        return SARIFLog(runs: [.init(tool: .init(driver: driver), originalUriBaseIds: bases, results: results)])
    }

    /// SARIF's level for a severity.
    public static func level(_ severity: Severity) -> String {
        severity == .error ? "error" : "warning"
    }

    /// Where a file is: relative to the working directory when it lies below it (or was given relative), else a file URI.
    func artifactLocation(for path: String) -> SARIFLog.ArtifactLocation {
        if !path.hasPrefix("/") {
            let relative = path.hasPrefix("./") ? String(path.dropFirst(2)) : path
            return .init(uri: Self.percentEncoded(relative), uriBaseId: SARIFLog.sourceRoot)
        }
        let standard = URL(fileURLWithPath: path).standardizedFileURL.path
        let base = URL(fileURLWithPath: workingDirectory, isDirectory: true).standardizedFileURL.path
        let prefix = base.hasSuffix("/") ? base : base + "/"
        if standard.hasPrefix(prefix) {
            return .init(uri: Self.percentEncoded(String(standard.dropFirst(prefix.count))), uriBaseId: SARIFLog.sourceRoot)
        }
        return .init(uri: "file://" + Self.percentEncoded(standard), uriBaseId: nil)
    }

    /// The working directory as a `file://` URI ending in a slash, as SARIF wants for base ids.
    static func directoryURI(_ directory: String) -> String? {
        guard directory.hasPrefix("/") else { return nil }
        let path = URL(fileURLWithPath: directory, isDirectory: true).standardizedFileURL.path
        return "file://" + percentEncoded(path.hasSuffix("/") ? path : path + "/")
    }

    /// A path with everything but unreserved characters and `/` percent-encoded, so it is a valid URI reference.
    static func percentEncoded(_ path: String) -> String {
        var allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/")
        allowed.insert(charactersIn: "!$&'()*+,;=@")
        return path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
    }
}

/// The parts of a SARIF 2.1.0 log that ``SARIFReporter`` writes. Property names follow the specification.
public struct SARIFLog: Codable, Sendable, Equatable {
    /// Where the log says it comes from.
    public static let informationURI = "https://support.huaweicloud.com/intl/en-us/metastudio/index.html"
    /// The base id of paths relative to the working directory.
    public static let sourceRoot = "%SRCROOT%"

    /// The schema the log follows.
    public var schema = "https://json.schemastore.org/sarif-2.1.0.json"
    /// Always `2.1.0`.
    public var version = "2.1.0"
    /// One run per lint.
    public var runs: [Run]

    enum CodingKeys: String, CodingKey {
        case schema = "$schema", version, runs
    }

    /// One invocation of the tool.
    public struct Run: Codable, Sendable, Equatable {
        /// The tool that made the run.
        public var tool: Tool
        /// Absolute locations of the base ids that artifact locations use.
        public var originalUriBaseIds: [String: ArtifactLocation]?
        /// One result per finding.
        public var results: [Result]
    }

    /// The tool, as SARIF's `tool` object.
    public struct Tool: Codable, Sendable, Equatable {
        /// `preflight` itself.
        public var driver: Driver
    }

    /// The tool's driver component: its name, version and rules.
    public struct Driver: Codable, Sendable, Equatable {
        /// `preflight`.
        public var name: String
        /// The tool's version.
        public var version: String
        /// The tool's version, as a semantic version.
        public var semanticVersion: String
        /// Where to read about what the rules check.
        public var informationUri: String
        /// Every rule, in registry order; results point into it with `ruleIndex`.
        public var rules: [ReportingDescriptor]
    }

    /// A rule, as SARIF's `reportingDescriptor`.
    public struct ReportingDescriptor: Codable, Sendable, Equatable {
        /// The rule's stable identifier.
        public var id: String
        /// The rule's human name.
        public var name: String
        /// The rule's name again, as a one-line description.
        public var shortDescription: Message
        /// Why the rule exists.
        public var fullDescription: Message
        /// What to read when a file breaks the rule.
        public var help: Message
        /// The level of the rule's findings.
        public var defaultConfiguration: Configuration
    }

    /// A rule's default configuration.
    public struct Configuration: Codable, Sendable, Equatable {
        /// `error` or `warning`.
        public var level: String
    }

    /// A plain-text message.
    public struct Message: Codable, Sendable, Equatable {
        /// The text.
        public var text: String
    }

    /// One finding.
    public struct Result: Codable, Sendable, Equatable {
        /// The rule that found it.
        public var ruleId: String
        /// The rule's position in the driver's `rules`.
        public var ruleIndex: Int
        /// `error` or `warning`.
        public var level: String
        /// What is wrong and what to do about it.
        public var message: Message
        /// The file.
        public var locations: [Location]
        /// The role, what the service expects, what the file has, and where in the media the finding is, when known.
        public var properties: ResultProperties
    }

    /// A result's location.
    public struct Location: Codable, Sendable, Equatable {
        /// The file it is in.
        public var physicalLocation: PhysicalLocation
    }

    /// A location in an artifact.
    public struct PhysicalLocation: Codable, Sendable, Equatable {
        /// The file.
        public var artifactLocation: ArtifactLocation
    }

    /// A file, as a URI reference and the base it is relative to.
    public struct ArtifactLocation: Codable, Sendable, Equatable {
        /// A relative reference (with ``uriBaseId``) or an absolute `file://` URI.
        public var uri: String
        /// `%SRCROOT%` for paths relative to the working directory.
        public var uriBaseId: String?
    }

    /// The property bag of a result.
    public struct ResultProperties: Codable, Sendable, Equatable {
        /// The role the file was checked for.
        public var role: String
        /// What the service expects.
        public var expected: String?
        /// What the file has.
        public var actual: String?
        /// Seconds into the media where the finding applies, when it applies to one moment.
        public var timestamp: Double?
    }
}
