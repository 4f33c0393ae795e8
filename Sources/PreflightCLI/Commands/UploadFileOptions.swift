import ArgumentParser
import MetaStudio
import MetaStudioUpload
import Preflight

/// The files of a job, one flag per upload role (`create` and `update`).
struct UploadFileOptions: ParsableArguments {
    @Option(name: .customLong("training-video"), help: "The training video (uploaded in parts).")
    var trainingVideo: String?
    @Option(name: .customLong("action-video"), help: "The action (choreography) video (uploaded in parts).")
    var actionVideo: String?
    @Option(help: "The model's cover image.")
    var cover: String?
    @Option(name: .customLong("id-card-front"), help: "ID card, portrait side.")
    var idCardFront: String?
    @Option(name: .customLong("id-card-back"), help: "ID card, national-emblem side.")
    var idCardBack: String?
    @Option(name: .customLong("grant-file"), help: "The authorisation letter (PDF or image).")
    var grantFile: String?
    @Option(name: .customLong("pre-beauty-image"), help: "The image before beautification.")
    var preBeautyImage: String?
    @Option(name: .customLong("post-beauty-image"), help: "The image after beautification.")
    var postBeautyImage: String?
    @Option(name: .customLong("audio-zip"), help: "Training audio as a ZIP (sent as application/zip).")
    var audioZip: String?

    /// The files given, in the role table's order.
    var files: [UpdateFile] {
        let pairs: [(Role, String?)] = [
            (.trainingVideo, trainingVideo), (.actionVideo, actionVideo), (.cover, cover), (.idCardFront, idCardFront),
            (.idCardBack, idCardBack), (.grantFile, grantFile), (.preBeautyImage, preBeautyImage),
            (.postBeautyImage, postBeautyImage), (.audioZip, audioZip),
        ]
        return pairs.compactMap { role, path in path.map { UpdateFile(role: role, path: $0) } }
    }

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one file, e.g. --training-video take-4.mp4") }
    }
}
