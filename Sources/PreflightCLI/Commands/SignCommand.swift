import ArgumentParser
import Foundation
import MetaStudio

/// `preflight sign`: prints the headers that sign a request with the AK/SK in the environment, exactly as
/// Huawei Cloud's SDK would sign it.
struct SignCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign",
        abstract: "Sign a request with SDK-HMAC-SHA256 and print the headers to send.",
        discussion: """
            Reads the access key and secret key from CLOUD_SDK_AK and CLOUD_SDK_SK. Signs exactly the headers \
            given with --header, adding only what the algorithm adds: Host (from the URL) and X-Sdk-Date when \
            absent, and X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD when the Content-Type is neither JSON nor BSON. \
            Prints every header to send, Authorization included. The secret key is never printed.

            Examples:
              preflight sign --method GET \\
                --url 'https://metastudio.cn-north-4.myhuaweicloud.com/v1/PROJECT/digital-human-training-manage/user/jobs?limit=10' \\
                --header 'Content-Type: application/json' --header 'X-Project-Id: PROJECT'
              preflight sign --method PUT --url https://host/path --header 'Content-Type: application/json' \\
                --body-file body.json --date 20261101T000000Z --format json

            Exit status: 0 printed; 2 credentials missing or body file unreadable; 64 usage error.
            """
    )

    @Option(help: "HTTP method, e.g. GET, PUT, POST, DELETE.")
    var method: String

    @Option(help: "The full request URL (scheme, host, optional port, path, optional query).")
    var url: String

    @Option(name: .customLong("header"), help: "A header to sign, as 'Name: value' (repeatable).")
    var headers: [String] = []

    @Option(name: .customLong("body-file"), help: "File holding the request body (signed for JSON content types).")
    var bodyFile: String?

    @Option(help: "Signing time as YYYYMMDDTHHMMSSZ (UTC); default now. An X-Sdk-Date header takes precedence.")
    var date: String?

    @Option(help: "Output format: text ('Name: value' lines) or json ({\"headers\": {…}}).")
    var format: OutputFormat = .text

    func validate() throws {
        let trimmedMethod = method.trimmingCharacters(in: .whitespaces)
        guard !trimmedMethod.isEmpty, trimmedMethod.allSatisfy({ $0.isLetter && $0.isASCII }) else {
            throw ValidationError("--method must be an HTTP method such as GET or PUT, got '\(method)'.")
        }
        if let date, Signer.parseSDKDate(date) == nil {
            throw ValidationError("--date must look like 20261101T093015Z (UTC, YYYYMMDDTHHMMSSZ), got '\(date)'.")
        }
        for header in headers { _ = try Self.parseHeader(header) }
        guard let parsed = URL(string: url), parsed.scheme != nil, parsed.host != nil else {
            throw ValidationError("--url must be an absolute URL such as https://host/path, got '\(URLRedaction.redact(url))'.")
        }
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        func value(_ name: String) -> String? {
            guard let text = environment[name], !text.isEmpty else { return nil }
            return text
        }
        guard let accessKey = value(MetaStudioCredentials.accessKeyVariable),
              let secretKey = value(MetaStudioCredentials.secretKeyVariable)
        else {
            printError("preflight sign: set \(MetaStudioCredentials.accessKeyVariable) and "
                + "\(MetaStudioCredentials.secretKeyVariable) in the environment to sign a request.")
            throw ExitStatus.toolFailed
        }

        let pairs = try headers.map(Self.parseHeader)
        let contentType = pairs.last { $0.name.lowercased() == "content-type" }?.value
        var body: [UInt8]?
        if let bodyFile {
            // A non-JSON body is not part of the signature, so it is not read at all (it may be a large video).
            if contentType.map(Signer.isSignedContentType) ?? true {
                guard let data = FileManager.default.contents(atPath: bodyFile) else {
                    printError("preflight sign: cannot read --body-file \(bodyFile); check the path and permissions.")
                    throw ExitStatus.toolFailed
                }
                body = Array(data)
            } else if !FileManager.default.isReadableFile(atPath: bodyFile) {
                printError("preflight sign: cannot read --body-file \(bodyFile); check the path and permissions.")
                throw ExitStatus.toolFailed
            }
        }

        guard let parsedURL = URL(string: url),
              let request = SignableRequest(method: method.uppercased(), url: parsedURL, headers: pairs, body: body)
        else {
            throw ValidationError("--url must be an absolute URL such as https://host/path.")
        }
        let signingDate = date.flatMap(Signer.parseSDKDate) ?? Date()
        let signed = Signer(accessKey: accessKey, secretKey: secretKey).sign(request, date: signingDate)
        writeOut(Self.render(signed, format: format))
    }

    /// Splits `Name: value` at the first colon; the name must be a non-empty token.
    static func parseHeader(_ text: String) throws -> (name: String, value: String) {
        guard let colon = text.firstIndex(of: ":") else {
            throw ValidationError("--header must look like 'Name: value', got '\(text)'.")
        }
        let name = text[..<colon].trimmingCharacters(in: .whitespaces)
        let value = text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "!#$%&'*+-.^_`|~"))
        guard !name.isEmpty, name.unicodeScalars.allSatisfy({ $0.isASCII && allowed.contains($0) }) else {
            throw ValidationError("--header name in '\(text)' must be a token such as X-Project-Id.")
        }
        guard !value.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\t" }) else {
            throw ValidationError("--header value of \(name) must not contain control characters.")
        }
        return (name: name, value: value)
    }

    /// The headers as `Name: value` lines, or as `{"headers": {…}}` in signing order.
    static func render(_ headers: [(name: String, value: String)], format: OutputFormat) -> String {
        switch format {
        case .text:
            return headers.map { "\($0.name): \($0.value)\n" }.joined()
        case .json:
            let members = headers.map { "    \(jsonString($0.name)): \(jsonString($0.value))" }
            return "{\n  \"headers\": {\n" + members.joined(separator: ",\n") + "\n  }\n}\n"
        }
    }

    private static func jsonString(_ text: String) -> String {
        let encoder = StableJSON.encoder()
        guard let data = try? encoder.encode(text) else { return "\"\"" }
        return String(decoding: data, as: UTF8.self)
    }
}
