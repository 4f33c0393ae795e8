import Foundation

/// An error answer of the service (HTTP status ≥ 400), keeping everything it said.
public struct MetaStudioServiceError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The HTTP status, e.g. 400.
    public let statusCode: Int
    /// The service's error code (`error_code`, or `errorCode`/`code`), e.g. `MSS.00000003`.
    public let errorCode: String?
    /// The service's message (`error_msg`, or `errorMsg`/`message`).
    public let errorMessage: String?
    /// The `X-Request-Id` response header, to quote when asking for support.
    public let requestID: String?
    /// The body as text when it was not a JSON error object (at most 2,000 characters).
    public let rawBody: String?
    /// The request as `METHOD /path`, without the query.
    public let request: String

    /// Creates an error from its parts.
    public init(statusCode: Int, errorCode: String?, errorMessage: String?, requestID: String?, rawBody: String?,
                request: String) {
        self.statusCode = statusCode
        self.errorCode = errorCode
        self.errorMessage = errorMessage
        self.requestID = requestID
        self.rawBody = rawBody
        self.request = request
    }

    /// Parses an error body the way the official SDK does: `error_code`/`error_msg`, else `errorCode`/`errorMsg`,
    /// else `code`/`message`, else the same keys one object deeper; a body that is not a JSON object is kept raw.
    public init(statusCode: Int, body: [UInt8], requestID: String?, request: String) {
        var code: String?
        var message: String?
        var raw: String?
        if let object = (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] {
            (code, message) = Self.find(in: object)
            if code == nil && message == nil {
                for value in object.values {
                    if let nested = value as? [String: Any] {
                        (code, message) = Self.find(in: nested)
                        if code != nil || message != nil { break }
                    }
                }
            }
            if code == nil && message == nil { raw = Self.text(body) }
        } else if !body.isEmpty {
            raw = Self.text(body)
        }
        self.init(statusCode: statusCode, errorCode: code, errorMessage: message, requestID: requestID,
                  rawBody: raw, request: request)
    }

    private static func find(in object: [String: Any]) -> (String?, String?) {
        for (codeKey, messageKey) in [("error_code", "error_msg"), ("errorCode", "errorMsg"), ("code", "message")] {
            let code = stringValue(object[codeKey])
            let message = stringValue(object[messageKey])
            if code != nil || message != nil { return (code, message) }
        }
        return (nil, nil)
    }

    private static func stringValue(_ value: Any?) -> String? {
        switch value {
        case let text as String: return text
        case let number as NSNumber: return number.stringValue
        default: return nil
        }
    }

    private static func text(_ body: [UInt8]) -> String {
        let text = String(decoding: body, as: UTF8.self)
        return text.count > 2000 ? String(text.prefix(2000)) + "…" : text
    }

    /// What to do next, from the status.
    public var advice: String {
        switch statusCode {
        case 401, 403:
            return "Check the AK/SK or token, the project id and the clock (X-Sdk-Date must be close to the real time)."
        case 404:
            return "Check the job id and project id."
        case 429:
            return "The service is throttling requests; wait and retry."
        case 400..<500:
            return "Check the request fields and that the job's state allows this call (show the job to see its state)."
        default:
            return "The service failed; retry later and quote the request id if it keeps failing."
        }
    }

    /// One line naming the request, status, code, message, request id and the next step.
    public var description: String {
        var text = "\(request) failed with HTTP \(statusCode)"
        if let errorCode { text += " \(errorCode)" }
        if let errorMessage { text += ": \(errorMessage)" }
        if let rawBody, !rawBody.isEmpty { text += ": \(rawBody)" }
        if let requestID { text += " (request id \(requestID))" }
        return text + ". " + advice
    }
}
