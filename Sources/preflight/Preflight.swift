import ArgumentParser

@main
struct PreflightCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "preflight", abstract: "Check MetaStudio training media before upload.")
}
