import Foundation
import MetaStudio
import MetaStudioUpload
import Preflight
import NIOPosix

/// The six training-job endpoints: routing, body validation and the calls into the job store.
///
/// The store's calls that touch the disk (removing an old upload round or a deleted job's folder, assembling parts)
/// run on `threadPool`, never on the cooperative pool or an event loop.
struct JobAPI: Sendable {
    let store: JobStore
    let review: AutomatedReview
    let threadPool: NIOThreadPool

    /// A recognised endpoint.
    enum Route: Equatable, Sendable {
        case create, list
        case show(String), update(String), delete(String), command(String)
    }

    static let collection = ["digital-human-training-manage", "user", "jobs"]

    /// Maps a method and path to an endpoint, or the 404/400 to answer. Also returns the path's project id.
    static func route(method: String, segments: [String], rawPath: String) -> Result<(route: Route, project: String), APIError> {
        guard segments.count >= 5, segments[0] == "v1", Array(segments[2..<5]) == collection, segments.count <= 7 else {
            return .failure(.apiNotFound(method, rawPath))
        }
        let project = segments[1]
        switch (segments.count, method) {
        case (5, "POST"): return .success((.create, project))
        case (5, "GET"): return .success((.list, project))
        case (6, "GET"): return .success((.show(segments[5]), project))
        case (6, "PUT"): return .success((.update(segments[5]), project))
        case (6, "DELETE"): return .success((.delete(segments[5]), project))
        case (7, "POST") where segments[6] == "command": return .success((.command(segments[5]), project))
        case (7, _) where segments[6] != "command": return .failure(.apiNotFound(method, rawPath))
        default: return .failure(.methodNotAllowed(method, rawPath))
        }
    }

    func handle(_ route: Route, query: [(String, String)], body: [UInt8], appUserID: String?) async -> EmulatorResponse {
        do {
            switch route {
            case .create:
                let request = try Self.decode(WireCreateRequest.self, from: body, allowEmpty: false)
                try Self.validate(request)
                if let appUserID { try Self.validate(appUserID: appUserID) }
                return .json(store.create(request, appUserID: appUserID))
            case .list:
                return .json(store.list(try ListQuery(query)))
            case .show(let id):
                return .json(try store.show(id))
            case .update(let id):
                let request = try Self.decode(WireUpdateRequest.self, from: body, allowEmpty: true)
                try Self.validate(request)
                let store = self.store
                return .json(try await threadPool.runIfActive { try store.update(id, request) })
            case .delete(let id):
                let store = self.store
                try await threadPool.runIfActive { try store.delete(id) }
                return .empty()
            case .command(let id):
                let request = try Self.decode(WireCommandRequest.self, from: body, allowEmpty: false)
                return try await execute(id, request)
            }
        } catch let error as APIError {
            return .error(error)
        } catch {
            return .error(.internalError(String(describing: error)))
        }
    }

    // MARK: - Commands

    private func execute(_ id: String, _ request: WireCommandRequest) async throws -> EmulatorResponse {
        guard let command = request.command, !command.isEmpty else { throw APIError.invalidBody("command is required") }
        guard JobStates.commands.contains(command) else {
            throw APIError.invalidBody("command '\(command)' is not one of \(JobStates.commands.sorted().joined(separator: ", "))")
        }
        if let message = request.commandMessage, !JobStates.commandMessages.contains(message) {
            throw APIError.invalidBody("command_message '\(message)' is not one of \(JobStates.commandMessages.sorted().joined(separator: ", "))")
        }
        let success = WireCommandResponse(commondResult: WireCommandResponse.success)
        // The multipart commands come from the wire table: each video role's confirm and list commands.
        if let role = RoleWire.role(confirmedBy: command) {
            return try await threadPool.runIfActive { try confirm(id, role: role, command: command) }
        }
        if let role = RoleWire.role(listedBy: command) {
            var response = success
            response.multipartData = try store.multipartInfo(id, role: role)
            return .json(response)
        }
        switch command {
        case "SUBMITVERIFYING":
            let files = try store.beginReview(id)
            let verdict = await review.review(trainingVideo: files.trainingVideo, actionVideo: files.actionVideo)
            store.finishReview(id, passed: verdict.passed, description: verdict.description, errorCode: verdict.errorCode)
            return .json(success)
        case "CONFIRM_AUTHORIZATION_LETTER":
            let job = try store.requireJob(id)
            guard JobStates.accepting.contains(job.state) else {
                throw APIError.wrongState(job: id, state: job.state, call: command, allowed: JobStates.accepting)
            }
            if job.files[.grantFile] != nil { return .json(success) }
            return .json(Self.failed("the authorisation letter was not uploaded; PUT it to grant_file_upload_url first"))
        case "DELETE_JOB_VIDEO":
            let job = try store.requireJob(id)
            guard JobStates.accepting.contains(job.state) else {
                throw APIError.wrongState(job: id, state: job.state, call: command, allowed: JobStates.accepting)
            }
            let videos = try store.deleteVideos(id)
            try await threadPool.runIfActive { for url in videos { try? FileManager.default.removeItem(at: url) } }
            return .json(success)
        case "CONFIRM_REPAIR":
            try store.transition(id, command: command, from: [JobStates.jobSuccess], to: nil, log: "USER_REPAIR")
            return .json(success)
        case "CONFIRM_ACCEPT":
            try store.transition(id, command: command, from: [JobStates.waitUserConfirm], to: JobStates.jobFinish, log: nil)
            return .json(success)
        case "CONFIRM_REJECT":
            try store.transition(id, command: command, from: [JobStates.waitUserConfirm], to: JobStates.jobReject, log: nil)
            return .json(success)
        case "CONFIRM_ANSWER":
            try store.transition(id, command: command, from: [JobStates.waitUserConfirm, JobStates.jobReject], to: nil, log: nil)
            return .json(success)
        case "CONFIRM_PENDING":
            try store.transition(id, command: command, from: [JobStates.waitUserConfirm], to: JobStates.jobPending, log: nil)
            return .json(success)
        case "CONFIRM_ACTIVE":
            try store.transition(id, command: command, from: [JobStates.jobPending], to: JobStates.waitUserConfirm, log: nil)
            return .json(success)
        default:
            throw APIError.invalidBody("command '\(command)' is not supported by the emulator")
        }
    }

