import MediaProbe
/// `image.undecodable` and `image.empty`: the picture must decode, and have pixels.
enum ImageDecodeRule: Rule {
    case decodes, hasPixels

    var description: RuleDescription {
        switch self {
        case .decodes: .imageUndecodable
        case .hasPixels: .imageEmpty
        }
    }

    func check(_ subject: LintSubject) -> [Finding] {
        guard let picture = subject.picture else { return [] }
        switch (self, picture) {
        case (.decodes, .failure(let error)):
            return [finding("\(error.description); export or photograph it again.", expected: "a decodable picture", actual: "undecodable")]
        case (.hasPixels, .success(let frame)):
            let width = frame.width ?? 0, height = frame.height ?? 0
            guard width <= 0 || height <= 0 else { return [] }
            return [finding("the picture is \(Format.size(width, height)), with no pixels to show.", expected: "a non-empty picture", actual: Format.size(width, height))]
        default:
            return []
        }
    }
}
