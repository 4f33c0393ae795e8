import Foundation
import MediaProbe
import ZIPFoundation

/// What an audio ZIP holds: every entry, and for each whether FFmpeg decodes it as audio.
public struct AudioArchive: Sendable, Codable, Equatable {
    /// One entry of the archive.
    public struct Entry: Sendable, Codable, Equatable {
        /// The entry's name inside the archive.
        public var name: String
        /// Its size once extracted, in bytes.
        public var uncompressedSize: Int64
        /// What it is.
        public var kind: Kind

        public init(name: String, uncompressedSize: Int64, kind: Kind) {
            self.name = name
            self.uncompressedSize = uncompressedSize
            self.kind = kind
        }
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

    public init(failure: String?, entries: [Entry]) {
        self.failure = failure
        self.entries = entries
    }

    /// Limits chosen for the audio ZIP: the contract names none, so these guard against archive bombs and mistakes.
    public enum Limits {
        /// Entries at most.
        public static let maximumEntries = 1000
        /// Total extracted size at most (2 GiB).
        public static let maximumExtractedBytes: Int64 = 2 * 1024 * 1024 * 1024
    }

    /// Opens the ZIP at `path`, and decodes the start of every audio entry with FFmpeg (each extracted to a temporary file).
    static func inspect(_ path: String) -> AudioArchive {
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            return AudioArchive(failure: "not a readable ZIP archive", entries: [])
        }
        let all = Array(archive)
        let total = all.reduce(Int64(0)) { $0 + Int64(clamping: $1.uncompressedSize) }
        let overLimits = all.count > Limits.maximumEntries || total > Limits.maximumExtractedBytes
        guard let scratch = try? FileManager.default.url(
            for: .itemReplacementDirectory, in: .userDomainMask, appropriateFor: URL(fileURLWithPath: NSTemporaryDirectory()), create: true)
        else { return AudioArchive(failure: "no temporary folder to extract entries into", entries: []) }
        defer { try? FileManager.default.removeItem(at: scratch) }

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
            } else {
                let ext = (leaf as NSString).pathExtension
                let target = scratch.appendingPathComponent("entry-\(number)" + (ext.isEmpty ? "" : ".\(ext)"))
                do {
                    _ = try archive.extract(entry, to: target, skipCRC32: false)
                    let decoded = try MediaFile.decodeFirstFrame(target.path, kind: .audio)
                    kind = .audio(codec: decoded.codec, sampleRate: decoded.sampleRate, channels: decoded.channels)
                } catch let error as MediaProbeError {
                    kind = .notAudio(reason: Self.reason(error))
                } catch {
                    kind = .notAudio(reason: "could not be extracted (damaged entry)")
                }
                try? FileManager.default.removeItem(at: target)
            }
            entries.append(Entry(name: name, uncompressedSize: size, kind: kind))
        }
        return AudioArchive(failure: nil, entries: entries)
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
