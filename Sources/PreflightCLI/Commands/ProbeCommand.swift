import ArgumentParser
import Foundation
import NIOPosix
import MediaProbe
import Preflight

/// `preflight probe`: prints what MediaProbe reads from one file.
struct ProbeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "probe",
        abstract: "Print the facts read from a media file's header and index.",
        discussion: """
            Exit status: 0 the file was probed; 1 it could not be read as media; 64 usage error.

            Examples:
              preflight probe take-3.mp4
              preflight probe --format json take-3.mp4 | jq .streams
            """
    )

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Argument(help: "The media file.")
    var path: String

    func run() async throws {
        let facts: MediaFacts
        let path = self.path
        do {
            // FFmpeg blocks while it reads: run it on a thread of NIO's pool, not on Swift's cooperative pool.
            facts = try await NIOThreadPool.singleton.runIfActive { try MediaFile.probe(path) }
        } catch let error as MediaProbeError {
            printError("preflight: \(error.description)")
            throw ExitStatus.lintFailed
        }
        switch format {
        case .json: writeOut(JSONReporter.encode(facts))
        case .text: writeOut(Self.describe(facts))
        }
    }

    /// The facts as aligned `name: value` lines.
    static func describe(_ facts: MediaFacts) -> String {
        var lines: [(String, String)] = [("file", facts.path), ("size", "\(facts.fileSize) bytes")]
        var container = "\(facts.container.family.rawValue) (\(facts.container.formatName))"
        if let brand = facts.container.majorBrand {
            container += ", brand '\(brand)'"
            if !facts.container.compatibleBrands.isEmpty {
                container += ", compatible " + facts.container.compatibleBrands.map { "'\($0)'" }.joined(separator: " ")
            }
        }
        lines.append(("container", container))
        lines.append(("duration", facts.duration.map { String(format: "%.3f s", $0) } ?? "unknown"))
        if let video = facts.videoStreams.first {
            var picture = facts.videoDuration.map { String(format: "%.3f s", $0) } ?? "unknown"
            picture += " (stream \(video.index)"
            if video.duration == nil, let frames = video.frameCount, let rate = video.frameRate, facts.videoDuration != nil {
                picture += ": \(frames) frames at " + String(format: "%.3f fps", rate)
            }
            lines.append(("video duration", picture + ")"))
        }
        lines.append(("bit rate", facts.bitRate.map { "\($0) b/s" } ?? "unknown"))
        let integrity = facts.integrity
        lines.append(("index", integrity.checked
            ? "\(integrity.indexedSamples) samples, \(integrity.samplesOutsideFile) outside the file"
            : "not checked (no byte index)"))
        for stream in facts.streams {
            var parts = [stream.kind.rawValue, stream.codec ?? "unknown codec"]
            if stream.isAttachedPicture { parts.append("attached picture") }
            if let w = stream.width, let h = stream.height {
                var size = "\(w)×\(h)"
                if stream.rotation != 0, let dw = stream.displayWidth, let dh = stream.displayHeight {
                    size += " rotated \(stream.rotation)° → \(dw)×\(dh)"
                }
                parts.append(size)
            }
            if let sar = stream.sampleAspectRatio { parts.append("SAR \(sar)") }
            if let rate = stream.frameRate {
                parts.append(String(format: "%.3f fps", rate) + (stream.isVariableFrameRate == true ? " (variable)" : ""))
            }
            if let rate = stream.sampleRate { parts.append("\(rate) Hz") }
            if let channels = stream.channels { parts.append("\(channels) ch") }
            if let duration = stream.duration { parts.append(String(format: "%.3f s", duration)) }
            if let frames = stream.frameCount { parts.append("\(frames) frames") }
            lines.append(("stream \(stream.index)", parts.joined(separator: ", ")))
        }
        let width = lines.map(\.0.count).max() ?? 0
        return lines.map { "\($0.0.padding(toLength: width, withPad: " ", startingAt: 0))  \($0.1)" }.joined(separator: "\n") + "\n"
    }
}