    private static func failed(_ message: String) -> WireCommandResponse {
        WireCommandResponse(
            commondResult: WireCommandResponse.failed, excuteFailedMsg: message,
            errorInfo: WireError(errorCode: "MSS.10000003", errorMsg: message))
    }

    /// CONFIRM_*_MULTIPART_UPLOADED: concatenates the parts in part-number order into the stored file.
    private func confirm(_ id: String, role: Role, command: String) throws -> EmulatorResponse {
        switch try store.planAssembly(id, role: role, command: command) {
        case .incomplete(let message):
            return .json(Self.failed(message))
        case .alreadyDone:
            return .json(WireCommandResponse(commondResult: WireCommandResponse.success))
        case .assemble(let jobID, let role, let round, let parts, let destination):
            do {
                try FileAssembler.concatenate(parts, into: destination)
            } catch {
                store.finishAssembly(jobID: jobID, role: role, round: round, destination: nil)
                throw APIError.internalError("assembling the \(role.label) of job \(jobID) failed: \(error)")
            }
            store.finishAssembly(jobID: jobID, role: role, round: round, destination: destination)
            for part in parts { try? FileManager.default.removeItem(at: part) }
            return .json(WireCommandResponse(commondResult: WireCommandResponse.success))
        }
    }

    // MARK: - Decoding and validation

