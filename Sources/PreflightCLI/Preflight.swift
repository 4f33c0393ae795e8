import ArgumentParser
import MetaStudio

/// The `preflight` command line: lint media before it is uploaded to MetaStudio, and talk to the service.
@main
struct PreflightCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preflight",
        abstract: "Check MetaStudio training media before upload, then create or update the job and upload it.",
        discussion: """
            Exit status (every subcommand): 0 success; 1 a file fails the service's requirements; \
            2 the tool itself could not run; 64 usage error. `create` and `update` add their own statuses (see their `--help`).
            """,
        version: PreflightVersion.current,
        subcommands: [
            LintCommand.self, ProbeCommand.self, RulesCommand.self, CreateCommand.self, UpdateCommand.self, StatusCommand.self, WatchCommand.self,
            JobsCommand.self, SignCommand.self, EmulatorCommand.self, ManualCommand.self,
        ],
        defaultSubcommand: nil
    )
}
