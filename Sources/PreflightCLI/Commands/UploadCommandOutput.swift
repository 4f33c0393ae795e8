import Foundation
import MetaStudioUpload
import Preflight

/// The result `create` and `update` print: as JSON, `status` plus exactly one of the plan, the summary or the error,
/// and, from `create`, the job's id once the job exists; or as text.
enum UploadCommandOutput: Encodable {
    case planned(UpdatePlan)
    /// `jobID` is given by `create` only.
    case completed(UpdateSummary, jobID: String?)
    case failed(kind: String, message: String, jobID: String?)

    private enum CodingKeys: String, CodingKey { case status, jobID = "job_id", plan, summary, error }
    private enum ErrorKeys: String, CodingKey { case kind, message }

    var status: String {
        switch self {
        case .planned: return "planned"
        case .completed: return "completed"
        case .failed: return "failed"
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(status, forKey: .status)
        switch self {
        case .planned(let plan): try container.encode(plan, forKey: .plan)
        case .completed(let summary, let jobID):
            try container.encodeIfPresent(jobID, forKey: .jobID)
            try container.encode(summary, forKey: .summary)
        case .failed(let kind, let message, let jobID):
            try container.encodeIfPresent(jobID, forKey: .jobID)
            var error = container.nestedContainer(keyedBy: ErrorKeys.self, forKey: .error)
            try error.encode(kind, forKey: .kind)
            try error.encode(message, forKey: .message)
        }
    }

    static func json(_ output: UploadCommandOutput) -> String {
        prettyJSON(output, fallback: "{\"status\":\"\(output.status)\"}\n")
    }

    static func text(plan: UpdatePlan) -> String {
        var lines = ["Dry run: job \(plan.jobID) is in \(plan.state); nothing was changed.", "Would upload:"]
        for file in plan.files {
            let parts = file.partCount == 1 ? "1 part" : "\(file.partCount) parts of \(ByteCountText.format(file.partSize))"
            lines.append("  \(file.role.rawValue.padding(toLength: 18, withPad: " ", startingAt: 0)) \(file.path)  "
                + "\(ByteCountText.format(file.size)) in \(parts) → \(file.uploadField) (\(file.contentType))")
        }
        lines.append("Then: " + (plan.commands.isEmpty ? "nothing" : plan.commands.joined(separator: ", "))
            + "; \(plan.parallelism) part(s) at a time.")
        return lines.joined(separator: "\n") + "\n"
    }

    static func text(summary: UpdateSummary) -> String {
        let total = summary.files.reduce(Int64(0)) { $0 + $1.size }
        var lines = ["Job \(summary.jobID): uploaded \(summary.files.count) file(s), \(ByteCountText.format(total))"
            + (summary.resumed ? " (resumed: \(summary.partsSent) missing part(s) sent)" : "") + "."]
        if !summary.commands.isEmpty { lines.append("Sent: " + summary.commands.joined(separator: ", ") + ".") }
        lines.append(summary.submitted ? "Submitted for review." : "Not submitted; run again with --submit (and --resume) or submit it in the console.")
        return lines.joined(separator: "\n") + "\n"
    }

    /// `create`'s text: the job made (or finished, when resumed), then the summary.
    static func createdText(summary: UpdateSummary) -> String {
        (summary.resumed ? "Finished job \(summary.jobID).\n" : "Created job \(summary.jobID).\n")
            + text(summary: summary)
    }
}
