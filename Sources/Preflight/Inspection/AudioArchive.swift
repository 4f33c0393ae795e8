import Foundation
import MediaProbe
import ZIPFoundation

/// What an audio ZIP holds: every entry, and for each whether FFmpeg decodes it as audio.
///
/// Only Preflight reads archives (the linter, for the audio-ZIP rules), so there is no public initialiser.
public struct AudioArchive: Sendable, Codable, Equatable {
    /// One entry of the archive.
    public struct Entry: Sendable, Codable, Equatable {
        /// The entry's name inside the archive.
        public var name: String
        /// Its size once extracted, in bytes.
        public var uncompressedSize: Int64
        /// What it is.
        public var kind: Kind
    }

    /// What an entry turned out to be.
    public enum Kind: Sendable, Codable, Equatable {
        /// Decodable audio.
        case audio(codec: String?, sampleRate: Int?, channels: Int?)
        /// A file FFmpeg does not decode as audio, and why.
        case notAudio(reason: String)
        /// A folder entry.
        case directory
        /// Operating-system clutter such as `__MACOSX/` or `.DS_Store`.
        case clutter
        /// A name that would write outside the extraction folder (absolute, or with `..`).
        case unsafePath
        /// Not examined because the archive is over the limits.
        case skipped
    }

    /// Why the archive as a whole could not be read; nil when it could.
    public var failure: String?
    /// The entries in archive order.
    public var entries: [Entry]

    /// Limits chosen for the audio ZIP: the contract names none, so these guard against archive bombs and mistakes.
    public enum Limits {
        /// Entries at most.
        public static let maximumEntries = 1000
        /// Total extracted size at most (2 GiB), as the archive declares it.
        public static let maximumExtractedBytes: Int64 = 2 * 1024 * 1024 * 1024
        /// The most bytes of one entry written to disk for decoding (4 MiB): FFmpeg recognises and decodes the first
        /// frame of an audio file from its first few MiB.
        public static let maximumBytesExaminedPerEntry: Int64 = 4 * 1024 * 1024
        /// The most bytes written to disk while examining one archive (1 GiB); entries beyond it are skipped.
        public static let extractionBudget: Int64 = 1024 * 1024 * 1024
    }

    /// Opens the ZIP at `path`, and decodes the start of every audio entry with FFmpeg (each entry's first bytes
    /// streamed to a temporary file, at most ``Limits/maximumBytesExaminedPerEntry`` of each and
    /// ``Limits/extractionBudget`` in all).
    static func inspect(_ path: String) -> AudioArchive {
        inspectCounting(path).archive
    }

    /// ``inspect(_:)``, also saying how many bytes were written to disk on the way.
    static func inspectCounting(_ path: String, budget: Int64 = Limits.extractionBudget) -> (archive: AudioArchive, bytesWritten: Int64) {
        // Look for the end record where it must be before ZIPFoundation scans the whole file backwards for one.
        guard ZipEndRecord.locate(path: path) != nil else {
            return (AudioArchive(failure: "not a readable ZIP archive (no end-of-central-directory record at its end)", entries: []), 0)
        }
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            return (AudioArchive(failure: "not a readable ZIP archive", entries: []), 0)
        }
        let all = Array(archive)
        let total = all.reduce(Int64(0)) { $0 + Int64(clamping: $1.uncompressedSize) }
        let overLimits = all.count > Limits.maximumEntries || total > Limits.maximumExtractedBytes
        guard let scratch = try? FileManager.default.url(
            for: .itemReplacementDirectory, in: .userDomainMask, appropriateFor: URL(fileURLWithPath: NSTemporaryDirectory()), create: true)
        else { return (AudioArchive(failure: "no temporary folder to extract entries into", entries: []), 0) }
        defer { try? FileManager.default.removeItem(at: scratch) }

        var written: Int64 = 0
        var entries: [Entry] = []
        for (number, entry) in all.enumerated() {
            let name = entry.path
            let size = Int64(clamping: entry.uncompressedSize)
            let leaf = (name as NSString).lastPathComponent
            let kind: Kind
            if name.hasPrefix("/") || name.split(separator: "/").contains("..") || name.contains("\\") {
                kind = .unsafePath
            } else if entry.type == .directory {
                kind = .directory
            } else if name.hasPrefix("__MACOSX/") || leaf == ".DS_Store" || leaf == "Thumbs.db" {
                kind = .clutter
            } else if overLimits {
                kind = .skipped
            } else if entry.type == .symlink {
                kind = .notAudio(reason: "a symbolic link")
            } else {
                let cap = min(size, Limits.maximumBytesExaminedPerEntry)
                if written + cap > budget {
                    kind = .skipped
                } else {
                    let ext = (leaf as NSString).pathExtension
                    let target = scratch.appendingPathComponent("entry-\(number)" + (ext.isEmpty ? "" : ".\(ext)"))
                    let extraction = EntryExtraction.run(archive, entry, declaredSize: size, cap: cap, to: target.path)
                    written += extraction.written
                    kind = extraction.kind ?? Self.decode(target.path, declaredSize: size, examined: extraction.written)
                    try? FileManager.default.removeItem(at: target)
                }
            }
            entries.append(Entry(name: name, uncompressedSize: size, kind: kind))
        }
        return (AudioArchive(failure: nil, entries: entries), written)
    }

    /// Decodes the first audio frame of an extracted entry (or of its first bytes).
    private static func decode(_ path: String, declaredSize: Int64, examined: Int64) -> Kind {
        do {
            let decoded = try MediaFile.decodeFirstFrame(path, kind: .audio)
            return .audio(codec: decoded.codec, sampleRate: decoded.sampleRate, channels: decoded.channels)
        } catch {
            let partial = examined < declaredSize ? " in its first \(ByteCountText.format(examined))" : ""
            return .notAudio(reason: Self.reason(error) + partial)
        }
    }

    private static func reason(_ error: MediaProbeError) -> String {
        switch error.reason {
        case .empty: return "empty"
        case .undecodable(let detail): return detail
        case .notMedia: return "not a media file FFmpeg recognises"
        default: return error.description
        }
    }
}
