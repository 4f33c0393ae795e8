import MetaStudioUpload
import Preflight

/// The JSON body of `POST /__emulator/faults`, for tests that drive the emulator from another process.
///
/// ```json
/// {"fault": "status", "status": 503, "match": "api", "method": "POST", "path_suffix": "/command", "times": 2}
/// {"fault": "connection_reset", "match": "upload_part", "role": "training_video", "part": 2}
/// {"fault": "slow_body", "bytes_per_second": 65536, "match": "uploads"}
/// {"fault": "delay", "milliseconds": 1500, "match": "any"}
/// {"fault": "wrong_etag", "match": "upload_part", "role": "training_video", "part": 1}
/// {"fault": "drop_answer", "match": "api", "method": "POST", "path_suffix": "/user/jobs"}
/// ```
struct FaultSpec: Decodable, Sendable {
    var fault: String
    var status: Int?
    var bytesPerSecond: Int?
    var milliseconds: Int?
    var match: String?
    var role: String?
    var part: Int?
    var method: String?
    var pathSuffix: String?
    var times: Int?

    enum CodingKeys: String, CodingKey {
        case fault, status, bytesPerSecond = "bytes_per_second", milliseconds, match, role, part, method
        case pathSuffix = "path_suffix", times
    }

    func resolve() throws(APIError) -> (fault: EmulatorFault, matcher: FaultMatcher, times: Int) {
        let fault: EmulatorFault
        switch self.fault {
        case "status":
            guard let status, (100...599).contains(status) else { throw .invalidBody("fault 'status' needs \"status\": 100…599") }
            fault = .status(status)
        case "connection_reset":
            fault = .connectionReset
        case "slow_body":
            guard let bytesPerSecond, bytesPerSecond > 0 else { throw .invalidBody("fault 'slow_body' needs \"bytes_per_second\" > 0") }
            fault = .slowBody(bytesPerSecond: bytesPerSecond)
        case "delay":
            guard let milliseconds, milliseconds >= 0 else { throw .invalidBody("fault 'delay' needs \"milliseconds\" >= 0") }
            fault = .delay(milliseconds: milliseconds)
        case "wrong_etag":
            fault = .wrongETag
        case "drop_answer":
            fault = .dropAnswer
        default:
            throw .invalidBody("fault must be status, connection_reset, slow_body, delay, wrong_etag or drop_answer")
        }
        let matcher: FaultMatcher
        switch match ?? "any" {
        case "any": matcher = .any
        case "uploads": matcher = .uploads
        case "upload_part":
            guard let name = role, let uploadRole = RoleWire.role(named: name) else {
                throw .invalidBody("match 'upload_part' needs \"role\", one of \(Role.allCases.map(\.wire.name).joined(separator: ", "))")
            }
            matcher = .uploadPart(role: uploadRole, part: part)
        case "api": matcher = .api(method: method, pathSuffix: pathSuffix)
        default: throw .invalidBody("match must be any, uploads, upload_part or api")
        }
        let count = times ?? 1
        guard count >= 1 else { throw .invalidBody("times must be at least 1") }
        return (fault, matcher, count)
    }
}
