import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns the paths a user gave into the files to lint.
enum FileDiscovery {
    /// Expands directories into the media files below them (recursively, sorted by path, hidden entries and symbolic
    /// links to folders skipped); keeps every other path as given, in order, without duplicates.
    ///
    /// A symbolic link given as a path is not followed into the folder it names: it is kept as a path, and the linter
    /// reports it (``isLinkToDirectory(_:)``).
    static func expand(_ paths: [String], extensions: Set<String>) -> [String] {
        var result: [String] = []
        var seen = Set<String>()
        func add(_ path: String) {
            if seen.insert(path).inserted { result.append(path) }
        }
        for path in paths {
            var isDirectory: ObjCBool = false
            guard !isSymbolicLink(path), FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                add(path)
                continue
            }
            for file in walk(path, extensions: extensions) { add(file) }
        }
        return result
    }

    /// Whether `path` itself is a symbolic link (not followed).
    static func isSymbolicLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
    }

    /// Whether `path` is a symbolic link that leads to a folder.
    static func isLinkToDirectory(_ path: String) -> Bool {
        var info = stat()
        return isSymbolicLink(path) && stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    /// Media files below a directory, sorted.
    private static func walk(_ directory: String, extensions: Set<String>) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            if name.hasPrefix(".") {
                enumerator.skipDescendants()
                continue
            }
            guard extensions.contains((name as NSString).pathExtension.lowercased()) else { continue }
            let full = directory.hasSuffix("/") ? directory + relative : directory + "/" + relative
            if isSymbolicLink(full) {
                // Neither walked into nor linted: a link can lead out of the folder the user named.
                if isLinkToDirectory(full) { enumerator.skipDescendants() }
                continue
            }
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
                files.append(full)
            }
        }
        return files.sorted()
    }
}
