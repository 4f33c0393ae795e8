import ArgumentParser
import Foundation

/// The report formats `lint` writes.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, sarif, junit, html
}

/// One `--output`: a file, and the format to write to it (nil: the `--format` one).
struct ReportDestination {
    var format: ReportFormat?
    var path: String

    /// Checks a command's `--output` list: at most one bare FILE, and no file named twice.
    static func validate(_ destinations: [ReportDestination]) throws {
        if destinations.filter({ $0.format == nil }).count > 1 {
            throw ValidationError("Only one --output may be a bare FILE (it takes the --format report); give the others as FORMAT:FILE.")
        }
        var seen = Set<String>()
        for destination in destinations
        where !seen.insert(URL(fileURLWithPath: destination.path).standardizedFileURL.path).inserted {
            throw ValidationError("Two --output options name the same file, \(destination.path); give each report a file of its own.")
        }
    }

    /// Parses `FORMAT:FILE` or `FILE`. A prefix before the first colon that holds no slash is a format, and must be a
    /// known one; a file whose name has a colon can be given as `./name:with:colon`.
    static func parse(_ argument: String) throws -> ReportDestination {
        let formats = ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")
        if let colon = argument.firstIndex(of: ":"), !argument[..<colon].contains("/") {
            let name = String(argument[..<colon])
            guard let format = ReportFormat(rawValue: name.lowercased()) else {
                throw ValidationError("unknown report format '\(name)' in --output \(argument); the formats are \(formats) (write ./\(argument) for a file whose name has a colon)")
            }
            let path = String(argument[argument.index(after: colon)...])
            guard !path.isEmpty else { throw ValidationError("--output \(argument) names no file after the format") }
            return ReportDestination(format: format, path: path)
        }
        guard !argument.isEmpty else { throw ValidationError("--output needs a file name") }
        return ReportDestination(format: nil, path: argument)
    }
}
