import ArgumentParser
import Foundation
import MetaStudio
import MetaStudioUpload
import Preflight

/// How the files are sent and what follows (`create` and `update`): parallelism, part size, content checks, submit
/// and resume.
struct UploadRunFlags: ParsableArguments {
    @Option(help: "Parts uploaded at once (1–64).")
    var parallel: Int = 4
    @Option(name: .customLong("part-size"), help: "Video part size, e.g. 16MiB (100KiB–5GiB; default 16MiB, larger for files over ~16 GiB).")
    var partSize: String?
    @Flag(inversion: .prefixedNo, help: ArgumentHelp(
        "Check what is in the videos too, as lint --deep does (black bars, silence, a still or frozen picture, cuts, no green screen when the background is replaced, …). On by default: a rejected take costs a day. --no-deep checks headers only."))
    var deep = true
    @Flag(help: "Submit the job for review (SUBMITVERIFYING) after the upload.")
    var submit = false
    @Flag(help: "Finish an interrupted run from its journal: no new Create or Update call, and only the missing parts are sent.")
    var resume = false
    @Option(help: "Journal path (default: .preflight-create-<name>.journal.json or .preflight-update-<job>.journal.json, in the current directory).")
    var journal: String?

    /// The run of `files` in `projectID` these flags ask for, journalled at `--journal` or else at `defaultJournal`.
    func run(projectID: String, files: [UpdateFile], defaultJournal: URL) -> UploadRun {
        UploadRun(projectID: projectID, files: files, partSize: partSizeBytes, parallelism: parallel, submit: submit,
                  resume: resume, journalURL: journal.map { URL(fileURLWithPath: $0) } ?? defaultJournal, deep: deep)
    }

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
