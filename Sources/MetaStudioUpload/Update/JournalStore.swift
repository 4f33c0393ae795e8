import Foundation
import NIOConcurrencyHelpers
import NIOPosix

/// Serialises changes to a journal and writes each change through to disk.
///
/// A change and its write (temporary file, fsync, rename) happen together under one lock on a thread of
/// `threadPool`, so writes land in the order of the changes and none of them blocks Swift's cooperative pool.
final class JournalStore: Sendable {
    private let state: NIOLockedValueBox<UpdateJournal>
    let url: URL?
    private let threadPool: NIOThreadPool

    init(journal: UpdateJournal, url: URL?, threadPool: NIOThreadPool = .singleton) {
        self.state = NIOLockedValueBox(journal)
        self.url = url
        self.threadPool = threadPool
    }

    /// The journal as it stands.
    var journal: UpdateJournal { state.withLockedValue { $0 } }

    func save() async throws {
        try await change { _ in }
    }

    func markUploaded(fileIndex: Int, partNumber: Int, md5: String?) async throws {
        try await change { journal in
            guard journal.files.indices.contains(fileIndex),
                  let index = journal.files[fileIndex].parts.firstIndex(where: { $0.part.number == partNumber })
            else { return }
            journal.files[fileIndex].parts[index].uploaded = true
            if let md5 { journal.files[fileIndex].parts[index].md5 = md5 }
        }
    }

    func recordCommand(_ command: String) async throws {
        try await change { $0.commandsSent.append(command) }
    }

    private func change(_ apply: @escaping @Sendable (inout UpdateJournal) -> Void) async throws {
        guard let url else {
            state.withLockedValue(apply)
            return
        }
        let state = self.state
        try await threadPool.runIfActive {
            try state.withLockedValue { journal in
                apply(&journal)
                try JournalFileIO.write(journal, to: url)
            }
        }
    }
}
