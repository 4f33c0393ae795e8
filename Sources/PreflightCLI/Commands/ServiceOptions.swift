import ArgumentParser
import Foundation
import MetaStudio

/// The options that say which service and project a job command talks to (credentials come from the environment).
struct ServiceOptions: ParsableArguments {
    @Option(name: .customLong("project-id"), help: "Project id (default: $CLOUD_SDK_PROJECT_ID).")
    var projectID: String?
    @Option(help: "Region, e.g. cn-north-4 (default cn-north-4).")
    var region: String?
    @Option(help: "Endpoint URL instead of a region (HTTPS, or http on loopback).")
    var endpoint: String?

    func validate() throws {
        if region != nil && endpoint != nil { throw ValidationError("give --region or --endpoint, not both") }
    }

    /// The client configuration for these options and the credentials in `environment`.
    func configuration(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws
        -> MetaStudioClientConfiguration {
        try MetaStudioClientConfiguration.fromEnvironment(environment, region: region, endpoint: endpoint,
                                                          projectID: projectID)
    }

    /// A client for these options and the environment's credentials; a configuration problem exits 2 with advice.
    func client() throws -> MetaStudioClient {
        do {
            return MetaStudioClient(configuration: try configuration())
        } catch {
            printError("preflight: \(error)")
            throw ExitStatus.toolFailed
        }
    }

    /// These options as command-line arguments, for the commands the tool suggests.
    var arguments: [String] {
        var words: [String] = []
        if let projectID { words += ["--project-id", projectID] }
        if let endpoint { words += ["--endpoint", endpoint] } else if let region { words += ["--region", region] }
        return words
    }
}

/// Exit statuses of the job commands (`status`, `watch`, `jobs`), beside the shared ones.
enum JobExitStatus {
    /// `watch`: review rejected the job.
    static let rejected = ExitCode(1)
    /// `watch`: the job is in no review, so there is nothing to wait for; `jobs delete`: the state forbids it.
    static let notInReview = ExitCode(3)
    /// The job does not exist (the service answered 404).
    static let noSuchJob = ExitCode(5)
    /// `watch`: the time limit passed while the job was still in review.
    static let timedOut = ExitCode(6)
}

/// Runs a job command's call, mapping "no such job" to exit 5 and other failures to exit 2, with the message on stderr.
func jobCall<Value>(_ what: String, jobID: String?, _ body: () async throws -> Value) async throws -> Value {
    do {
        return try await body()
    } catch let error as MetaStudioServiceError where error.statusCode == 404 && jobID != nil {
        printError("preflight: \(what): job \(jobID ?? "") does not exist (\(error))")
        throw JobExitStatus.noSuchJob
    } catch let error as ExitCode {
        throw error
    } catch is CancellationError {
        throw CancellationError()
    } catch {
        printError("preflight: \(what): \(error)")
        throw ExitStatus.toolFailed
    }
}

/// Quotes a word for a POSIX shell when it needs quoting; a word starting with `-` that is a value gets `./`.
func shellWord(_ word: String) -> String {
    let safe = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./:=@%+,")
    if !word.isEmpty, word.unicodeScalars.allSatisfy({ safe.contains($0) }) { return word }
    return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
}
