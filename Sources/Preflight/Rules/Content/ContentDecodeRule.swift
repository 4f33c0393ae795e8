import MediaProbe

/// `content.undecodable`: the picture or the sound could not be decoded for the content checks.
struct ContentDecodeRule: Rule {
    let description = RuleDescription.contentUndecodable

    func check(_ subject: LintSubject) -> [Finding] {
        guard let content = subject.content else { return [] }
        let name = Format.fileName(subject.path)
        switch content {
        case .failure(let error):
            return [finding("\(name) cannot be decoded for the content checks: \(error.description); export it again from the camera's original.")]
        case .success(let facts):
            return [facts.videoProblem, facts.audioProblem].compactMap { $0 }.map { problem in
                finding("\(name): \(problem); export it again from the camera's original.")
            }
        }
    }
}