    static func decode<T: Decodable>(_ type: T.Type, from body: [UInt8], allowEmpty: Bool) throws(APIError) -> T {
        var bytes = body
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            guard allowEmpty else { throw .requestJSON("the request body is empty; send a JSON object") }
            bytes = Array("{}".utf8)
        }
        do {
            return try JSONDecoder().decode(T.self, from: Data(bytes))
        } catch let DecodingError.typeMismatch(expected, context) {
            if context.codingPath.isEmpty { throw .invalidBody("the body must be a JSON object") }
            throw .invalidBody("\(path(context.codingPath)) must be \(describe(expected))")
        } catch let DecodingError.dataCorrupted(context) where context.codingPath.isEmpty {
            throw .requestJSON("the body is not valid JSON")
        } catch let DecodingError.dataCorrupted(context) {
            throw .invalidBody("\(path(context.codingPath)): \(context.debugDescription)")
        } catch let DecodingError.valueNotFound(_, context) {
            throw .invalidBody("\(path(context.codingPath)) must not be null")
        } catch {
            throw .invalidBody("the body does not match the expected fields")
        }
    }

    private static func path(_ codingPath: [any CodingKey]) -> String {
        codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
            .replacingOccurrences(of: ".[", with: "[")
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type: return "an integer"
        case is Bool.Type: return "true or false"
        case is String.Type: return "a string"
        case is [String].Type, is [Any].Type: return "an array"
        default: return "a JSON value of another type"
        }
    }

    static func validate(_ request: WireCreateRequest) throws(APIError) {
        guard let name = request.name, !name.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw .invalidBody("name is required and must not be empty")
        }
        try validateCommon(
            commandMessage: request.commandMessage, videoParts: request.videoMultipartCount,
            actionParts: request.actionVideoMultipartCount, audioSourceType: request.audioSourceType,
            voice: request.voiceProperties, services: request.supportedService)
        if let version = request.modelVersion, !JobStates.modelVersions.contains(version) {
            throw .invalidBody("model_version '\(version)' is not one of \(JobStates.modelVersions.sorted().joined(separator: ", "))")
        }
        if request.isFlexus == true, let services = request.supportedService, services != ["VIDEO_2D"] {
            throw .invalidBody("a Flexus job (is_flexus) may only use supported_service [VIDEO_2D]")
        }
    }

    static func validate(_ request: WireUpdateRequest) throws(APIError) {
        if let name = request.name, name.trimmingCharacters(in: .whitespaces).isEmpty {
            throw .invalidBody("name must not be empty")
        }
        try validateCommon(
            commandMessage: request.commandMessage, videoParts: request.videoMultipartCount,
            actionParts: request.actionVideoMultipartCount, audioSourceType: request.audioSourceType,
            voice: request.voiceProperties, services: request.supportedService)
        for (index, sample) in (request.samplesBasicInfo ?? []).enumerated() where (sample.actionTag ?? "").isEmpty {
            throw .invalidBody("samples_basic_info[\(index)].action_tag is required")
        }
    }

    private static func validateCommon(
        commandMessage: String?, videoParts: Int?, actionParts: Int?, audioSourceType: String?,
        voice: WireVoiceProperties?, services: [String]?
    ) throws(APIError) {
        if let commandMessage, !JobStates.commandMessages.contains(commandMessage) {
            throw .invalidBody("command_message '\(commandMessage)' is not one of \(JobStates.commandMessages.sorted().joined(separator: ", "))")
        }
        for (field, value) in [("video_multipart_count", videoParts), ("action_video_multipart_count", actionParts)] {
            if let value, !(1...1000).contains(value) {
                throw .invalidBody("\(field) must be between 1 and 1000, got \(value)")
            }
        }
        if let audioSourceType, !JobStates.audioSourceTypes.contains(audioSourceType) {
            throw .invalidBody("audio_source_type '\(audioSourceType)' is not VIDEO or AUDIO")
        }
        if let voice {
            let checks: [(String, String?, Set<String>)] = [
                ("job_tag", voice.jobTag, JobStates.voiceJobTags), ("sex", voice.sex, JobStates.voiceSexes),
                ("language", voice.language, JobStates.voiceLanguages),
            ]
            for (field, value, allowed) in checks {
                guard let value else { throw .invalidBody("voice_properties.\(field) is required") }
                guard allowed.contains(value) else {
                    throw .invalidBody("voice_properties.\(field) '\(value)' is not one of \(allowed.sorted().joined(separator: ", "))")
                }
            }
        }
        if let services {
            if let bad = services.first(where: { !JobStates.supportedServices.contains($0) }) {
                throw .invalidBody("supported_service '\(bad)' is not one of CHAT_2D, LIVE_2D, VIDEO_2D")
            }
        }
    }

    /// `X-App-UserId` must not contain Chinese characters (contract §1.2).
    static func validate(appUserID: String) throws(APIError) {
        if appUserID.unicodeScalars.contains(where: Validate.isChinese) { throw .invalidParameter("X-App-UserId must not contain Chinese characters") }
    }
}

/// Joins part files into one file without holding them in memory.
enum FileAssembler {
    /// Appends all of `input` to `output`. On Linux the kernel copies (`sendfile`), so the bytes never pass through
    /// this process: assembling a 2 GiB upload is then bound by the disk, not by copying through user space.
    static func copyAll(from input: FileHandle, to output: FileHandle, name: String) throws {
        #if canImport(Glibc)
        while true {
            let sent = sendfile(output.fileDescriptor, input.fileDescriptor, nil, 1 << 30)
            if sent > 0 { continue }
            if sent == 0 { return }
            if errno == EINTR { continue }
            if errno == EINVAL || errno == ENOSYS { break }  // not supported here: fall back to reading and writing
            throw EmulatorError("cannot copy part \(name): \(String(cString: strerror(errno)))")
        }
        #endif
        while let chunk = try input.read(upToCount: 1 << 20), !chunk.isEmpty {
            try output.write(contentsOf: chunk)
        }
    }

    static func concatenate(_ parts: [URL], into destination: URL) throws {
        let fm = FileManager.default
        let temporary = destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).\(Randomness.hex(bytes: 4)).assembling")
        try fm.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
        // Stored files are the uploader's data: readable by the emulator's user only.
        guard fm.createFile(atPath: temporary.path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw EmulatorError("cannot create \(temporary.path)")
        }
        do {
            let output = try FileHandle(forWritingTo: temporary)
            defer { try? output.close() }
            for part in parts {
                let input = try FileHandle(forReadingFrom: part)
                defer { try? input.close() }
                try copyAll(from: input, to: output, name: part.lastPathComponent)
            }
        } catch {
            try? fm.removeItem(at: temporary)
            throw error
        }
        if fm.fileExists(atPath: destination.path) { try fm.removeItem(at: destination) }
        try fm.moveItem(at: temporary, to: destination)
    }
}
