/// Every threshold of the content rules (`lint --deep`), in one place, each with where its number comes from.
///
/// Where no published source exists the comment says so, and the number is chosen conservatively: an error must be a
/// near-certain rejection, and a clean take must get no content warning at all. How the facts themselves are
/// measured (black pixel level, block grid, clip level, silencedetect's settings) is fixed in MediaProbe, next to the
/// code that measures (`MediaFile.blackPixelLuma` and its neighbours).
public enum ContentThresholds {
    // MARK: picture

    /// `picture.black-bars`: the active picture must cover at least this share of the frame's width and of its
    /// height. Source: the "narrower or shorter than about 80 % of the frame". A 4:3 picture pillarboxed in
    /// 16:9 keeps 75 % of the width, portrait footage in landscape about 32 %, so both fail, while a few rows of
    /// dark overscan do not.
    public static let activePictureMinimumShare = 0.80

    /// A sampled picture is black when at least this share of its pixels is at or below the black level. Source:
    /// FFmpeg's `blackdetect`, whose `picture_black_ratio_th` defaults to 0.98.
    public static let blackPictureShare = 0.98

    /// `video.black`: black segments this long or longer, in seconds. Source: the issue ("2 s or more").
    public static let blackMinimumSeconds = 2.0

    /// Two samples show the same picture when no block mean differs by this much (0–255). No published source:
    /// FFmpeg's `freezedetect` uses −60 dB (about 0.26 levels) of per-pixel difference; block means average noise
    /// away, and coding noise between two re-encoded key frames of one still picture stays well below one level,
    /// while a live person (breathing, blinking, swaying) moves some block by several levels within a second.
    public static let frozenBlockDifference = 1.0

    /// `video.frozen`: frozen segments this long or longer, in seconds. Source: the issue ("5 s or more").
    public static let frozenMinimumSeconds = 5.0

    /// `video.still`: the share of sample-to-sample steps that are frozen for the whole take to count as a still
    /// picture. No published source; the issue says "nearly the whole take", 90 % is our reading of it.
    public static let stillShare = 0.90

    /// `video.cuts`: a step between two samples is a hard cut when the mean block difference is at least this
    /// (0–255) … No published source: a talking head moves the mean by a few levels a second; a new scene changes
    /// most of the picture by tens of levels.
    public static let cutMinimumDifference = 20.0
    /// … and at least this many times the steps on either side (a cut is a single jump between two steady
    /// stretches; a pan or a walk changes every step). No published source; chosen to stay quiet on motion.
    public static let cutContrast = 4.0

    /// `video.interlaced`: the share of sampled frames the decoder marks interlaced, above which the take is
    /// interlaced. No published source; a majority, so that a stray flag does not trip it.
    public static let interlacedFrameShare = 0.5
    /// `video.interlaced`: idet's interlaced frames must outnumber its progressive ones by this factor, over at
    /// least `interlacedMinimumJudged` frames. No published source (FFmpeg documents idet's counts, not a verdict).
    public static let idetInterlacedFactor = 2.0
    /// See `idetInterlacedFactor`.
    public static let interlacedMinimumJudged = 10

    /// `background.not-green`: the median share of chroma-green pixels in the border of the sampled pictures must
    /// be at least this. No published source: MetaStudio's guide asks for a green screen behind the person; a
    /// border less than half green means it is missing or does not fill the frame.
    public static let greenBorderMinimumShare = 0.5

    // MARK: sound

    /// `audio.silent`: a sample peak below this (dBFS) means no usable signal. Source: the issue (−60 dBFS).
    public static let silentPeak = -60.0
    /// `audio.silent`: or silencedetect (below −60 dBFS for 0.5 s or more) covering at least this share of the
    /// sound. Source: the "nearly all of it silent"; 95 % is our reading of it.
    public static let silentShare = 0.95

    /// `audio.clipping`: the share of samples inside clipped runs above which clipping is "more than rare". No
    /// published source: one sample in ten thousand (about 0.2 s of a 10-minute mono take) is already audible.
    public static let clippedShare = 0.0001

    /// `audio.loudness`: integrated loudness (EBU R128) outside this range, in LUFS. Source: the issue ("roughly
    /// below −35 or above −10 LUFS"); EBU R128 targets −23 LUFS for broadcast, speech recordings sit near −16 to −26.
    public static let loudnessRange: ClosedRange<Double> = -35 ... -10

    /// `audio.noisy`: a noise floor above this (dBFS) is high. Source: the issue ("roughly above −45 dBFS in the
    /// quietest stretches").
    public static let noiseFloorMaximum = -45.0
    /// The noise floor is this percentile of the 100 ms RMS levels: the quietest stretches. No published source;
    /// the 10th percentile lies in the pauses between words even in continuous speech.
    public static let noiseFloorPercentile = 0.10

    /// `opening.speech`: how much of the start must be silent, in seconds. Source: the issue ("the first 10 s") and
    /// MetaStudio's shooting guide (a silent, closed-mouth opening).
    public static let openingSeconds = 10.0
    /// `opening.speech`: a 100 ms window louder than this (RMS, dBFS) in the opening is sound, not room tone.
    /// No published source: conversational speech measures −30 to −15 dBFS RMS, a quiet room −70 to −50.
    public static let openingSoundLevel = -40.0

    // MARK: header

    /// `color.hdr`: transfer characteristics that mean HDR (FFmpeg's names): HLG and PQ. Source: the issue; ITU-R
    /// BT.2100 defines both.
    public static let hdrTransfers: Set<String> = ["arib-std-b67", "smpte2084"]

    /// `av.offset`: sound and picture may start at most this many seconds apart. Source: the issue (0.2 s); EBU
    /// R37 allows sound at most 40 ms early or 60 ms late, so 0.2 s is clearly audible.
    public static let startOffsetMaximum = 0.2
    /// `av.offset`: and end at most this many seconds apart. Source: the issue (1 s).
    public static let endOffsetMaximum = 1.0
}
