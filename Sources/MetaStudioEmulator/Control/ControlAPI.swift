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
/// Every call needs the emulator's control token in ``tokenHeader``: a random value the emulator makes at start and
/// `preflight emulator` prints on its start-up line, so that another local user or a web page cannot script it.
/// Job ids must match `^[A-Za-z0-9_-]{1,64}$`.
///
/// These requests are not themselves recorded and never match faults.
struct ControlAPI: Sendable {
    /// The request header carrying the control token.
    static let tokenHeader = "X-Emulator-Token"

    let store: JobStore
    let faults: FaultRegistry
    let log: RequestLog

    private struct StateBody: Decodable {
        var state: String
        /// An operation-log entry to record with the change (a review's verdict and reasons), instead of the default.
        var log: ReviewLogEntry?
    }
    private struct Pending: Encodable { var pending: Int }

    func handle(method: String, segments: [String], token: String?, body: [UInt8]) -> EmulatorResponse {
        guard let token, Randomness.constantTimeEquals(token, store.controlToken) else {
            return .error(APIError(status: 401, code: "EMULATOR.UNAUTHORIZED",
                                   message: "control endpoints need the emulator's control token in \(Self.tokenHeader)"))
        }
        let path = Array(segments.dropFirst())
        if path.count == 2, path[0] == "jobs", !StoragePath.isValidJobID(path[1]) {
            return .error(.invalidParameter("'\(path[1])' is not a job id; use 1 to 64 letters, digits, '-' or '_'"))
        }
        do {
            switch (method, path) {
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
