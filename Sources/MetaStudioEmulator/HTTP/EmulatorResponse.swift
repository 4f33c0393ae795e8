import Foundation
import MetaStudio

/// A complete response the emulator sends (bodies here are small: JSON or XML).
struct EmulatorResponse: Sendable {
    var status: Int
    var headers: [(String, String)] = []
    var body: [UInt8] = []

    static func json<Value: Encodable>(_ value: Value, status: Int = 200) -> EmulatorResponse {
        let encoder = StableJSON.encoder()
        do {
            return EmulatorResponse(
                status: status, headers: [("Content-Type", "application/json;charset=UTF-8")],
                body: Array(try encoder.encode(value)))
        } catch {
            return .error(.internalError("could not encode the response: \(error)"))
        }
    }

    static func error(_ error: APIError) -> EmulatorResponse { .json(error.body, status: error.status) }

    static func uploadError(_ error: UploadError) -> EmulatorResponse {
        EmulatorResponse(status: error.status, headers: [("Content-Type", "application/xml")], body: Array(error.xml.utf8))
    }

    static func empty(status: Int = 200) -> EmulatorResponse { EmulatorResponse(status: status) }
}
