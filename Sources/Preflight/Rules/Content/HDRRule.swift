import MediaProbe

/// `color.hdr`: an HLG or PQ transfer (header-level).
struct HDRRule: Rule {
    let description = RuleDescription.colorHDR

    func check(_ subject: LintSubject) -> [Finding] {
        guard let transfer = subject.media?.videoStreams.first?.colorTransfer,
              ContentThresholds.hdrTransfers.contains(transfer)
        else { return [] }
        let name = transfer == "arib-std-b67" ? "HLG" : "PQ"
        return [finding(
            "the video is HDR (\(name), transfer \(transfer)); turn HDR off on the camera, or export as SDR (BT.709).",
            expected: "SDR (bt709)", actual: "\(name) (\(transfer))")]
    }
}
