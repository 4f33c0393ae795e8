import Foundation
import MetaStudio
import Testing
import TestSupport
@testable import MetaStudioEmulator

@Suite("Emulator: an upload URL while an earlier PUT to it has not ended")
struct UploadTicketUseTests {
    @Test("a second PUT meanwhile is told to try again (409 OperationAborted); once the first is given up, the URL takes a PUT")
    func busyThenUsable() throws {
        let folder = try TemporaryDirectory()
        let store = try JobStore(projectID: "project-1", storageRoot: folder.url, seeded: ["job-busy-1": "AUTO_VERIFY_FAILED"])
        let request = try JSONDecoder().decode(WireJobRequest.self, from: Data("{}".utf8))
        let urls = try store.update("job-busy-1", request)
        let cover = try #require(urls.coverUploadURL.flatMap { URLComponents(string: $0) })
        let ticket = String(cover.path.split(separator: "/").last ?? "")
        func query(_ name: String) -> String? { cover.queryItems?.first { $0.name == name }?.value }
        func begin() throws(UploadError) -> UploadLease {
            try store.beginUpload(ticketID: ticket, signature: query("signature"), expires: query("expires"),
                                  contentType: "application/octet-stream")
        }

        let first = try begin()
        #expect(throws: UploadError(status: 409, code: "OperationAborted",
                                    message: "an earlier upload to this URL has not ended yet; try again")) { try begin() }
        store.abandonUpload(first)
        let second = try begin()
        #expect(second.ticketID == ticket)
    }
}
