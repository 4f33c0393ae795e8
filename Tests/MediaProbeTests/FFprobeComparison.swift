import Testing
import MediaProbe
import TestSupport

/// Checks MediaProbe's facts against ffprobe's JSON for the same file, field by field.
///
/// ffprobe decodes a few frames (`avformat_find_stream_info`) while MediaProbe reads the header only, so values that
/// only the bitstream carries (an H.264 sample aspect ratio without a container `pasp`) are compared only when
/// MediaProbe reports them.
func expectFacts(_ facts: MediaFacts, match report: FFprobeReport, file: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let format = report.format
    #expect(facts.container.formatName == format.format_name, "\(file): format name", sourceLocation: sourceLocation)
    if let size = format.size.flatMap(Int64.init) {
        #expect(facts.fileSize == size, "\(file): file size", sourceLocation: sourceLocation)
    }
    expectClose(facts.duration, format.duration.flatMap(Double.init), tolerance: 0.002, "\(file): format duration", sourceLocation)
    if let expected = format.bit_rate.flatMap(Double.init) {
        expectClose(facts.bitRate.map(Double.init), expected, tolerance: max(1, expected * 0.001), "\(file): format bit rate", sourceLocation)
    }
    if facts.container.family == .isoBaseMedia {
        #expect(facts.container.majorBrand == format.tags?["major_brand"], "\(file): major brand", sourceLocation: sourceLocation)
        if let compatible = format.tags?["compatible_brands"] {
            #expect(facts.container.compatibleBrands.joined() == compatible, "\(file): compatible brands", sourceLocation: sourceLocation)
        }
    }

    #expect(facts.streams.count == report.streams.count, "\(file): stream count", sourceLocation: sourceLocation)
    // The picture's length the duration rules judge: ffprobe's duration for the first moving-picture stream, where it
    // states one (else MediaProbe falls back to frames ÷ rate, which ffprobe does not compute).
    let pictures = report.streams.filter { $0.codec_type == "video" && !$0.isAttachedPicture }
    if let expected = pictures.first?.duration.flatMap(Double.init) {
        expectClose(facts.videoDuration, expected, tolerance: 0.002, "\(file): video duration", sourceLocation)
    }
    for (ours, theirs) in zip(facts.streams, report.streams) {
        let label = "\(file) stream \(theirs.index)"
        #expect(ours.index == theirs.index, "\(label): index", sourceLocation: sourceLocation)
        #expect(ours.kind.rawValue == (theirs.codec_type ?? "unknown"), "\(label): kind", sourceLocation: sourceLocation)
        #expect(ours.codec == theirs.codec_name, "\(label): codec", sourceLocation: sourceLocation)
        #expect(ours.isAttachedPicture == theirs.isAttachedPicture, "\(label): attached picture", sourceLocation: sourceLocation)
        if let expected = theirs.duration.flatMap(Double.init) {
            expectClose(ours.duration, expected, tolerance: 0.002, "\(label): duration", sourceLocation)
        }
        #expect(ours.frameCount == theirs.nb_frames.flatMap(Int.init), "\(label): frame count", sourceLocation: sourceLocation)
        if let expected = theirs.bit_rate.flatMap(Double.init), let actual = ours.bitRate {
            expectClose(Double(actual), expected, tolerance: max(1, expected * 0.001), "\(label): bit rate", sourceLocation)
        }
        switch ours.kind {
        case .video:
            // ffprobe prints 0 for a size it does not know (a damaged picture); MediaProbe says nil.
            let theirWidth = theirs.width == 0 ? nil : theirs.width, theirHeight = theirs.height == 0 ? nil : theirs.height
            #expect(ours.width == theirWidth, "\(label): width", sourceLocation: sourceLocation)
            #expect(ours.height == theirHeight, "\(label): height", sourceLocation: sourceLocation)
            let rotation = theirs.rotation.map { ((Int($0.rounded()) % 360) + 360) % 360 } ?? 0
            #expect(ours.rotation == rotation, "\(label): rotation", sourceLocation: sourceLocation)
            if let width = theirWidth, let height = theirHeight {
                let quarterTurn = rotation == 90 || rotation == 270
                #expect(ours.displayWidth == (quarterTurn ? height : width), "\(label): display width", sourceLocation: sourceLocation)
                #expect(ours.displayHeight == (quarterTurn ? width : height), "\(label): display height", sourceLocation: sourceLocation)
            }
            if !ours.isAttachedPicture {
                expectClose(ours.frameRate, theirs.averageFrameRate, tolerance: 0.001, "\(label): average frame rate", sourceLocation)
            }
            if let aspect = ours.sampleAspectRatio {
                #expect(aspect.description == theirs.sample_aspect_ratio, "\(label): sample aspect ratio", sourceLocation: sourceLocation)
            }
        case .audio:
            #expect(ours.sampleRate == theirs.sample_rate.flatMap(Int.init), "\(label): sample rate", sourceLocation: sourceLocation)
            #expect(ours.channels == theirs.channels, "\(label): channels", sourceLocation: sourceLocation)
        default:
            break
        }
    }
}

/// Expects both values absent, or both present and within `tolerance` of each other.
func expectClose(_ actual: Double?, _ expected: Double?, tolerance: Double, _ what: String, _ sourceLocation: SourceLocation) {
    switch (actual, expected) {
    case (nil, nil):
        break
    case let (actual?, expected?):
        #expect(abs(actual - expected) <= tolerance, "\(what): \(actual) vs ffprobe's \(expected)", sourceLocation: sourceLocation)
    default:
        Issue.record("\(what): \(String(describing: actual)) vs ffprobe's \(String(describing: expected))", sourceLocation: sourceLocation)
    }
}
