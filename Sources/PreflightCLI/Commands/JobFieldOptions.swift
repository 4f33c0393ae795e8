import ArgumentParser
import MetaStudio

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
