import Foundation
import Testing
import MediaProbe
import TestSupport

/// The content pass's audio measurements against the ffmpeg command line's `ebur128` and `astats` on the same clips.
@Suite("Content analysis agrees with ffmpeg's ebur128 and astats")
struct ContentDifferentialTests {
    /// What ffmpeg's summary lines say.
    struct Oracle {
        var integrated: Double
        var truePeak: Double
        var peakLevel: Double
        var rmsLevel: Double
    }

    /// Runs `ffmpeg -af ebur128=peak=true,astats` over the file's sound and reads the summaries it logs.
    static func oracle(_ path: String) async throws -> Oracle {
        let result = try await runProcess(
            "ffmpeg", ["-hide_banner", "-nostdin", "-nostats", "-i", path, "-map", "0:a:0",
                       "-af", "ebur128=peak=true,astats", "-f", "null", "-"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stderr.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        func last(_ prefix: String, in lines: [String]) -> Double? {
            lines.last { $0.hasPrefix(prefix) }.flatMap { line in
                Double(line.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces).split(separator: " ").first ?? "")
            }
        }
        // astats logs per channel and then "Overall"; the summary lines of ebur128 carry no filter prefix.
        let astats = lines.compactMap { line -> String? in
            guard line.contains("Parsed_astats"), let close = line.firstIndex(of: "]") else { return nil }
            return line[line.index(after: close)...].trimmingCharacters(in: .whitespaces)
        }
        guard let integrated = last("I:", in: lines), let truePeak = last("Peak:", in: lines),
              let peakLevel = last("Peak level dB:", in: astats), let rmsLevel = last("RMS level dB:", in: astats)
        else { throw TestSupportError("could not read ffmpeg's summaries: \(result.stderr)") }
        return Oracle(integrated: integrated, truePeak: truePeak, peakLevel: peakLevel, rmsLevel: rmsLevel)
    }

    @Test("integrated loudness, true peak, sample peak and RMS level match ffmpeg",
          arguments: [ContentClip.cleanLandscape, .clipped, .noisy, .quiet, .speechOpening])
    func agrees(_ clip: ContentClip) async throws {
        let url = try await ContentClipStore.shared.url(clip)
        let audio = try #require(try await onThread { try MediaFile.analyzeContent(url.path) }.audio)
        let oracle = try await Self.oracle(url.path)
        // ffmpeg prints one decimal: agreement within its rounding, plus the last partial 100 ms block.
        let integrated = try #require(audio.integratedLoudness)
        #expect(abs(integrated - oracle.integrated) <= 0.2, "I \(integrated) vs \(oracle.integrated)")
        let truePeak = try #require(audio.truePeak)
        // ebur128 hands the true peak over as frame metadata with three decimals of linear scale: exact to 0.2 dB
        // near full scale (where the clipping rule looks), to ±0.0005 linear on quiet sound (−48 dBTP ± 0.9 dB).
        let linear = { (decibels: Double) in pow(10, decibels / 20) }
        #expect(abs(truePeak - oracle.truePeak) <= 0.2 || abs(linear(truePeak) - linear(oracle.truePeak)) <= 0.0006,
                "true peak \(truePeak) vs \(oracle.truePeak)")
        #expect(abs(audio.samplePeak - oracle.peakLevel) <= 0.1, "peak \(audio.samplePeak) vs \(oracle.peakLevel)")
        #expect(abs(audio.rmsLevel - oracle.rmsLevel) <= 0.1, "RMS \(audio.rmsLevel) vs \(oracle.rmsLevel)")
    }
}
