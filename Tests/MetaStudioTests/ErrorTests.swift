import Testing
@testable import MetaStudio

@Suite("Service and client errors")
struct ErrorTests {
    let request = "PUT /v1/p/digital-human-training-manage/user/jobs/j1"

    @Test("error_code / error_msg bodies")
    func snakeCase() {
        let error = MetaStudioServiceError(
            statusCode: 400, body: Array(#"{"error_code":"MSS.00000003","error_msg":"Invalid parameter"}"#.utf8),
            requestID: "req-1", request: request)
        #expect(error.errorCode == "MSS.00000003")
        #expect(error.errorMessage == "Invalid parameter")
        #expect(error.rawBody == nil)
        #expect(error.description.contains(request))
        #expect(error.description.contains("HTTP 400 MSS.00000003: Invalid parameter (request id req-1)"))
        #expect(error.description.contains("state"))
    }

    @Test("errorCode / errorMsg and code / message spellings, and nested objects")
    func alternativeSpellings() {
        let camel = MetaStudioServiceError(
            statusCode: 401, body: Array(#"{"errorCode":"APIGW.0301","errorMsg":"Incorrect IAM authentication"}"#.utf8),
            requestID: nil, request: request)
        #expect(camel.errorCode == "APIGW.0301" && camel.errorMessage == "Incorrect IAM authentication")
        #expect(camel.description.contains("AK/SK"))
        let plain = MetaStudioServiceError(
            statusCode: 429, body: Array(#"{"code":429,"message":"too many"}"#.utf8), requestID: nil, request: request)
        #expect(plain.errorCode == "429" && plain.errorMessage == "too many")
        let nested = MetaStudioServiceError(
            statusCode: 500, body: Array(#"{"error":{"code":"MSS.00000004","message":"Internal Error"}}"#.utf8),
            requestID: "r", request: request)
        #expect(nested.errorCode == "MSS.00000004" && nested.errorMessage == "Internal Error")
    }

    @Test("a body that is not JSON is kept raw")
    func rawBody() {
        let error = MetaStudioServiceError(
            statusCode: 502, body: Array("<html>Bad Gateway</html>".utf8), requestID: nil, request: request)
        #expect(error.errorCode == nil && error.errorMessage == nil)
        #expect(error.rawBody == "<html>Bad Gateway</html>")
        #expect(error.description.contains("HTTP 502: <html>Bad Gateway</html>"))
        let unrelated = MetaStudioServiceError(statusCode: 500, body: Array(#"{"foo":1}"#.utf8), requestID: nil, request: request)
        #expect(unrelated.rawBody == #"{"foo":1}"#)
        let long = MetaStudioServiceError(
            statusCode: 500, body: Array(String(repeating: "x", count: 5000).utf8), requestID: nil, request: request)
        #expect((long.rawBody?.count ?? 0) <= 2001)
    }

    @Test("client errors compare by kind and carry details")
    func clientErrors() {
        let error = MetaStudioClientError.invalid("limit", "must be between 1 and 100, got 0", request: "GET /jobs")
        #expect(error == .invalidField)
        #expect(error != .timeout)
        #expect(error.field == "limit")
        #expect(error.description.hasPrefix("MetaStudioClientError.invalidField: GET /jobs: limit:"))
        let timeout = MetaStudioClientError.timeout(request: "GET /jobs", attempts: 3, detail: "deadlineExceeded")
        #expect(timeout == .timeout)
        #expect(timeout.description.contains("GET /jobs timed out"))
        #expect(timeout.description.contains("3 attempt"))
    }
}
