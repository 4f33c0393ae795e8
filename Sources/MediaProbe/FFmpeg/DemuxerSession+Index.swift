import CFFmpeg

extension DemuxerSession {
    /// Checks every index entry of every stream against the file's size.
    ///
    /// MP4/MOV (and AVI) demuxers load the full sample table with byte positions in their header, so a file whose
    /// data was cut short shows entries past its end. Containers that index lazily or not at all (Matroska keeps its
    /// cues for later, MPEG-TS has none) come out unchecked.
    func indexIntegrity(fileSize: Int64) -> IndexIntegrity {
        var total = 0
        var outside = 0
        var furthest = Int64.min
        for stream in streams {
            let count = Int(avformat_index_get_entries_count(stream))
            for position in 0..<count {
                guard let entry = avformat_index_get_entry(stream, Int32(position)) else { continue }
                let start = entry.pointee.pos
                guard start >= 0 else { continue }
                total += 1
                let end = start + Int64(max(0, entry.pointee.size))
                furthest = max(furthest, end)
                if start >= fileSize || end > fileSize { outside += 1 }
            }
        }
        guard total > 0 else { return IndexIntegrity(checked: false, indexedSamples: 0, samplesOutsideFile: 0, indexedEnd: nil) }
        return IndexIntegrity(checked: true, indexedSamples: total, samplesOutsideFile: outside, indexedEnd: furthest)
    }

    /// Whether the decode timestamps in the stream's index step unevenly; nil when the index is too short to tell.
    ///
    /// Steps are compared with the most common one (found by majority vote). One tick of jitter (29.97 fps in a 1/1000 time base alternates
    /// 33 and 34) and steps within 2 % of it count as regular, and so do a few odd steps: muxers stretch the first
    /// frame to absorb B-frame delay, and joined recordings have one odd step per seam. The rate is variable only when
    /// more than 1 % of the steps (and more than two) are irregular.
    func variableFrameRate(of stream: UnsafeMutablePointer<AVStream>) -> Bool? {
        let count = Int(avformat_index_get_entries_count(stream))
        guard count >= 3 else { return nil }
        let discard = cffmpeg_index_discard_frame()
        var steps: [Int64] = []
        steps.reserveCapacity(count)
        var previous: Int64?
        for position in 0..<count {
            guard let entry = avformat_index_get_entry(stream, Int32(position)) else { continue }
            // Edit-list leaders the decoder drops are never shown, so they do not count.
            if Int32(entry.pointee.flags) & discard != 0 { continue }
            let timestamp = entry.pointee.timestamp
            if let previous, timestamp > previous { steps.append(timestamp - previous) }
            previous = timestamp
        }
        guard steps.count >= 2 else { return nil }
        // Majority vote: a regular stream has one step for nearly every frame. When no step holds a majority the
        // count of irregular steps below is large anyway, so the answer is the same as comparing with the mode.
        var typical: Int64 = 0
        var votes = 0
        for step in steps {
            if votes == 0 {
                typical = step
                votes = 1
            } else {
                votes += step == typical ? 1 : -1
            }
        }
        let tolerance = max(1, Int64((Double(typical) * 0.02).rounded(.down)))
        let irregular = steps.reduce(0) { $0 + (abs($1 - typical) > tolerance ? 1 : 0) }
        return irregular > max(2, steps.count / 100)
    }
}
