import Foundation

/// Joins part files into one file without holding them in memory.
enum FileAssembler {
    /// Appends all of `input` to `output`. On Linux the kernel copies (`sendfile`), so the bytes never pass through
    /// this process: assembling a 2 GiB upload is then bound by the disk, not by copying through user space.
    static func copyAll(from input: FileHandle, to output: FileHandle, name: String) throws {
        #if canImport(Glibc)
        while true {
            let sent = sendfile(output.fileDescriptor, input.fileDescriptor, nil, 1 << 30)
            if sent > 0 { continue }
            if sent == 0 { return }
            if errno == EINTR { continue }
            if errno == EINVAL || errno == ENOSYS { break }  // not supported here: fall back to reading and writing
            throw EmulatorError("cannot copy part \(name): \(String(cString: strerror(errno)))")
        }
        #endif
        while let chunk = try input.read(upToCount: 1 << 20), !chunk.isEmpty {
            try output.write(contentsOf: chunk)
        }
    }

    static func concatenate(_ parts: [URL], into destination: URL) throws {
        let fm = FileManager.default
        let temporary = destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).\(Randomness.hex(bytes: 4)).assembling")
        try fm.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
        // Stored files are the uploader's data: readable by the emulator's user only.
        guard fm.createFile(atPath: temporary.path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw EmulatorError("cannot create \(temporary.path)")
        }
        do {
            let output = try FileHandle(forWritingTo: temporary)
            defer { try? output.close() }
            for part in parts {
                let input = try FileHandle(forReadingFrom: part)
                defer { try? input.close() }
                try copyAll(from: input, to: output, name: part.lastPathComponent)
            }
        } catch {
            try? fm.removeItem(at: temporary)
            throw error
        }
        if fm.fileExists(atPath: destination.path) { try fm.removeItem(at: destination) }
        try fm.moveItem(at: temporary, to: destination)
    }
}
