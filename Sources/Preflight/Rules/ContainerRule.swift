import MediaProbe

/// `container.not-mp4`: the service accepts MP4 only — ISO base media with an MP4 brand, never QuickTime (`qt  `).
struct ContainerRule: Rule {
    let description = RuleDescription.containerNotMP4

    func check(_ subject: LintSubject) -> [Finding] {
        guard let media = subject.media else { return [] }
        let container = media.container
        if Self.isMP4(container) { return [] }
        let what = Self.name(of: container)
        let output = Format.replacingExtension(of: subject.path, with: "mp4")
        let input = Format.shellQuoted(subject.path)
        let target = Format.shellQuoted(output == subject.path ? Format.replacingExtension(of: subject.path, with: "remux.mp4") : output)
        let remuxable = media.videoStreams.allSatisfy { VideoRequirements.expectedCodecs.contains($0.codec ?? "") }
            && media.audioStreams.allSatisfy { ["aac", "mp3", "alac", "ac3", "eac3", "opus", "flac"].contains($0.codec ?? "") }
        let command: String
        if remuxable {
            command = "remux it to MP4 without re-encoding: ffmpeg -i \(input) -map 0:v -map 0:a? -c copy -movflags +faststart \(target)"
        } else {
            command = "its codecs cannot be copied into MP4 as they are, so re-encode it: ffmpeg -i \(input) -map 0:v -map 0:a? -c:v libx264 -crf 18 -preset slow -c:a aac -b:a 192k -movflags +faststart \(target)"
        }
        return [finding("\(what), not MP4: the review accepts MP4 only; \(command)", expected: "MP4", actual: what)]
    }

    /// Whether the container is ISO base media with an MP4 brand (major, or compatible when the major brand is not QuickTime's).
    static func isMP4(_ container: ContainerFacts) -> Bool {
        guard container.family == .isoBaseMedia, let major = container.majorBrand else { return false }
        if major == "qt  " { return false }
        if VideoRequirements.mp4Brands.contains(major) { return true }
        return container.compatibleBrands.contains { VideoRequirements.mp4Brands.contains($0) }
    }

    /// A human name for the container.
    static func name(of container: ContainerFacts) -> String {
        switch container.family {
        case .isoBaseMedia:
            switch container.majorBrand {
            case "qt  ": return "QuickTime MOV (major brand 'qt  ')"
            case nil: return "ISO base media without an ftyp brand"
            case let brand?: return "ISO base media with brand '\(brand)'"
            }
        case .matroska: return "Matroska (MKV)"
        case .webm: return "WebM"
        case .avi: return "AVI"
        case .mpegTS: return "MPEG transport stream"
        case .mpegPS: return "MPEG program stream"
        case .flv: return "FLV"
        case .image: return "a still image"
        case .zip: return "a ZIP archive"
        case .other: return "'\(container.formatName)'"
        }
    }
}
