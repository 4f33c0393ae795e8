/// The audio ZIP's rules: a readable ZIP, safe names, within limits, holding decodable audio and nothing else.
enum AudioArchiveRule: Rule, CaseIterable {
    case readable, safePaths, withinLimits, hasAudio, onlyAudio, noClutter

    var description: RuleDescription {
        switch self {
        case .readable: .archiveInvalid
        case .safePaths: .archiveUnsafePath
        case .withinLimits: .archiveTooLarge
        case .hasAudio: .archiveNoAudio
        case .onlyAudio: .archiveEntryNotAudio
        case .noClutter: .archiveClutter
        }
    }

    func check(_ subject: LintSubject) -> [Finding] {
        guard let archive = subject.archive else { return [] }
        if let failure = archive.failure {
            return self == .readable ? [finding("\(subject.path): \(failure); zip the audio files again.", expected: "a ZIP archive", actual: failure)] : []
        }
        let files = archive.entries.filter { $0.kind != .directory }
        switch self {
        case .readable:
            return []
        case .safePaths:
            return archive.entries.filter { $0.kind == .unsafePath }.map {
                finding("entry '\($0.name)' has an absolute or parent-directory name; re-create the ZIP from inside the audio folder.",
                        expected: "relative names", actual: $0.name)
            }
        case .withinLimits:
            let total = archive.entries.reduce(Int64(0)) { $0 + $1.uncompressedSize }
            guard archive.entries.count > AudioArchive.Limits.maximumEntries || total > AudioArchive.Limits.maximumExtractedBytes else {
                // Within the declared limits, but the entries' first bytes would need more than the extraction budget.
                let skipped = files.filter { $0.kind == .skipped }.count
                guard skipped > 0 else { return [] }
                let budget = Format.bytes(AudioArchive.Limits.extractionBudget)
                return [finding("\(skipped) of \(files.count) entries were not examined: checking them would extract more than Preflight's \(budget) budget; split the recordings into smaller archives.",
                                expected: "≤ \(budget) to examine", actual: "\(skipped) entries not examined")]
            }
            return [finding("the archive has \(archive.entries.count) entries and \(Format.bytes(total)) extracted; the limits are \(AudioArchive.Limits.maximumEntries) entries and \(Format.bytes(AudioArchive.Limits.maximumExtractedBytes)).",
                            expected: "≤ \(AudioArchive.Limits.maximumEntries) entries, ≤ 2 GiB", actual: "\(archive.entries.count) entries, \(Format.bytes(total))")]
        case .hasAudio:
            let audio = files.contains { if case .audio = $0.kind { return true } else { return false } }
            let skipped = files.contains { $0.kind == .skipped }
            guard !audio, !skipped else { return [] }
            return [finding("the archive holds no decodable audio (\(files.count) file\(files.count == 1 ? "" : "s")); put the WAV/MP3 recordings in it.",
                            expected: "at least one audio file", actual: "none")]
        case .onlyAudio:
            return files.compactMap { entry in
                guard case .notAudio(let reason) = entry.kind else { return nil }
                return finding("entry '\(entry.name)' is not decodable audio (\(reason)); remove it or replace it with the recording.",
                               expected: "audio", actual: entry.name)
            }
        case .noClutter:
            let clutter = files.filter { $0.kind == .clutter }.map(\.name)
            guard !clutter.isEmpty else { return [] }
            return [finding("the archive holds clutter (\(clutter.prefix(3).joined(separator: ", "))\(clutter.count > 3 ? ", …" : "")); zip with `zip -r -X audio.zip folder -x '*.DS_Store' '__MACOSX/*'`.",
                            expected: "audio files only", actual: "\(clutter.count) clutter entries")]
        }
    }
}
