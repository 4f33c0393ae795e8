/// An error answer of the emulated service: HTTP status plus the `{"error_code", "error_msg"}` body.
///
/// Codes follow the ones the contract lists (§6); where the service's code is undocumented the emulator
/// picks the closest listed one and says so in the message.
struct APIError: Error, Sendable, Equatable {
    var status: Int
    var code: String
    var message: String

    var body: WireError { WireError(errorCode: code, errorMsg: message) }

    /// A body that is JSON but whose fields are wrong.
    static func invalidBody(_ detail: String) -> APIError {
        APIError(status: 400, code: "MSS.00000002", message: "Invalid body: \(detail)")
    }
    /// A wrong path or query parameter.
    static func invalidParameter(_ detail: String) -> APIError {
        APIError(status: 400, code: "MSS.00000003", message: "Invalid parameter: \(detail)")
    }
    /// A body that is not JSON at all.
    static func requestJSON(_ detail: String) -> APIError {
        APIError(status: 400, code: "MSS.10000002", message: "Request JSON exception: \(detail)")
    }
    /// A call the job's state does not allow (the service's own code for this is undocumented).
    static func wrongState(job: String, state: String, call: String, allowed: [String]) -> APIError {
        APIError(
            status: 400, code: "MSS.10000003",
            message: "Parameter validation abnormal: job \(job) is in state \(state); \(call) is allowed only in "
                + allowed.joined(separator: ", "))
    }
    /// An unknown job id (404 is the emulator's choice; the service's answer is undocumented).
    static func jobNotFound(_ job: String) -> APIError {
        APIError(status: 404, code: "MSS.00000003", message: "Invalid parameter: job \(job) does not exist")
    }
    /// The path's project id is not the configured one.
    static func projectMismatch(_ project: String) -> APIError {
        APIError(status: 400, code: "MSS.00010009", message: "urlTenantID is not equal tokenTenantID (project \(project) is not this emulator's project)")
    }
    /// Authentication failed; the message says which check failed but never echoes a secret.
    static func unauthorized(_ detail: String) -> APIError {
        APIError(status: 401, code: "APIGW.0301", message: "Incorrect IAM authentication information: \(detail)")
    }
    /// No such API.
    static func apiNotFound(_ method: String, _ path: String) -> APIError {
        APIError(status: 404, code: "APIGW.0101", message: "The API does not exist or has not been published: \(method) \(path)")
    }
    /// A known path with an unsupported method.
    static func methodNotAllowed(_ method: String, _ path: String) -> APIError {
        APIError(status: 400, code: "MSS.00010004", message: "SR.method not allowed: \(method) \(path)")
    }
    /// A status injected by a test fault.
    static func injected(_ status: Int) -> APIError {
        APIError(
            status: status, code: status >= 500 ? "MSS.00000004" : "MSS.00000003",
            message: "\(status >= 500 ? "Internal Error" : "Request rejected") (fault injected by the emulator)")
    }
    /// Something broke inside the emulator.
    static func internalError(_ detail: String) -> APIError {
        APIError(status: 500, code: "MSS.00000004", message: "Internal Error: \(detail)")
    }
}
