import Foundation
import Preflight
import MetaStudio

/// How a file of a given size is split into parts for a multipart upload.
///
/// The limits come from the object storage behind the upload URLs (OBS: every part but the last 100 KB–5 GB,
/// the last any size) and from the API (`video_multipart_count` 1–1000).
public struct PartPlan: Codable, Hashable, Sendable {
    /// Size of every part but the last, in bytes.
    public var partSize: Int64
    /// The parts in order; their lengths add up to the file size. A zero-byte file has one empty part.
    public var parts: [FilePart]

    /// The number of parts (the value sent as `video_multipart_count`).
    public var count: Int { parts.count }

    /// Smallest part the object storage accepts for a non-final part (OBS: 100 KB).
    public static let minimumPartSize: Int64 = 100 * 1024
    /// Largest part the object storage accepts (OBS: 5 GB).
    public static let maximumPartSize: Int64 = 5 * 1024 * 1024 * 1024
    /// Most parts the API accepts for one file (`video_multipart_count` ≤ 1000).
    public static let maximumPartCount = 1000
    /// The preferred part size when the user does not choose one: large enough that a part's request overhead
    /// is small, small enough that a retry resends little and four parts in flight use little memory.
    public static let preferredPartSize: Int64 = 16 * 1024 * 1024

    /// The default part size for a file: the preferred size, grown (rounded up to whole MiB) when the file
    /// would otherwise need more than 1000 parts.
    public static func defaultPartSize(forFileSize size: Int64) -> Int64 {
        let mebibyte: Int64 = 1024 * 1024
        let needed = (max(size, 0) + Int64(maximumPartCount) - 1) / Int64(maximumPartCount)
        let rounded = (needed + mebibyte - 1) / mebibyte * mebibyte
        return min(max(preferredPartSize, rounded), maximumPartSize)
    }

    /// Splits a file of `fileSize` bytes into parts of `partSize` bytes (the default when nil).
    /// - Throws: ``PartPlanError`` when the part size is outside 100 KiB–5 GiB or the file would need
    ///   more than 1000 parts (or is larger than 1000 × 5 GiB).
    public init(fileSize: Int64, partSize: Int64? = nil) throws {
        guard fileSize >= 0 else { throw PartPlanError.negativeSize(fileSize) }
        let size = partSize ?? Self.defaultPartSize(forFileSize: fileSize)
        guard size >= Self.minimumPartSize, size <= Self.maximumPartSize else {
            throw PartPlanError.partSizeOutOfRange(size)
        }
        let count = fileSize == 0 ? 1 : Int((fileSize + size - 1) / size)
        guard count <= Self.maximumPartCount else {
            throw PartPlanError.tooManyParts(fileSize: fileSize, partSize: size, count: count)
        }
        var parts: [FilePart] = []
        parts.reserveCapacity(count)
        for index in 0..<count {
            let offset = Int64(index) * size
            parts.append(FilePart(number: index + 1, offset: offset, length: min(size, fileSize - offset)))
        }
        self.partSize = size
        self.parts = parts
    }

    /// A plan with the whole file as one part (for roles that have a single upload URL).
    public static func single(fileSize: Int64) -> PartPlan {
        PartPlan(partSize: max(fileSize, 0), parts: [FilePart(number: 1, offset: 0, length: max(fileSize, 0))])
    }

    private init(partSize: Int64, parts: [FilePart]) {
        self.partSize = partSize
        self.parts = parts
    }
}

/// Why a file cannot be split as asked.
public struct PartPlanError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong and what to do instead.
    public let description: String

    static func negativeSize(_ size: Int64) -> PartPlanError {
        PartPlanError(description: "file size \(size) is negative")
    }
    static func partSizeOutOfRange(_ size: Int64) -> PartPlanError {
        PartPlanError(description: "part size \(ByteCountText.format(size)) is outside the object storage's limits "
            + "(\(ByteCountText.format(PartPlan.minimumPartSize)) to \(ByteCountText.format(PartPlan.maximumPartSize)))")
    }
    static func tooManyParts(fileSize: Int64, partSize: Int64, count: Int) -> PartPlanError {
        PartPlanError(description: "a \(ByteCountText.format(fileSize)) file in parts of \(ByteCountText.format(partSize)) "
            + "needs \(count) parts; the service accepts at most \(PartPlan.maximumPartCount): choose a larger part size")
    }
}
