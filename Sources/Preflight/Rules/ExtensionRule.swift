import MediaProbe

/// `extension.mismatch`: the file name's extension says one container and the content is another.
struct ExtensionRule: Rule {
    let description = RuleDescription.extensionMismatch

    func check(_ subject: LintSubject) -> [Finding] {
        guard let media = subject.media else { return [] }
        let ext = Format.fileExtension(subject.path)
        let container = media.container
        let expected = Self.extensions(for: container)
        guard !expected.isEmpty, !expected.contains(ext) else { return [] }
        let what = ContainerRule.isMP4(container) ? "MP4" : ContainerRule.name(of: container)
        let named = ext.isEmpty ? "has no extension" : "is named .\(ext)"
        let preferred = expected[0]
        var advice = "rename it to .\(preferred)"
        if ContainerRule.isMP4(container) {
            advice = "rename it to \(Format.shellQuoted(Format.replacingExtension(of: subject.path, with: "mp4")))"
        }
        return [finding("the file \(named) but its content is \(what); \(advice).",
                        expected: expected.map { ".\($0)" }.joined(separator: " or "), actual: ext.isEmpty ? "none" : ".\(ext)")]
    }

    /// Extensions that fit a container, most usual first; empty when any name is acceptable.
    static func extensions(for container: ContainerFacts) -> [String] {
        switch container.family {
        case .isoBaseMedia:
            if container.majorBrand == "qt  " { return ["mov", "qt"] }
            if ContainerRule.isMP4(container) { return ["mp4", "m4v"] }
            if let brand = container.majorBrand, brand.hasPrefix("3g") { return ["3gp", "3g2"] }
            return []
        case .matroska: return ["mkv"]
        case .webm: return ["webm"]
        case .avi: return ["avi"]
        case .mpegTS: return ["ts", "mts", "m2ts"]
        case .mpegPS: return ["mpg", "mpeg", "vob"]
        case .flv: return ["flv"]
        case .image, .zip, .other: return []
        }
    }
}
