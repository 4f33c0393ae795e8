import CFFmpeg
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A negative FFmpeg return code with the text `av_strerror` gives for it.
struct FFmpegError: Error, Equatable {
    /// The raw return code (negative).
    let code: Int32
    /// FFmpeg's message for the code.
    let message: String

    init(code: Int32) {
        self.code = code
        var buffer = [CChar](repeating: 0, count: 256)
        if av_strerror(code, &buffer, buffer.count) == 0 {
            message = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        } else {
            message = "unknown FFmpeg error \(code)"
        }
    }

    /// Whether the code means the probe ran out of time (the interrupt callback asked FFmpeg to stop).
    var isTimeout: Bool { code == cffmpeg_averror_exit() }

    /// Whether the code means memory ran out.
    var isOutOfMemory: Bool { code == cffmpeg_averror(ENOMEM) }
}

/// Turns a negative FFmpeg return code into an `FFmpegError`; passes non-negative results through.
@discardableResult
func check(_ code: Int32) throws(FFmpegError) -> Int32 {
    guard code >= 0 else { throw FFmpegError(code: code) }
    return code
}
