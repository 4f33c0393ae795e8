public import MediaProbe

/// What the content rules read from the sampled pictures: black, frozen and cut segments, judged against
/// `ContentThresholds`.
public enum PictureMeasures {
    /// Whether a sampled picture is black (`ContentThresholds.blackPictureShare` of its pixels dark).
    public static func isBlack(_ sample: FrameSample) -> Bool { sample.darkShare >= ContentThresholds.blackPictureShare }

    /// Whether a sample shows the same picture as the one before it (no block mean moved by the frozen threshold).
    public static func isFrozen(_ sample: FrameSample) -> Bool {
        guard let difference = sample.maxBlockDifference else { return false }
        return difference < ContentThresholds.frozenBlockDifference
    }

    /// The usual spacing of the samples, in seconds (their median step); 1 s when there are fewer than two.
    public static func spacing(_ samples: [FrameSample]) -> Double {
        let steps = zip(samples.dropFirst(), samples).map { $0.time - $1.time }.filter { $0 > 0 }.sorted()
        return steps.isEmpty ? 1 : steps[steps.count / 2]
    }

    /// Runs of black samples, each from its first sample to one spacing after its last.
    public static func blackSegments(_ samples: [FrameSample]) -> [TimeSpan] {
        let step = spacing(samples)
        return runs(samples.indices.filter { isBlack(samples[$0]) })
            .map { TimeSpan(start: samples[$0.lowerBound].time, end: samples[$0.upperBound].time + step) }
    }

    /// Runs of frozen steps (black pairs left out: black is judged on its own), each from the sample before the run
    /// to its last sample.
    public static func frozenSegments(_ samples: [FrameSample]) -> [TimeSpan] {
        let frozen = samples.indices.dropFirst().filter { index in
            isFrozen(samples[index]) && !(isBlack(samples[index]) && isBlack(samples[index - 1]))
        }
        return runs(frozen).map { TimeSpan(start: samples[$0.lowerBound - 1].time, end: samples[$0.upperBound].time) }
    }

    /// The share of sample-to-sample steps that are frozen (black pairs left out); nil with fewer than three steps.
    public static func frozenShare(_ samples: [FrameSample]) -> Double? {
        let steps = samples.indices.dropFirst().filter { !(isBlack(samples[$0]) && isBlack(samples[$0 - 1])) }
        guard steps.count >= 3 else { return nil }
        return Double(steps.filter { isFrozen(samples[$0]) }.count) / Double(steps.count)
    }

    /// Hard cuts: single large jumps between two steadier stretches, each as the span between the two samples.
    public static func cuts(_ samples: [FrameSample]) -> [TimeSpan] {
        var found: [TimeSpan] = []
        for index in samples.indices.dropFirst() {
            guard let difference = samples[index].difference, difference >= ContentThresholds.cutMinimumDifference,
                  !isBlack(samples[index]), !isBlack(samples[index - 1])
            else { continue }
            let before = index >= 2 ? samples[index - 1].difference ?? 0 : 0
            let after = index + 1 < samples.count ? samples[index + 1].difference ?? 0 : 0
            guard difference >= ContentThresholds.cutContrast * max(before, after, 1) else { continue }
            found.append(TimeSpan(start: samples[index - 1].time, end: samples[index].time))
        }
        return found
    }

    /// Consecutive indices grouped into closed ranges.
    static func runs(_ indices: [Int]) -> [ClosedRange<Int>] {
        var result: [ClosedRange<Int>] = []
        for index in indices {
            if let last = result.last, last.upperBound + 1 == index {
                result[result.count - 1] = last.lowerBound...index
            } else {
                result.append(index...index)
            }
        }
        return result
    }
}

/// What the content rules read from the decoded sound, judged against `ContentThresholds`.
public enum SoundMeasures {
    /// Whether the track holds no usable signal: its peak below `silentPeak`, or `silentShare` of it silent.
    public static func isSilent(_ audio: AudioContentFacts) -> Bool {
        audio.samplePeak < ContentThresholds.silentPeak || audio.silentShare >= ContentThresholds.silentShare
    }

    /// The noise floor: the `noiseFloorPercentile` of the window levels, in dBFS; nil with no windows.
    public static func noiseFloor(_ audio: AudioContentFacts) -> Double? {
        let levels = audio.windowLevels.sorted()
        guard !levels.isEmpty else { return nil }
        let position = min(levels.count - 1, Int((Double(levels.count - 1) * ContentThresholds.noiseFloorPercentile).rounded(.down)))
        return levels[position]
    }

    /// The loudest window that starts inside the opening: its level (dBFS) and its start (seconds, file time).
    public static func loudestOpeningWindow(_ audio: AudioContentFacts) -> (level: Double, time: Double)? {
        var loudest: (level: Double, time: Double)?
        for (index, level) in audio.windowLevels.enumerated() {
            let start = audio.startTime + Double(index) * audio.windowSeconds
            guard start < ContentThresholds.openingSeconds else { break }
            if level > (loudest?.level ?? -.infinity) { loudest = (level, start) }
        }
        return loudest
    }
}
