/// Every rule's description in one table: its stable identifier, name, severity and explanation. Each rule takes its
/// own from here (`let description = RuleDescription.videoBlack`); `RuleRegistry.all` lists them in report order.
extension RuleDescription {
    // Applied by the linter itself when a file cannot be probed.
    static let fileUnreadable = RuleDescription(
        id: "file.unreadable", name: "File cannot be read as media", severity: .error,
        explanation: "The file is missing, cannot be read, is empty, or is not a media file FFmpeg recognises; the service cannot review it.")

    // Training and action videos (`RuleRegistry.videoRules`).
    static let containerNotMP4 = RuleDescription(
        id: "container.not-mp4", name: "Container is not MP4", severity: .error,
        explanation: "The automated review accepts MP4 only. QuickTime MOV shares MP4's box structure but carries the `qt  ` brand; Matroska, WebM, AVI and others are different containers altogether.")
    static let videoMissing = RuleDescription(
        id: "video.missing", name: "No video stream", severity: .error,
        explanation: "A training or action video must contain a video stream; audio-only files and files whose only picture is cover art fail review.")
    static let resolutionUnsupported = RuleDescription(
        id: "resolution.unsupported", name: "Resolution not accepted", severity: .error,
        explanation: "The review accepts 1080p or 4K, landscape or portrait, as displayed: a 1920×1080 stream with a 90° rotation is a 1080×1920 portrait video. Coded pixels count; the sample aspect ratio is not applied.")
    static let durationTooShort = RuleDescription(
        id: "duration.too-short", name: "Shorter than 3 minutes", severity: .error,
        explanation: "The review rejects a video shorter than 3 minutes (180 s): the file, and its picture on its own.")
    static let durationTooLong = RuleDescription(
        id: "duration.too-long", name: "Longer than 10 minutes", severity: .error,
        explanation: "The review rejects a video longer than 10 minutes (600 s): the file, and its picture on its own.")
    static let durationUnknown = RuleDescription(
        id: "duration.unknown", name: "Duration unknown", severity: .error,
        explanation: "Neither the container nor the video stream states a duration, so the 3-to-10-minute requirement cannot be shown to hold.")
    static let mediaTruncated = RuleDescription(
        id: "media.truncated", name: "Media data cut short", severity: .error,
        explanation: "The container's index points at samples beyond the end of the file: the header is intact but the media data was cut short, typically by an interrupted copy or download. The review cannot decode the missing part.")
    static let audioMissing = RuleDescription(
        id: "audio.missing", name: "No sound track", severity: .warning,
        explanation: "With the default audio source (VIDEO) the service takes the voice from the training video's sound track, and asks for the original recorded audio in sync with the picture.")
    static let sizeTooLarge = RuleDescription(
        id: "size.too-large", name: "Larger than 5 GB", severity: .warning,
        explanation: "The user guide says a training video is normally under 5 GB; larger files take long to upload and a single-part upload is capped at 5 GB by the object store.")
    static let frameRateUnusual = RuleDescription(
        id: "frame-rate.unusual", name: "Unusual frame rate", severity: .warning,
        explanation: "Training takes are normally recorded at a constant 25 to 60 fps; the service asks that post-processing keep the original frame rate. A variable or unusual rate often means a screen recording or a re-encode.")
    static let codecUnusual = RuleDescription(
        id: "codec.unusual", name: "Unusual video codec", severity: .warning,
        explanation: "MetaStudio's material guidance is written for H.264/H.265 MP4 files; other codecs in MP4 may not survive review or preview.")
    static let extensionMismatch = RuleDescription(
        id: "extension.mismatch", name: "Extension does not match content", severity: .warning,
        explanation: "A name that disagrees with the content misleads people and tools; the service judges the content, not the name.")

