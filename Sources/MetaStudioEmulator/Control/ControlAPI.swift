import Foundation

/// The loopback-only `/__emulator/…` endpoints, so that a test in another process can script the emulator:
///
/// * `POST /__emulator/faults` with a ``FaultSpec`` body adds a fault; `DELETE /__emulator/faults` clears them.
/// * `GET /__emulator/requests` lists the requests handled so far (method, path without query, status, time).
/// * `GET /__emulator/jobs/<id>` returns the job's snapshot (state, operation logs, uploaded parts).
/// * `PUT /__emulator/jobs/<id>` with `{"state": "…"}` sets the state, creating the job if needed; an optional `"log"`
///   object (`log_type`, `operate_user`, `description`, `error_code`, `redo_reasons`) is recorded as the change's
///   operation-log entry, the way a review writes its verdict.
///
/// These requests are not themselves recorded and never match faults.
struct ControlAPI: Sendable {
    let store: JobStore
    let faults: FaultRegistry
    let log: RequestLog

    private struct StateBody: Decodable {
        var state: String
        /// An operation-log entry to record with the change (a review's verdict and reasons), instead of the default.
        var log: ReviewLogEntry?
    }
    private struct Pending: Encodable { var pending: Int }

    func handle(method: String, segments: [String], body: [UInt8]) -> EmulatorResponse {
        do {
            switch (method, Array(segments.dropFirst())) {
            case ("POST", ["faults"]):
                let spec = try JobAPI.decode(FaultSpec.self, from: body, allowEmpty: false).resolve()
                faults.add(spec.fault, matching: spec.matcher, times: spec.times)
                return .json(Pending(pending: faults.pendingCount))
            case ("DELETE", ["faults"]):
                faults.removeAll()
                return .json(Pending(pending: 0))
            case ("GET", ["requests"]):
                return .json(log.all)
            case ("GET", let path) where path.count == 2 && path[0] == "jobs":
                guard let snapshot = store.snapshot(path[1]) else { throw APIError.jobNotFound(path[1]) }
                return .json(snapshot)
            case ("PUT", let path) where path.count == 2 && path[0] == "jobs":
                let request = try JobAPI.decode(StateBody.self, from: body, allowEmpty: false)
                do {
                    try store.setState(path[1], request.state, log: request.log)
                } catch {
                    throw APIError.invalidBody(error.description)
                }
                guard let snapshot = store.snapshot(path[1]) else { throw APIError.jobNotFound(path[1]) }
                return .json(snapshot)
            default:
                return .error(.apiNotFound(method, "/" + segments.joined(separator: "/")))
            }
        } catch let error as APIError {
            return .error(error)
        } catch {
            return .error(.internalError(String(describing: error)))
        }
    }
}
