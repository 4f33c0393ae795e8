import Foundation
import Testing
import TestSupport

/// `preflight sign` reproduces every signing vector the official SDK produced, and never prints the SK.
@Suite("preflight sign, end to end")
struct SignCommandTests {
    struct Vector: Decodable {
        var name: String
        var method: String
        var scheme: String
        var host: String
        var resource_path: String
        var query_params: [[QueryValue]]
        var headers: [String: String]
        var body: String?
        var body_base64: String?
        var ak: String
        var sk: String
        var sdk_date: String
        var authorization: String
    }

    /// A query parameter's name or value as the vectors store it: text, number, boolean or a list.
    enum QueryValue: Decodable {
        case text(String)
        case list([String])

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let text = try? container.decode(String.self) { self = .text(text) }
            else if let flag = try? container.decode(Bool.self) { self = .text(flag ? "true" : "false") }
            else if let number = try? container.decode(Int.self) { self = .text(String(number)) }
            else { self = .list(try container.decode([String].self)) }
        }

        var values: [String] {
            switch self {
            case .text(let text): return [text]
            case .list(let list): return list
            }
        }
    }

    static func vectors() throws -> [Vector] {
        let url = RepoPaths.shared.appendingPathComponent("vectors/signing-vectors.json")
        return try JSONDecoder().decode([Vector].self, from: Data(contentsOf: url))
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)..<Unicode.Scalar(128)))
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    @Test("every vector's Authorization, from the vector's inputs, in text and JSON")
    func vectors() throws {
        let dir = try TemporaryDirectory()
        let all = try Self.vectors()
        #expect(all.count >= 32)
        for vector in all {
            var query: [String] = []
            for pair in vector.query_params {
                guard let name = pair.first?.values.first, let value = pair.last else { continue }
                query += value.values.map { "\(Self.encode(name))=\(Self.encode($0))" }
            }
            let url = "\(vector.scheme)://\(vector.host)\(vector.resource_path)" + (query.isEmpty ? "" : "?" + query.joined(separator: "&"))
            var arguments = ["sign", "--method", vector.method, "--url", url, "--date", vector.sdk_date]
            for (name, value) in vector.headers.sorted(by: { $0.key < $1.key }) where name.lowercased() != "x-sdk-date" {
                arguments += ["--header", "\(name): \(value)"]
            }
            if let body = vector.body_base64.flatMap({ Data(base64Encoded: $0) }) ?? vector.body.map({ Data($0.utf8) }) {
                let file = dir.file("\(vector.name).body")
                try body.write(to: file)
                arguments += ["--body-file", file.path]
            }
            let environment = ["CLOUD_SDK_AK": vector.ak, "CLOUD_SDK_SK": vector.sk]
            let text = try runPreflight(arguments, environment: environment)
            #expect(text.status == 0, "\(vector.name): \(text.stderr)")
            #expect(text.stdout.contains("Authorization: \(vector.authorization)\n"), "\(vector.name)")
            let json = try runPreflight(arguments + ["--format", "json"], environment: environment)
            let object = try JSONSerialization.jsonObject(with: json.stdoutData) as? [String: Any]
            let headers = object?["headers"] as? [String: String]
            #expect(headers?["Authorization"] == vector.authorization, "\(vector.name) json")
            for output in [text.stdout, text.stderr, json.stdout, json.stderr] {
                #expect(!output.contains(vector.sk), "\(vector.name): the SK never appears")
            }
        }
    }

    @Test("missing keys: a clear error and status 2, nothing signed")
    func missingKeys() throws {
        let result = try runPreflight(["sign", "--method", "GET", "--url", "https://metastudio.cn-north-4.myhuaweicloud.com/v1/p/jobs"],
                                      environment: ["CLOUD_SDK_AK": "", "CLOUD_SDK_SK": ""])
        #expect(result.status == 2)
        #expect(result.stderr.contains("CLOUD_SDK_AK"))
        #expect(!result.stdout.contains("Authorization"))
    }
}
