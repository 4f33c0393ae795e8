package import MetaStudio
package import Preflight

/// What a role is on the wire: the one table, used by the update workflow, the emulator and the tests.
///
/// ```swift
/// Role.trainingVideo.wire.uploadURLField          // "training_video_upload_url"
/// Role.trainingVideo.wire.multipart?.confirm      // CONFIRM_MULTIPART_UPLOADED
/// ```
package struct RoleWire: Sendable {
    /// The role this row describes.
    package let role: Role
    /// The field of the Update (and Create) response that carries the role's upload URL(s).
    package let uploadURLField: String
    /// The `Content-Type` a PUT to the role's upload URL must carry.
    package let contentType: String
    /// For a role uploaded in numbered parts (the videos): its part-count field and its commands; nil otherwise.
    package let multipart: Multipart?
    /// Reads the role's URL(s) from an Update response, in part order.
    package let urls: @Sendable (TrainingJobUploadURLs) -> [String]

    /// The wire facts of a role uploaded in numbered parts.
    package struct Multipart: Sendable {
        /// The request field that announces the number of parts (`video_multipart_count`, …).
        package let countField: String
        /// Sets that field in an Update request.
        package let setCount: @Sendable (inout UpdateTrainingJobRequest, Int) -> Void
        /// The command that assembles the uploaded parts.
        package let confirm: TrainingCommand
        /// The command that lists the parts the service holds.
        package let list: TrainingCommand
    }

    /// The service's own name for the file kind: the upload-URL field without `_upload_url` (`training_video`).
    package var name: String { String(uploadURLField.dropLast(Self.urlFieldSuffix.count)) }

    /// The role whose service name is `name`, if any.
    package static func role(named name: String) -> Role? {
        Role.allCases.first { $0.wire.name == name }
    }

    /// The role whose parts `command` confirms, if it is a confirm command.
    package static func role(confirmedBy command: String) -> Role? {
        Role.allCases.first { $0.wire.multipart?.confirm.rawValue == command }
    }

    /// The role whose parts `command` lists, if it is a list command.
    package static func role(listedBy command: String) -> Role? {
        Role.allCases.first { $0.wire.multipart?.list.rawValue == command }
    }

    private static let urlFieldSuffix = "_upload_url"
    fileprivate static let octetStream = "application/octet-stream"
}

extension Role {
    /// This role's row of the wire table.
    package var wire: RoleWire {
        switch self {
        case .trainingVideo:
            return RoleWire(
                role: self, uploadURLField: "training_video_upload_url", contentType: RoleWire.octetStream,
                multipart: .init(countField: "video_multipart_count", setCount: { $0.videoMultipartCount = $1 },
                                 confirm: .confirmMultipartUploaded, list: .getMultipartUploaded),
                urls: { $0.trainingVideoUploadURL ?? [] })
        case .actionVideo:
            return RoleWire(
                role: self, uploadURLField: "action_video_upload_url", contentType: RoleWire.octetStream,
                multipart: .init(countField: "action_video_multipart_count", setCount: { $0.actionVideoMultipartCount = $1 },
                                 confirm: .confirmActionVideoMultipartUploaded, list: .getActionVideoMultipartUploaded),
                urls: { $0.actionVideoUploadURL ?? [] })
        case .cover:
            return .single(self, "cover_upload_url") { $0.coverUploadURL }
        case .idCardFront:
            return .single(self, "id_card_image1_upload_url") { $0.idCardImage1UploadURL }
        case .idCardBack:
            return .single(self, "id_card_image2_upload_url") { $0.idCardImage2UploadURL }
        case .grantFile:
            return .single(self, "grant_file_upload_url") { $0.grantFileUploadURL }
        case .preBeautyImage:
            return .single(self, "pre_beauty_image_upload_url") { $0.preBeautyImageUploadURL }
        case .postBeautyImage:
            return .single(self, "post_beauty_image_upload_url") { $0.postBeautyImageUploadURL }
        case .audioZip:
            return .single(self, "audio_upload_url", contentType: "application/zip") { $0.audioUploadURL }
        }
    }
}

extension RoleWire {
    /// A row for a role uploaded whole, through one URL.
    fileprivate static func single(
        _ role: Role, _ field: String, contentType: String = octetStream,
        url: @escaping @Sendable (TrainingJobUploadURLs) -> String?
    ) -> RoleWire {
        RoleWire(role: role, uploadURLField: field, contentType: contentType, multipart: nil, urls: { url($0).map { [$0] } ?? [] })
    }
}
