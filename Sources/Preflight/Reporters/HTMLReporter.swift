import Foundation
import MediaProbe

/// One self-contained HTML page for a lint run, for people to look at: no scripts, fonts or images from elsewhere.
///
/// For each file: the verdict and the findings; with the content checks (`--deep`), a contact sheet of sampled frames
/// (the moments a finding points at are outlined and labelled, and the active picture is drawn over every frame when
/// there are black bars), and a plot of the sound's level over time with silences shaded and clipping noted.
public struct HTMLReporter: Reporter {
    public static let identifier = "html"

    /// The page's title.
    public var title: String

    /// A reporter whose pages carry `title`.
    public init(title: String = "Preflight report") {
        self.title = title
    }

    public func render(_ report: LintReport) -> String {
        let summary = report.summary
        var page = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>\(Self.escape(title))</title>
            <style>\(Self.style)</style>
            </head>
            <body>
            <h1>\(Self.escape(title))</h1>
            <p class="summary">\(summary.files) file(s): \(summary.passed) passed, \(summary.failed) failed \
            (\(summary.errors) error(s), \(summary.warnings) warning(s))</p>

            """
        for file in report.files { page += section(file) }
        page += "</body>\n</html>\n"
        return page
    }

    // MARK: - One file

    private func section(_ file: FileReport) -> String {
        let verdict = file.verdict.rawValue
        var out = "<section class=\"file\" data-verdict=\"\(verdict)\">\n"
        out += "<h2><span class=\"verdict \(verdict)\">\(verdict.uppercased())</span> \(Self.escape(file.path))</h2>\n"
        out += "<p class=\"role\">\(Self.escape(file.role.rawValue))\(Self.mediaLine(file.media))</p>\n"
        if file.findings.isEmpty {
            out += "<p class=\"clean\">No findings.</p>\n"
        } else {
            out += "<ul class=\"findings\">\n"
            for finding in file.findings {
                let time = finding.timestamp.map { " <span class=\"time\">at \(Self.seconds($0))</span>" } ?? ""
                out += "<li class=\"finding \(finding.severity.rawValue)\" data-rule=\"\(Self.escape(finding.rule))\">"
                    + "<span class=\"severity\">\(finding.severity.rawValue)</span> <code>\(Self.escape(finding.rule))</code>"
                    + "\(time): \(Self.escape(finding.message))</li>\n"
            }
            out += "</ul>\n"
        }
        if let content = file.content {
            if let video = content.video, !video.thumbnails.isEmpty { out += contactSheet(video, findings: file.findings) }
            if let audio = content.audio, !audio.windowLevels.isEmpty { out += levelPlot(audio) }
        }
        out += "</section>\n"
        return out
    }

    /// The sampled frames, each with its time; frames near a timed finding are outlined and carry its rule.
    private func contactSheet(_ video: VideoContentFacts, findings: [Finding]) -> String {
        let thumbnails = video.thumbnails
        // The moments behind each finding: the spans its rule measured, or its time stamp; every frame inside a span,
        // or the frame nearest to a moment, carries the rule.
        var flags = [[String]](repeating: [], count: thumbnails.count)
        func mark(_ index: Int?, _ rule: String) {
            if let index, !flags[index].contains(rule) { flags[index].append(rule) }
        }
        func nearest(_ time: Double) -> Int? {
            thumbnails.indices.min { abs(thumbnails[$0].time - time) < abs(thumbnails[$1].time - time) }
        }
        let tolerance = PictureMeasures.spacing(video.samples) / 2
        for finding in findings {
            let spans: [TimeSpan]
            switch finding.rule {
            case "video.black": spans = PictureMeasures.blackSegments(video.samples)
            case "video.frozen", "video.still": spans = PictureMeasures.frozenSegments(video.samples)
            case "video.cuts": spans = PictureMeasures.cuts(video.samples).map { TimeSpan(start: $0.end, end: $0.end) }
            default: spans = finding.timestamp.map { [TimeSpan(start: $0, end: $0)] } ?? []
            }
            for span in spans {
                let inside = thumbnails.indices.filter {
                    thumbnails[$0].time >= span.start - tolerance && thumbnails[$0].time <= span.end + tolerance
                }
                if inside.isEmpty { mark(nearest(span.start), finding.rule) } else { inside.forEach { mark($0, finding.rule) } }
            }
        }
        // With black bars, the active picture is drawn on every frame.
        var overlay = ""
        if findings.contains(where: { $0.rule == "picture.black-bars" }), let active = video.activePicture,
           video.displayWidth > 0, video.displayHeight > 0 {
            let left = 100 * Double(active.x) / Double(video.displayWidth)
            let top = 100 * Double(active.y) / Double(video.displayHeight)
            let width = 100 * Double(active.width) / Double(video.displayWidth)
            let height = 100 * Double(active.height) / Double(video.displayHeight)
            overlay = "<span class=\"active-picture\" style=\"left:\(Self.percent(left));top:\(Self.percent(top));"
                + "width:\(Self.percent(width));height:\(Self.percent(height))\"></span>"
        }
        var out = "<h3>Sampled frames</h3>\n<div class=\"contact-sheet\">\n"
        for (thumbnail, marks) in zip(thumbnails, flags) {
            let flagged = marks.isEmpty ? "" : " flagged"
            let label = marks.isEmpty ? "" : "<span class=\"flag\">\(marks.map(Self.escape).joined(separator: ", "))</span>"
            out += "<figure class=\"frame\(flagged)\"><div class=\"picture\"><img alt=\"frame at \(Self.seconds(thumbnail.time))\" "
                + "width=\"\(thumbnail.width)\" height=\"\(thumbnail.height)\" src=\"data:image/bmp;base64,"
                + Self.bitmap(thumbnail).base64EncodedString() + "\">\(overlay)</div>"
                + "<figcaption>\(Self.seconds(thumbnail.time))\(label)</figcaption></figure>\n"
        }
        out += "</div>\n"
        return out
    }

    /// The sound's level per window as a line from −80 to 0 dBFS, silences shaded, clipping noted.
    private func levelPlot(_ audio: AudioContentFacts) -> String {
        let width = 960.0, height = 200.0, floor = -80.0
        let levels = audio.windowLevels
        let duration = max(audio.windowSeconds * Double(levels.count), 0.001)
        // At most one point per horizontal pixel: the loudest window of each bucket.
        let buckets = min(levels.count, Int(width))
        var points: [String] = []
        for bucket in 0..<buckets {
            let from = bucket * levels.count / buckets, to = max(from + 1, (bucket + 1) * levels.count / buckets)
            let level = max(floor, min(0, levels[from..<to].max() ?? floor))
            let x = width * Double(bucket) / Double(max(1, buckets - 1))
            let y = height * (level / floor)
            points.append("\(Self.number(x)),\(Self.number(y))")
        }
        var out = "<h3>Sound level</h3>\n<svg class=\"level-plot\" viewBox=\"0 0 \(Self.number(width)) \(Self.number(height))\" "
            + "width=\"\(Self.number(width))\" height=\"\(Self.number(height))\" role=\"img\" "
            + "aria-label=\"sound level over \(Self.seconds(duration)), −80 to 0 dBFS\">\n"
        for silence in audio.silences {
            let x = width * max(0, silence.start - audio.startTime) / duration
            let w = max(1, width * silence.length / duration)
            out += "<rect class=\"silence\" x=\"\(Self.number(x))\" y=\"0\" width=\"\(Self.number(w))\" height=\"\(Self.number(height))\">"
                + "<title>silence \(Self.seconds(silence.start))–\(Self.seconds(silence.end))</title></rect>\n"
        }
        for level in [-20.0, -40.0, -60.0] {
            let y = height * (level / floor)
            out += "<line class=\"grid\" x1=\"0\" y1=\"\(Self.number(y))\" x2=\"\(Self.number(width))\" y2=\"\(Self.number(y))\"/>"
                + "<text class=\"axis\" x=\"4\" y=\"\(Self.number(y - 3))\">\(Int(level)) dBFS</text>\n"
        }
        out += "<polyline class=\"level\" points=\"\(points.joined(separator: " "))\"/>\n</svg>\n"
        var notes = ["\(Self.seconds(audio.duration)) of sound"]
        if let loudness = audio.integratedLoudness { notes.append("integrated loudness \(Self.number(loudness)) LUFS") }
        notes.append(audio.silences.isEmpty ? "no silence" : "\(audio.silences.count) silence(s), shaded")
        notes.append(audio.clippedSamples > 0
            ? "<span class=\"clipping\">clipping: \(audio.clippedSamples) of \(audio.totalSamples) samples at full scale</span>"
            : "no clipping")
        out += "<p class=\"plot-notes\">\(notes.joined(separator: "; "))</p>\n"
        return out
    }

    // MARK: - Helpers

    private static func mediaLine(_ media: MediaFacts?) -> String {
        guard let media else { return "" }
        var parts: [String] = []
        if let video = media.streams.first(where: { $0.kind == .video && !$0.isAttachedPicture }),
           let width = video.displayWidth, let height = video.displayHeight {
            parts.append("\(width)×\(height)")
            if let codec = video.codec { parts.append(escape(codec)) }
        }
        if let duration = media.duration { parts.append(seconds(duration)) }
        return parts.isEmpty ? "" : " · " + parts.joined(separator: ", ")
    }

    /// A 24-bit BMP of the thumbnail (bottom-up rows, each padded to 4 bytes), which every browser shows.
    static func bitmap(_ thumbnail: Thumbnail) -> Data {
        let rowBytes = (thumbnail.width * 3 + 3) / 4 * 4
        let pixelBytes = rowBytes * thumbnail.height
        var data = Data()
        func append32(_ value: Int) { withUnsafeBytes(of: UInt32(value).littleEndian) { data.append(contentsOf: $0) } }
        func append16(_ value: Int) { withUnsafeBytes(of: UInt16(value).littleEndian) { data.append(contentsOf: $0) } }
        data.append(contentsOf: [0x42, 0x4D])
        append32(54 + pixelBytes); append32(0); append32(54)
        append32(40); append32(thumbnail.width); append32(thumbnail.height); append16(1); append16(24)
        append32(0); append32(pixelBytes); append32(2835); append32(2835); append32(0); append32(0)
        let padding = [UInt8](repeating: 0, count: rowBytes - thumbnail.width * 3)
        for row in (0..<thumbnail.height).reversed() {
            for column in 0..<thumbnail.width {
                let at = (row * thumbnail.width + column) * 3
                guard at + 2 < thumbnail.rgb.count else { data.append(contentsOf: [0, 0, 0]); continue }
                data.append(contentsOf: [thumbnail.rgb[at + 2], thumbnail.rgb[at + 1], thumbnail.rgb[at]])
            }
            data.append(contentsOf: padding)
        }
        return data
    }

    static func escape(_ text: String) -> String { MarkupText.escaped(text) }

    private static func seconds(_ value: Double) -> String { String(format: "%.1f s", value) }
    private static func number(_ value: Double) -> String { String(format: "%.1f", value) }
    private static func percent(_ value: Double) -> String { String(format: "%.2f%%", value) }

    private static let style = """
        body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#222;background:#fff}
        h1{font-size:22px}h2{font-size:16px;margin:0 0 4px}h3{font-size:14px;margin:16px 0 6px}
        .file{border:1px solid #ccc;border-radius:6px;padding:12px 16px;margin:16px 0}
        .verdict{display:inline-block;padding:1px 8px;border-radius:4px;color:#fff;font-size:12px}
        .verdict.pass{background:#2e7d32}.verdict.fail{background:#c62828}
        .role{color:#555;margin:0 0 8px}.findings{padding-left:18px}
        .finding.error .severity{color:#c62828;font-weight:600}.finding.warning .severity{color:#b26a00;font-weight:600}
        .time{color:#555}
        .contact-sheet{display:flex;flex-wrap:wrap;gap:6px}
        .frame{margin:0;border:2px solid transparent;border-radius:3px}.frame.flagged{border-color:#c62828}
        .picture{position:relative;line-height:0}.picture img{display:block;width:120px;height:auto;image-rendering:pixelated}
        .active-picture{position:absolute;border:1px dashed #ffeb3b;box-sizing:border-box}
        figcaption{font-size:11px;color:#555;text-align:center}.flag{display:block;color:#c62828}
        .level-plot{max-width:100%;height:auto;background:#fafafa;border:1px solid #ddd}
        .level{fill:none;stroke:#1565c0;stroke-width:1.5}.silence{fill:#bdbdbd;opacity:.6}
        .grid{stroke:#e0e0e0}.axis{font-size:10px;fill:#777}.clipping{color:#c62828;font-weight:600}
        """
}
