import Foundation
import MetaStudioUpload
import Preflight

/// One upload URL handed out by Create or Update. The URL's query carries `secret`; it is never logged.
struct UploadTicket: Sendable {
    enum Use: Sendable { case open, inProgress, used }

    let id: String
    let jobID: String
    let role: Role
    /// 1-based part number (always 1 for single-file roles).
    let part: Int
    let round: Int
    let secret: String
    /// Unix seconds; the URL is refused after this (24 h validity, as the flow documentation states).
    let expires: Int
    var use: Use = .open
}

/// A PUT to an upload URL that passed the checks and may now stream its body to `temporaryFile`. The job, role and
/// part are the ticket's: the store reads them from it when the body is in.
struct UploadLease: Sendable {
    let ticketID: String
    let temporaryFile: URL
    /// The most body bytes accepted (``EmulatorConfiguration/maximumUploadSize``).
    let maximumSize: Int64
}

/// Why an upload was refused; answered as an OBS-style XML error.
struct UploadError: Error, Sendable, Equatable {
    var status: Int
    var code: String
    var message: String

    static func accessDenied(_ detail: String) -> UploadError {
        UploadError(status: 403, code: "AccessDenied", message: detail)
    }
    /// OBS's answer while another operation on the object is under way: try again. A PUT to a URL whose earlier PUT
    /// is still arriving (or was cut off and is not yet given up) gets it; the URL stays usable.
    static func busy() -> UploadError {
        UploadError(status: 409, code: "OperationAborted",
                    message: "an earlier upload to this URL has not ended yet; try again")
    }
    static func badContentType(_ got: String?, expected: String) -> UploadError {
        UploadError(
            status: 400, code: "InvalidArgument",
            message: "Content-Type must be \(expected), got \(got.map { "'\($0)'" } ?? "none")")
    }
    static func injected(_ status: Int) -> UploadError {
        UploadError(status: status, code: status >= 500 ? "InternalError" : "InvalidRequest", message: "fault injected by the emulator")
    }
    /// OBS's answer to a body over the single-PUT limit.
    static func tooLarge(limit: Int64) -> UploadError {
        UploadError(status: 400, code: "EntityTooLarge", message: "the body is larger than the emulator's upload limit of \(limit) bytes")
    }
    static func internalError(_ detail: String) -> UploadError {
        UploadError(status: 500, code: "InternalError", message: detail)
    }

    /// The XML body, shaped like OBS's `<Error>` answer.
    var xml: String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>\(code)</Code><Message>\(Self.escape(message))</Message></Error>"
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
