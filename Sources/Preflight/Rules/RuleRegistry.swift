/// Every rule Preflight knows, in one place.
public enum RuleRegistry {
    /// The rules for training and action videos, in report order.
    public static let videoRules: [any Rule] = [
        ContainerRule(),
        VideoPresenceRule(),
        ResolutionRule(),
        DurationRule.tooShort,
        DurationRule.tooLong,
        DurationRule.unknown,
        TruncationRule(),
        AudioPresenceRule(),
        FileSizeRule(),
        FrameRateRule(),
        CodecRule(),
        ExtensionRule(),
    ]

    /// The content rules for training and action videos (`lint --deep`), run after `videoRules`: errors first,
    /// then warnings, in report order. `color.hdr` and `av.offset` read only the header, but belong to this set so
    /// that plain lint reports exactly what it always has.
    public static let contentRules: [any Rule] = [
        ContentDecodeRule(),
        BlackBarsRule(),
        SilentAudioRule(),
        StillPictureRule(),
        GreenBackgroundRule(),
        ClippingRule(),
        LoudnessRule(),
        NoiseFloorRule(),
        OpeningSpeechRule(),
        CutsRule(),
        BlackPictureRule(),
        FrozenPictureRule(),
        InterlacedRule(),
        HDRRule(),
        AVOffsetRule(),
    ]

    /// The rules for still images: cover, ID card sides, beauty images.
    public static let imageRules: [any Rule] = [ImageFormatRule(), ImageDecodeRule.decodes, ImageDecodeRule.hasPixels]

    /// The rules for the authorisation letter.
    public static let grantFileRules: [any Rule] = [
        GrantFileRule.type, GrantFileRule.complete, GrantFileRule.structure, ImageDecodeRule.decodes, ImageDecodeRule.hasPixels,
    ]

    /// The rules for the training-audio ZIP.
    public static let audioZipRules: [any Rule] = AudioArchiveRule.allCases

    /// Descriptions of every rule, including `file.unreadable`, which the linter itself applies.
    public static var all: [RuleDescription] {
        var seen = Set<String>()
        let descriptions = [UnreadableFileRule.description] + Role.allCases.flatMap { $0.rules.map(\.description) }
            + contentRules.map(\.description)
        return descriptions.filter { seen.insert($0.id).inserted }
    }

    /// The description of the rule with this identifier, if there is one.
    public static func description(of id: String) -> RuleDescription? {
        all.first { $0.id == id }
    }
}
