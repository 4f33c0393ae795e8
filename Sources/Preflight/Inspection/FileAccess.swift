import MediaProbe

/// File-system checks for files that are not opened through FFmpeg (grant letters, ZIPs).
enum FileAccess {
    /// The size of a regular, readable, non-empty file, or the reason it is none of those (the probe's checks).
    static func readableSize(_ path: String) -> Result<Int64, MediaProbeError> {
        Result { () throws(MediaProbeError) -> Int64 in try FileStatus.readableRegularFile(path).size }
    }
}
