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

/// How the parts are sent (`create` and `update`): parallelism and part size.
struct UploadTuningOptions: ParsableArguments {
    @Option(help: "Parts uploaded at once (1–64).")
    var parallel: Int = 4
    @Option(name: .customLong("part-size"), help: "Video part size, e.g. 16MiB (100KiB–5GiB; default 16MiB, larger for files over ~16 GiB).")
    var partSize: String?
    @Flag(inversion: .prefixedNo, help: ArgumentHelp(
        "Check what is in the videos too, as lint --deep does (black bars, silence, a still or frozen picture, cuts, no green screen when the background is replaced, …). On by default: a rejected take costs a day. --no-deep checks headers only."))
    var deep = true

    /// The linter for these settings: with the content rules (judged by the given job settings) unless --no-deep.
    func linter(_ backgroundReplacement: Bool?, _ audioSource: AudioSourceType?) -> Linter {
        UpdateWorkflow.linter(Linter(), deep: deep, isBackgroundReplacement: backgroundReplacement, audioSource: audioSource)
    }

    /// The part size in bytes, when given.
    var partSizeBytes: Int64? { partSize.flatMap(ByteCountText.parse) }

    func validate() throws {
        guard (1...64).contains(parallel) else { throw ValidationError("--parallel must be between 1 and 64") }
        if let partSize {
            guard let bytes = ByteCountText.parse(partSize) else {
                throw ValidationError("--part-size '\(partSize)' is not a size; use e.g. 16MiB, 512KiB or 1GiB")
            }
            guard (PartPlan.minimumPartSize...PartPlan.maximumPartSize).contains(bytes) else {
                throw ValidationError("--part-size must be between 100KiB and 5GiB")
            }
        }
    }
}

/// The body fields Create and Update share (`create` and `update`).
struct JobFieldOptions: ParsableArguments {
    @Option(help: "Contact (mobile number).")
    var contact: String?
    @Option(name: .customLong("batch-name"), help: "Batch name.")
    var batchName: String?
    @Option(name: .customLong("tag"), help: "A tag (repeatable; an update replaces the job's tags).")
    var tags: [String] = []
    @Flag(inversion: .prefixedNo, help: "Whether the background is replaced (needs a green-screen video; a new job's default: yes).")
    var backgroundReplacement: Bool?
    @Option(name: .customLong("supported-service"), help: "VIDEO_2D, LIVE_2D or CHAT_2D (repeatable; Flexus allows VIDEO_2D only).")
    var supportedServices: [String] = []
    @Option(name: .customLong("audio-source-type"), help: "VIDEO (audio from the video) or AUDIO (the --audio-zip).")
    var audioSourceType: String?
    @Flag(inversion: .prefixedNo, help: "Fast Flexus training.")
    var fastFlexus: Bool?

    /// The tags, or nil when none were given (the field is then left out).
    var tagList: [String]? { tags.isEmpty ? nil : tags }
    /// The services, or nil when none were given.
    var services: [SupportedService]? { supportedServices.isEmpty ? nil : supportedServices.map { SupportedService(rawValue: $0) } }
    /// The voice's source, when given.
    var audioSource: AudioSourceType? { audioSourceType.map { AudioSourceType(rawValue: $0) } }

    func validate() throws {
        for service in supportedServices where !SupportedService.knownValues.map(\.rawValue).contains(service) {
            throw ValidationError("--supported-service '\(service)' is not one of VIDEO_2D, LIVE_2D, CHAT_2D")
        }
        if let audioSourceType, !AudioSourceType.knownValues.map(\.rawValue).contains(audioSourceType) {
            throw ValidationError("--audio-source-type must be VIDEO or AUDIO")
        }
    }
}
