import MetaStudioUpload
import Foundation
import Preflight

/// What the emulator adds to the wire table (``RoleWire``): how it words and stores each kind of file.
extension Role {
    /// Human wording used in messages ("training video").
    var label: String { wire.name.replacingOccurrences(of: "_", with: " ") }

    /// The name of the stored (assembled) file in the job's folder.
    var storedFileName: String {
        switch self {
        case .trainingVideo, .actionVideo: return wire.name + ".mp4"
        case .audioZip: return wire.name + ".zip"
        default: return wire.name + ".bin"
        }
    }
}
