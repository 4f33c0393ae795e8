import Foundation
import Testing
import TestSupport

/// `preflight sign` reproduces every signing vector the official SDK produced, and never prints the SK.
@Suite("preflight sign, end to end")
struct SignCommandTests {
    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)..<Unicode.Scalar(128)))
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    @Test("every vector's Authorization, from the vector's inputs, in text and JSON")
    func vectors() async throws {
        let dir = try TemporaryDirectory()
        let all = try SigningVector.all()
        #expect(all.count >= 32)
        for vector in all {
            let query = vector.query.map { "\(Self.encode($0.name))=\(Self.encode($0.value))" }
            let url = "\(vector.scheme)://\(vector.host)\(vector.resourcePath)" + (query.isEmpty ? "" : "?" + query.joined(separator: "&"))
            var arguments = ["sign", "--method", vector.method, "--url", url, "--date", vector.sdkDate]
            for (name, value) in vector.headers.sorted(by: { $0.key < $1.key }) where name.lowercased() != "x-sdk-date" {
                arguments += ["--header", "\(name): \(value)"]
            }
            if let body = vector.body {
                let file = dir.file("\(vector.name).body")
                try await writeFile(Data(body), to: file)
                arguments += ["--body-file", file.path]
            }
            let environment = ["CLOUD_SDK_AK": vector.ak, "CLOUD_SDK_SK": vector.sk]
            let text = try await runPreflight(arguments, environment: environment)
            #expect(text.status == 0, "\(vector.name): \(text.stderr)")
            #expect(text.stdout.contains("Authorization: \(vector.authorization)\n"), "\(vector.name)")
            let json = try await runPreflight(arguments + ["--format", "json"], environment: environment)
            let object = try JSONSerialization.jsonObject(with: json.stdoutData) as? [String: Any]
            let headers = object?["headers"] as? [String: String]
            #expect(headers?["Authorization"] == vector.authorization, "\(vector.name) json")
            for output in [text.stdout, text.stderr, json.stdout, json.stderr] {
                #expect(!output.contains(vector.sk), "\(vector.name): the SK never appears")
            }
        }
    }

    @Test("missing keys: a clear error and status 2, nothing signed")
    func missingKeys() async throws {
        let result = try await runPreflight(["sign", "--method", "GET", "--url", "https://metastudio.cn-north-4.myhuaweicloud.com/v1/p/jobs"],
                                      environment: ["CLOUD_SDK_AK": "", "CLOUD_SDK_SK": ""])
        #expect(result.status == 2)
        #expect(result.stderr.contains("CLOUD_SDK_AK"))
        #expect(!result.stdout.contains("Authorization"))
    }
}
