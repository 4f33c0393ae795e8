import ArgumentParser
import Foundation
import Preflight

/// `preflight rules`: lists every rule with its identifier, severity and reason.
struct RulesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules", abstract: "List the rules lint applies, with their stable identifiers.")

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() async throws {
        let rules = RuleRegistry.all
        switch format {
        case .json:
            writeOut(JSONReporter.encode(["rules": rules]))
        case .text:
            let width = rules.map(\.id.count).max() ?? 0
            for rule in rules {
                let id = rule.id.padding(toLength: width, withPad: " ", startingAt: 0)
                let severity = rule.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)
                writeOut("\(id)  \(severity)  \(rule.name): \(rule.explanation)\n")
            }
        }
    }
}
