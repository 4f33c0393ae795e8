import MediaProbe

/// The report for people: one line per file with its verdict, its findings indented below, and a summary line.
public struct TextReporter: Reporter {
    public static let identifier = "text"

    /// Whether to colour verdicts and severities with ANSI escapes (only on a terminal).
    public var colour: Bool
    /// Whether to show only failing files, and no summary line (`--quiet`); a run where every file passes prints nothing.
    public var onlyFailing: Bool

    /// - Parameters:
    ///   - colour: colour verdicts and severities with ANSI escapes.
    ///   - onlyFailing: list only failing files (with all their findings) and leave out the summary line.
    public init(colour: Bool = false, onlyFailing: Bool = false) {
        self.colour = colour
        self.onlyFailing = onlyFailing
    }

    public func render(_ report: LintReport) -> String {
        var out = ""
        for file in report.files where !onlyFailing || file.verdict == .fail {
            let verdict = file.verdict == .pass ? paint("PASS", .green) : paint("FAIL", .red)
            // A file name may hold a newline or an escape sequence: written raw it could forge a line such as `PASS …`.
            out += "\(verdict)  \(Format.escapingControlCharacters(file.path))\(Self.summary(of: file))\n"
            for finding in file.findings {
                let severity = finding.severity == .error ? paint("error  ", .red) : paint("warning", .yellow)
                out += "      \(severity) \(finding.rule): \(Format.escapingControlCharacters(finding.message))\n"
            }
        }
        if onlyFailing { return out }
        let s = report.summary
        out += "\(s.files) file\(s.files == 1 ? "" : "s"): \(s.passed) passed, \(s.failed) failed"
        out += " (\(s.errors) error\(s.errors == 1 ? "" : "s"), \(s.warnings) warning\(s.warnings == 1 ? "" : "s"))\n"
        return out
    }

    /// A short parenthesised description of the file's media: role, size, length, codec.
    static func summary(of file: FileReport) -> String {
        var parts = [file.role.rawValue]
        if let media = file.media {
            if let video = media.videoStreams.first, let w = video.displayWidth ?? video.width, let h = video.displayHeight ?? video.height {
                parts.append("\(w)×\(h)")
                if let codec = video.codec { parts.append(codec) }
            }
            if let duration = media.duration { parts.append(Format.seconds(duration)) }
            if let picture = media.videoDuration, Format.seconds(picture) != media.duration.map(Format.seconds) {
                parts.append("picture \(Format.seconds(picture))")
            }
        }
        return "  (" + parts.joined(separator: ", ") + ")"
    }

    enum Colour: String { case red = "31", green = "32", yellow = "33" }

    func paint(_ text: String, _ c: Colour) -> String {
        colour ? "\u{1B}[\(c.rawValue)m\(text)\u{1B}[0m" : text
    }
}
