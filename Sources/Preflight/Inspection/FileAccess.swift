import Foundation
import MediaProbe

/// File-system checks for files that are not opened through FFmpeg (grant letters, ZIPs).
enum FileAccess {
    /// The size of a regular, readable, non-empty file, or the reason it is none of those.
    static func readableSize(_ path: String) -> Result<Int64, MediaProbeError> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return .failure(MediaProbeError(path: path, reason: .notFound))
        }
        if isDirectory.boolValue { return .failure(MediaProbeError(path: path, reason: .isDirectory)) }
        guard access(path, R_OK) == 0 else { return .failure(MediaProbeError(path: path, reason: .permissionDenied)) }
        let size = ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.int64Value ?? 0
        if size == 0 { return .failure(MediaProbeError(path: path, reason: .empty)) }
        return .success(size)
    }
}