    // Content checks, `lint --deep` (`RuleRegistry.contentRules`).
    static let contentUndecodable = RuleDescription(
        id: "content.undecodable", name: "Content cannot be decoded", severity: .error,
        explanation: "The content checks decode the sound and sample the picture. A stream FFmpeg cannot decode will not train, and the review cannot judge it.")
    static let pictureBlackBars = RuleDescription(
        id: "picture.black-bars", name: "Black bars", severity: .error,
        explanation: "Footage pillarboxed or letterboxed into the frame (a portrait phone video in a landscape export, 4:3 in 16:9) leaves the person too small for training.")
    static let audioSilent = RuleDescription(
        id: "audio.silent", name: "Silent sound track", severity: .error,
        explanation: "By default the voice model is trained from the video's own sound; a muted microphone leaves nothing to train. A warning instead of an error when the job's audio_source_type is AUDIO.")
    static let videoStill = RuleDescription(
        id: "video.still", name: "Still picture", severity: .error,
        explanation: "A looped photo or a frozen stream has no movement to train from; the review rejects it.")
    static let backgroundNotGreen = RuleDescription(
        id: "background.not-green", name: "No green screen", severity: .error,
        explanation: "With background replacement on (is_background_replacement), MetaStudio needs the person in front of a green screen.")
    static let audioClipping = RuleDescription(
        id: "audio.clipping", name: "Clipped sound", severity: .warning,
        explanation: "Sound recorded too loud is cut off at full scale; the distortion trains into the voice.")
    static let audioLoudness = RuleDescription(
        id: "audio.loudness", name: "Loudness far from speech", severity: .warning,
        explanation: "Speech recorded far too quietly or far too loud (EBU R128 integrated loudness outside about −35 to −10 LUFS) trains a poor voice.")
    static let audioNoisy = RuleDescription(
        id: "audio.noisy", name: "Noisy sound", severity: .warning,
        explanation: "Music, hum or a noisy room under the voice (a noise floor above about −45 dBFS) trains into the voice model.")
    static let openingSpeech = RuleDescription(
        id: "opening.speech", name: "Sound in the opening", severity: .warning,
        explanation: "MetaStudio's shooting guide asks for a silent, closed-mouth opening (the first 10 s).")
    static let videoCuts = RuleDescription(
        id: "video.cuts", name: "Hard cuts", severity: .warning,
        explanation: "MetaStudio's shooting guide forbids edits: the take must be one continuous recording.")
    static let videoBlack = RuleDescription(
        id: "video.black", name: "Black segments", severity: .warning,
        explanation: "Seconds of black picture mean a covered lens, a fade or a gap in the recording; none of it trains.")
    static let videoFrozen = RuleDescription(
        id: "video.frozen", name: "Frozen picture", severity: .warning,
        explanation: "A live person is never pixel-identical; seconds of identical pictures mean a frozen stream or a pasted still.")
    static let videoInterlaced = RuleDescription(
        id: "video.interlaced", name: "Interlaced", severity: .warning,
        explanation: "Interlaced footage shows combing on movement; record or export progressive (p, not i) video.")
    static let colorHDR = RuleDescription(
        id: "color.hdr", name: "HDR video", severity: .warning,
        explanation: "Phones record HDR (HLG or PQ) by default; converted to the service's SDR pipeline it looks washed out or too dark.")
    static let avOffset = RuleDescription(
        id: "av.offset", name: "Sound and picture offset", severity: .warning,
        explanation: "The guide asks for the original sound in sync with the picture; streams that start more than 0.2 s or end more than 1 s apart suggest an edit or a re-mux.")

    // Still images (`RuleRegistry.imageRules`).
    static let imageFormatUnsupported = RuleDescription(
        id: "image.format-unsupported", name: "Image is not JPEG or PNG", severity: .error,
        explanation: "Covers, ID-card photos and beauty images are uploaded as pictures; Preflight accepts the two formats every review tool reads, JPEG and PNG.")
    static let imageUndecodable = RuleDescription(
        id: "image.undecodable", name: "Image does not decode", severity: .error,
        explanation: "FFmpeg could not decode a picture from the file: it is damaged or cut short, and the review could not read it either.")
    static let imageEmpty = RuleDescription(
        id: "image.empty", name: "Image has no pixels", severity: .error,
        explanation: "The decoded picture is 0 pixels wide or high.")

    // The authorisation letter (`RuleRegistry.grantFileRules`).
    static let grantTypeUnsupported = RuleDescription(
        id: "grant.type-unsupported", name: "Authorisation letter of an unsupported type", severity: .error,
        explanation: "The authorisation letter (授权书) is a signed document: Preflight accepts a PDF scan or a JPEG/PNG photo of it, told from the content, not the name.")
    static let grantPDFIncomplete = RuleDescription(
        id: "grant.pdf-incomplete", name: "PDF cut short", severity: .error,
        explanation: "A PDF ends with an %%EOF marker; without it the copy was cut short and will not open.")
    static let grantPDFMalformed = RuleDescription(
        id: "grant.pdf-malformed", name: "PDF without its structure", severity: .error,
        explanation: "A PDF has a versioned %PDF- header, objects, a cross-reference table with a trailer (or a cross-reference stream) and a startxref offset pointing at it; a file with only the header and %%EOF is not a document a reader opens.")

    // The training-audio ZIP (`RuleRegistry.audioZipRules`).
    static let archiveInvalid = RuleDescription(
        id: "archive.invalid", name: "Not a readable ZIP", severity: .error,
        explanation: "Training audio is uploaded as a ZIP (Content-Type application/zip); the file must be a ZIP archive that opens.")
    static let archiveUnsafePath = RuleDescription(
        id: "archive.unsafe-path", name: "Entry name escapes the archive", severity: .error,
        explanation: "An entry with an absolute name or `..` would be written outside the folder it is extracted into.")
    static let archiveTooLarge = RuleDescription(
        id: "archive.too-large", name: "Archive over the limits", severity: .error,
        explanation: "Preflight's limits for the audio ZIP (the contract names none): at most 1000 entries and 2 GiB extracted.")
    static let archiveNoAudio = RuleDescription(
        id: "archive.no-audio", name: "No audio in the archive", severity: .error,
        explanation: "The audio ZIP must hold at least one audio file FFmpeg can decode.")
    static let archiveEntryNotAudio = RuleDescription(
        id: "archive.entry-not-audio", name: "Entry is not decodable audio", severity: .error,
        explanation: "Every file in the audio ZIP must be audio FFmpeg can decode (WAV, MP3, M4A, FLAC, …).")
    static let archiveClutter = RuleDescription(
        id: "archive.clutter", name: "Operating-system clutter", severity: .warning,
        explanation: "Entries such as __MACOSX/ and .DS_Store are left by archiving tools; they are not audio.")
}
