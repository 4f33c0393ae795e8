import Foundation
// Client-side checks run before any network call, from the limits and enumerations of the API contract.

/// Checks shared by the request types.
package enum Validate {
    /// The `command` / `command_message` limit ("0~64" in the contract, read as a length).
    static let maxCommandLength = 64
    /// Documented range of the multipart counts.
    static let multipartRange = 1...1000
    /// Documented range of List's `limit`.
    static let limitRange = 1...100
    /// Documented upper bound of List's `offset` (Int32.max).
    static let maxOffset = 2_147_483_647

    static func required(_ value: String, _ field: String, request: String?) throws {
        if value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw MetaStudioClientError.invalid(field, "is required and must not be empty", request: request)
        }
    }

    static func range(_ value: Int?, _ range: ClosedRange<Int>, _ field: String, request: String?) throws {
        if let value, !range.contains(value) {
            throw MetaStudioClientError.invalid(
                field, "must be between \(range.lowerBound) and \(range.upperBound), got \(value)", request: request)
        }
    }

    static func known<E: OpenStringEnum>(_ value: E?, _ field: String, request: String?) throws {
        guard let value else { return }
        if !value.isKnown {
            throw MetaStudioClientError.invalid(
                field, "must be one of \(E.knownList), got \"\(value.rawValue)\"", request: request)
        }
    }

    static func knownList<E: OpenStringEnum>(_ values: [E]?, _ field: String, request: String?) throws {
        for value in values ?? [] { try known(value, field, request: request) }
    }

    static func length(_ value: String?, max: Int, _ field: String, request: String?) throws {
        if let value, value.count > max {
            throw MetaStudioClientError.invalid(
                field, "must be at most \(max) characters, got \(value.count)", request: request)
        }
    }

    static func voice(_ voice: VoiceProperties?, request: String?) throws {
        guard let voice else { return }
        try known(voice.jobTag, "voice_properties.job_tag", request: request)
        try known(voice.sex, "voice_properties.sex", request: request)
        try known(voice.language, "voice_properties.language", request: request)
    }

    static func commandMessage(_ value: CommandMessage?, request: String?) throws {
        try length(value?.rawValue, max: maxCommandLength, "command_message", request: request)
        try known(value, "command_message", request: request)
    }

    /// Header values may not contain line breaks or other control characters (they would split the header).
    static func headerSafe(_ value: String, _ field: String, request: String?) throws {
        if value.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            throw MetaStudioClientError.invalid(field, "must not contain control characters or line breaks",
                                                request: request)
        }
    }

    /// A path identifier (project id, job id): non-empty, no control characters.
    static func identifier(_ value: String, _ field: String, request: String?) throws {
        try required(value, field, request: request)
        try headerSafe(value, field, request: request)
    }

    /// `X-App-UserId`: the service refuses Chinese characters.
    static func appUserID(_ value: String?, request: String?) throws {
        guard let value else { return }
        try required(value, "X-App-UserId", request: request)
        try headerSafe(value, "X-App-UserId", request: request)
        if let scalar = value.unicodeScalars.first(where: isChinese) {
            throw MetaStudioClientError.invalid(
                "X-App-UserId",
                "must not contain Chinese characters (found \"\(Character(scalar))\"); use the ASCII user id of your own account system",
                request: request)
        }
    }

    /// Whether a scalar is a CJK ideograph, CJK punctuation or radical, or a full-width form.
    package static func isChinese(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2E80...0x2FDF,   // CJK radicals, Kangxi radicals
             0x3000...0x303F,   // CJK symbols and punctuation
             0x3100...0x312F,   // Bopomofo
             0x31A0...0x31BF,   // Bopomofo extended
             0x31C0...0x31EF,   // CJK strokes
             0x3400...0x4DBF,   // CJK extension A
             0x4E00...0x9FFF,   // CJK unified ideographs
             0xF900...0xFAFF,   // CJK compatibility ideographs
             0xFE30...0xFE4F,   // CJK compatibility forms
             0xFF00...0xFFEF,   // half-width and full-width forms
             0x20000...0x2FA1F, // extensions B–F and compatibility supplement
             0x30000...0x323AF: // extensions G–H
            return true
        default:
            return false
        }
    }

    static func supportedService(_ services: [SupportedService]?, isFlexus: Bool?, request: String?) throws {
        try knownList(services, "supported_service", request: request)
        if let services, services.isEmpty {
            throw MetaStudioClientError.invalid(
                "supported_service", "must list at least one of \(SupportedService.knownList) when given",
                request: request)
        }
        if isFlexus == true, let services, services.contains(where: { $0 != .video2d }) {
            throw MetaStudioClientError.invalid(
                "supported_service", "may only be VIDEO_2D for a Flexus job (is_flexus = true)", request: request)
        }
    }
}

extension CreateTrainingJobRequest {
    /// Checks the request against the contract.
    /// - Throws: `MetaStudioClientError.invalidField` naming the first bad field.
    public func validate(request: String? = nil) throws {
        try Validate.required(name, "name", request: request)
        try Validate.commandMessage(commandMessage, request: request)
        try Validate.range(videoMultipartCount, Validate.multipartRange, "video_multipart_count", request: request)
        try Validate.range(actionVideoMultipartCount, Validate.multipartRange, "action_video_multipart_count",
                           request: request)
        try Validate.known(modelVersion, "model_version", request: request)
        try Validate.known(audioSourceType, "audio_source_type", request: request)
        try Validate.voice(voiceProperties, request: request)
        try Validate.supportedService(supportedService, isFlexus: isFlexus, request: request)
    }
}

extension UpdateTrainingJobRequest {
    /// Checks the request against the contract.
    /// - Throws: `MetaStudioClientError.invalidField` naming the first bad field.
    public func validate(request: String? = nil) throws {
        if let name { try Validate.required(name, "name", request: request) }
        try Validate.commandMessage(commandMessage, request: request)
        try Validate.range(videoMultipartCount, Validate.multipartRange, "video_multipart_count", request: request)
        try Validate.range(actionVideoMultipartCount, Validate.multipartRange, "action_video_multipart_count",
                           request: request)
        try Validate.known(audioSourceType, "audio_source_type", request: request)
        try Validate.voice(voiceProperties, request: request)
        try Validate.supportedService(supportedService, isFlexus: nil, request: request)
        for (index, sample) in (samplesBasicInfo ?? []).enumerated() {
            try Validate.required(sample.actionTag, "samples_basic_info[\(index)].action_tag", request: request)
        }
    }
}

extension TrainingCommandRequest {
    /// Checks the request against the contract.
    /// - Throws: `MetaStudioClientError.invalidField` naming the first bad field.
    public func validate(request: String? = nil) throws {
        try Validate.required(command.rawValue, "command", request: request)
        try Validate.length(command.rawValue, max: Validate.maxCommandLength, "command", request: request)
        try Validate.known(command, "command", request: request)
        try Validate.commandMessage(commandMessage, request: request)
    }
}

extension ListTrainingJobsQuery {
    /// Checks the query against the contract.
    /// - Throws: `MetaStudioClientError.invalidField` naming the first bad parameter.
    public func validate(request: String? = nil) throws {
        try Validate.range(offset, 0...Validate.maxOffset, "offset", request: request)
        try Validate.range(limit, Validate.limitRange, "limit", request: request)
        try Validate.knownList(states, "state", request: request)
        try Validate.known(sortKey, "sort_key", request: request)
        try Validate.known(sortDirection, "sort_dir", request: request)
        try Validate.known(modelResolution, "model_resolution", request: request)
    }
}
