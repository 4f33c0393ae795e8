import MediaProbe
/// `resolution.unsupported`: the displayed size must be exactly 1920×1080, 1080×1920, 3840×2160 or 2160×3840.
struct ResolutionRule: Rule {
    let description = RuleDescription.resolutionUnsupported

    func check(_ subject: LintSubject) -> [Finding] {
        guard let media = subject.media else { return [] }
        guard let video = media.videoStreams.first,
              let width = video.displayWidth ?? video.width, let height = video.displayHeight ?? video.height
        else { return [] }
        if VideoRequirements.resolutions.contains(where: { $0.width == width && $0.height == height }) { return [] }
        let accepted = "1920×1080, 1080×1920, 3840×2160 or 2160×3840"
        var shown = Format.size(width, height)
        if video.rotation != 0, let codedWidth = video.width, let codedHeight = video.height {
            shown += " (coded \(Format.size(codedWidth, codedHeight)), rotated \(video.rotation)°)"
        }
        let portrait = height > width
        let nearest = VideoRequirements.resolutions
            .filter { ($0.height > $0.width) == portrait }
            .min { abs($0.width - width) + abs($0.height - height) < abs($1.width - width) + abs($1.height - height) }
        var advice = "export the original recording at one of those sizes"
        if let nearest, width >= nearest.width, height >= nearest.height, width - nearest.width <= 64, height - nearest.height <= 64 {
            advice = "it is \(width - nearest.width) px wider and \(height - nearest.height) px taller than \(Format.size(nearest.width, nearest.height)); crop it: ffmpeg -i \(Format.shellQuoted(subject.path)) -vf crop=\(nearest.width):\(nearest.height) -c:v libx264 -crf 18 -c:a copy \(Format.shellQuoted(Format.replacingExtension(of: subject.path, with: "cropped.mp4")))"
        } else if let nearest, width < nearest.width || height < nearest.height {
            advice = "it is smaller than \(Format.size(nearest.width, nearest.height)); record or export at 1080p or 4K (scaling a smaller video up does not add detail)"
        }
        return [finding("\(shown) is not an accepted resolution (\(accepted) as displayed); \(advice).",
                        expected: accepted, actual: Format.size(width, height))]
    }
}
