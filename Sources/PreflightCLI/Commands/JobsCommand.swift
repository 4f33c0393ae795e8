import ArgumentParser
import Foundation
import MetaStudio

/// `preflight jobs`: list training jobs, delete one.
struct JobsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jobs",
        abstract: "List training jobs, or delete one.",
        subcommands: [JobsListCommand.self, JobsDeleteCommand.self])
}

/// `preflight jobs list`: one page of jobs (or every page with `--all`), as a table or JSON.
struct JobsListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List training jobs, newest first, with the service's filters.",
        discussion: "Exit status: 0 listed (also when nothing matches); 2 the tool could not run; 64 usage error.")

    @OptionGroup var service: ServiceOptions
    @Option(help: "Only jobs in these states, comma-separated (e.g. AUTO_VERIFY_FAILED,MANUAL_VERIFY_FAILED).")
    var state: String?
    @Option(name: .customLong("batch-name"), help: "Only jobs of this batch.")
    var batchName: String?
    @Option(help: "Only jobs with this tag.")
    var tag: String?
    @Option(help: "Only jobs whose name contains this.")
    var name: String?
    @Option(help: "Jobs per page, 1–100 (default 10).")
    var limit: Int?
    @Option(help: "Jobs to skip (default 0).")
    var offset: Int?
    @Flag(help: "Page through every matching job (100 per request).")
    var all = false
    @Option(help: "Output format: text (a table) or json.")
    var format: OutputFormat = .text

    func validate() throws {
        if let limit, !(1...100).contains(limit) { throw ValidationError("--limit must be from 1 to 100.") }
        if let offset, offset < 0 { throw ValidationError("--offset must be 0 or more.") }
        if let state {
            let unknown = states(state).filter { !JobState.knownValues.contains($0) }.map(\.rawValue)
            if !unknown.isEmpty { throw ValidationError("Unknown state(s) for --state: \(unknown.joined(separator: ", ")).") }
        }
    }

    private func states(_ text: String) -> [JobState] {
        text.split(separator: ",").map { JobState(rawValue: $0.trimmingCharacters(in: .whitespaces).uppercased()) }
    }

    func run() async throws {
        let client = try service.client()
        var query = ListTrainingJobsQuery(offset: offset, limit: all ? 100 : limit, states: state.map(states),
                                          batchName: batchName, tag: tag, name: name)
        let outcome = await Result {
            try await jobCall("jobs list", jobID: nil) { () async throws -> (Int?, [TrainingJobSummary]) in
                var jobs: [TrainingJobSummary] = []
                var total: Int?
                repeat {
                    let page = try await client.listJobs(query).body
                    total = page.count ?? total
                    let found = page.jobs ?? []
                    jobs += found
                    guard all, !found.isEmpty, jobs.count < (total ?? Int.max) else { break }
                    query.offset = (query.offset ?? 0) + found.count
                } while true
                return (total, jobs)
            }
        }
        try? await client.shutdown()
        let (total, jobs) = try outcome.get()
        writeOut(format == .json ? Self.json(total: total, jobs) : Self.table(total: total, jobs))
    }

    struct Row: Encodable {
        var jobID: String
        var name: String
        var state: String
        var batchName: String?
        var tags: [String]?
        var createTime: String?
        var lastUpdateTime: String?

        enum CodingKeys: String, CodingKey {
            case jobID = "job_id", name, state, tags
            case batchName = "batch_name", createTime = "create_time", lastUpdateTime = "last_update_time"
        }
    }

    struct Listing: Encodable {
        var count: Int?
        var jobs: [Row]
    }

    static func rows(_ jobs: [TrainingJobSummary]) -> [Row] {
        jobs.map { Row(jobID: $0.jobID, name: $0.name, state: $0.state.rawValue, batchName: $0.batchName, tags: $0.tags,
                       createTime: $0.createTime, lastUpdateTime: $0.lastUpdateTime) }
    }

    static func json(total: Int?, _ jobs: [TrainingJobSummary]) -> String {
        prettyJSON(Listing(count: total, jobs: rows(jobs)), fallback: "{}\n")
    }

    static func table(total: Int?, _ jobs: [TrainingJobSummary]) -> String {
        let header = ["JOB ID", "NAME", "STATE", "BATCH", "UPDATED"]
        let cells = rows(jobs).map { [$0.jobID, $0.name, $0.state, $0.batchName ?? "", $0.lastUpdateTime ?? ""].map(visible) }
        let widths = header.indices.map { column in ([header] + cells).map { $0[column].count }.max() ?? 0 }
        func line(_ row: [String]) -> String {
            zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ")
                .trimmingCharacters(in: .whitespaces)
        }
        var lines = [line(header)] + cells.map(line)
        lines.append("\(jobs.count) job(s) shown" + (total.map { " of \($0)" } ?? ""))
        return lines.joined(separator: "\n") + "\n"
    }

    /// A cell without control characters (a name cannot break the table).
    static func visible(_ text: String) -> String {
        String(text.unicodeScalars.map { CharacterSet.controlCharacters.contains($0) ? "?" : Character($0) })
    }
}

/// `preflight jobs delete JOB --yes`: deletes a job where the contract allows it.
struct JobsDeleteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete a training job (and its videos, ID photos, authorisation file and model assets).",
        discussion: """
            The job's state is read first; a state the contract does not allow deleting in is refused before any \
            Delete is sent. Without --yes nothing is deleted.

            Exit status: 0 deleted; 2 the tool could not run; 3 the job's state does not allow deleting; 5 the job \
            does not exist; 64 usage error (no --yes).
            """)

    @Argument(help: "The job id.")
    var jobID: String
    @OptionGroup var service: ServiceOptions
    @Flag(help: "Really delete (deleting cannot be undone).")
    var yes = false

    func run() async throws {
        let client = try service.client()
        let jobID = self.jobID, yes = self.yes
        let outcome = await Result { () async throws -> String in
            try await jobCall("jobs delete", jobID: jobID) {
                let job = try await client.showJob(jobID: jobID).body.summary
                guard job.state.allowsDelete else {
                    let allowed = JobState.deletableStates.map(\.rawValue).sorted().joined(separator: ", ")
                    printError("preflight: jobs delete: job \(jobID) is \(job.state.rawValue); the service deletes only jobs in \(allowed). Nothing was deleted.")
                    throw JobExitStatus.notInReview
                }
                guard yes else {
                    printError("preflight: jobs delete: this deletes job \(jobID) (\(job.name), \(job.state.rawValue)) and its files for good; run again with --yes")
                    throw ExitStatus.usage
                }
                _ = try await client.deleteJob(jobID: jobID)
                return "Deleted job \(jobID) (\(job.name)).\n"
            }
        }
        try? await client.shutdown()
        writeOut(try outcome.get())
    }
}
