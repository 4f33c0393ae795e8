import ArgumentParser
import Foundation
import MetaStudio
import MetaStudioUpload

/// `preflight status JOB`: the job's state in words, its review history and the next step.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show a training job's state, its review history (newest first) and what to do next.",
        discussion: """
            Review error codes are matched to Preflight's rules where one exists (44005901 → resolution.unsupported). \
            For a job rejected by review, the next step is the `preflight update` command to run.

            Exit status: 0 the state was read; 2 the tool could not run (configuration, network, service error); \
            5 the job does not exist.
            """)

    @Argument(help: "The job id.")
    var jobID: String
    @OptionGroup var service: ServiceOptions
    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() async throws {
        let client = try service.client()
        let outcome = await Result { try await jobCall("status", jobID: jobID) { try await client.showJob(jobID: jobID).body } }
        try? await client.shutdown()
        let report = JobStatusReport(job: try outcome.get(), updateCommand: updateCommand(jobID: jobID, service: service))
        writeOut(format == .json ? JobStatusText.json(report) : JobStatusText.text(report))
    }
}

/// The `preflight update` command that fixes a rejected job, with the service options this run was given.
func updateCommand(jobID: String, service: ServiceOptions) -> String {
    (["preflight", "update", "--job-id", jobID] + service.arguments + ["--training-video", "NEW-TAKE.mp4", "--submit"])
        .map(shellWord).joined(separator: " ")
}

/// How a status report reads.
enum JobStatusText {
    static func json(_ report: JobStatusReport) -> String {
        prettyJSON(report, fallback: "{}\n")
    }

    static func text(_ report: JobStatusReport) -> String {
        var lines = ["Job \(report.jobID)" + (report.name.map { " (\($0))" } ?? "") + ": \(report.state)",
                     "  \(report.explanation)"]
        if report.history.isEmpty {
            lines.append("History: none")
        } else {
            lines.append("History (newest first):")
            for entry in report.history {
                let who = entry.actor.map(actorWord) ?? "unknown"
                lines.append("  \(entry.time ?? "(no time)")  \(who)  \(entry.type ?? "")")
                if let description = entry.description, !description.isEmpty { lines.append("      \(description)") }
                if let code = entry.errorCode {
                    var text = "      error code \(code)"
                    if let meaning = entry.meaning { text += ": \(meaning)" }
                    if let rule = entry.rule { text += " (Preflight rule \(rule))" }
                    lines.append(text)
                    if let advice = entry.advice { lines.append("      \(advice)") }
                }
                for reason in entry.redoReasons ?? [] { lines.append("      redo: \(reason)") }
            }
        }
        lines.append("Next: \(report.nextStep)")
        return lines.joined(separator: "\n") + "\n"
    }

    static func actorWord(_ actor: String) -> String {
        switch actor {
        case "USER": return "you (USER)"
        case "ADMIN": return "reviewer (ADMIN)"
        case "SYSTEM": return "service (SYSTEM)"
        default: return actor
        }
    }
}

extension Result where Failure == any Error {
    /// The outcome of an async throwing body.
    init(catching body: () async throws -> Success) async {
        do { self = .success(try await body()) } catch { self = .failure(error) }
    }
}
