import Foundation
import MetaStudioUpload
import NIOConcurrencyHelpers
public import Preflight

/// A misbehaviour the emulator plays on a matching request, for testing clients' error handling.
public enum EmulatorFault: Sendable, Equatable {
    /// Answer with this HTTP status and an `MSS.`-style error body instead of handling the request
    /// (an upload body is read and discarded first, so the connection stays usable).
    case status(Int)
    /// Drop the connection with a TCP reset (SO_LINGER 0): for uploads after about half of the body
    /// has arrived, for API calls right after the request was read. The upload URL stays unused.
    case connectionReset
    /// Read the request body no faster than this many bytes per second (backpressure on the socket).
    case slowBody(bytesPerSecond: Int)
    /// Handle the request normally but wait this long before sending the response.
    case delay(milliseconds: Int)
    /// Store an upload normally but answer with an `ETag` that is not the MD5 of the body, as a part damaged on the
    /// way would be answered (uploads only; API calls are handled normally).
    case wrongETag
    /// Handle the request as usual (a job is made, a part stored), then reset the connection instead of answering:
    /// the client cannot know the outcome, as when an answer is lost on the way.
    case dropAnswer
}

/// Which requests an injected fault applies to.
public enum FaultMatcher: Sendable, Equatable {
    /// Every API or upload request (never the `/__emulator` control endpoints).
    case any
    /// Every PUT to an upload URL.
    case uploads
    /// Uploads of one role; `part` (1-based) narrows to one part, `nil` matches every part.
    case uploadPart(role: Role, part: Int? = nil)
    /// Training-job API calls; `method` (e.g. `"POST"`) and `pathSuffix` (e.g. `"/command"`) narrow it, `nil` matches all.
    case api(method: String? = nil, pathSuffix: String? = nil)

    func matches(_ request: FaultContext) -> Bool {
        switch self {
        case .any:
            return true
        case .uploads:
            return request.isUpload
        case .uploadPart(let role, let part):
            guard request.isUpload, request.role == role else { return false }
            return part == nil || part == request.part
        case .api(let method, let pathSuffix):
            guard !request.isUpload else { return false }
            if let method, method.uppercased() != request.method { return false }
            if let pathSuffix, !request.path.hasSuffix(pathSuffix) { return false }
            return true
        }
    }
}

/// What the fault registry knows about a request when choosing a fault.
struct FaultContext: Sendable {
    var method: String
    var path: String
    var isUpload: Bool
    var role: Role?
    var part: Int?
}

/// The pending faults, consumed in the order they were injected.
final class FaultRegistry: Sendable {
    private struct Entry {
        var fault: EmulatorFault
        var matcher: FaultMatcher
        var remaining: Int
    }

    private let entries = NIOLockedValueBox<[Entry]>([])

    func add(_ fault: EmulatorFault, matching matcher: FaultMatcher, times: Int) {
        guard times > 0 else { return }
        entries.withLockedValue { $0.append(Entry(fault: fault, matcher: matcher, remaining: times)) }
    }

    func removeAll() {
        entries.withLockedValue { $0.removeAll() }
    }

    /// Returns the first pending fault that matches, using up one of its repetitions.
    func take(for request: FaultContext) -> EmulatorFault? {
        entries.withLockedValue { entries in
            guard let index = entries.firstIndex(where: { $0.remaining > 0 && $0.matcher.matches(request) }) else {
                return nil
            }
            entries[index].remaining -= 1
            let fault = entries[index].fault
            if entries[index].remaining == 0 { entries.remove(at: index) }
            return fault
        }
    }

    var pendingCount: Int { entries.withLockedValue { $0.reduce(0) { $0 + $1.remaining } } }
}
