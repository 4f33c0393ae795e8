import Testing
@testable import MetaStudio

@Suite("Credentials, endpoints and redaction")
struct ConfigurationTests {
    static let sk = "fake-sk-0123456789-never-print"
    static let token = "fake-iam-token-never-print"

    @Test("AK/SK with a security token come from the environment")
    func akSk() throws {
        let credentials = try MetaStudioCredentials.fromEnvironment([
            "CLOUD_SDK_AK": "FAKE-AK-FOR-TESTS", "CLOUD_SDK_SK": Self.sk, "CLOUD_SDK_SECURITY_TOKEN": Self.token,
            "CLOUD_SDK_TOKEN": "ignored",
        ])
        guard case .accessKey(let ak, let sk, let token) = credentials else {
            Issue.record("expected AK/SK, got \(credentials)")
            return
        }
        #expect(ak == "FAKE-AK-FOR-TESTS" && sk == Self.sk && token == Self.token)
        #expect(!credentials.description.contains(Self.sk))
        #expect(!credentials.description.contains(Self.token))
        #expect(!String(reflecting: credentials).contains(Self.sk))
        #expect(credentials.description.contains("FAKE-AK-FOR-TESTS"))
    }

    @Test("an IAM token is used when there is no AK/SK")
    func token() throws {
        let credentials = try MetaStudioCredentials.fromEnvironment(["CLOUD_SDK_TOKEN": Self.token])
        guard case .token(let value) = credentials else {
            Issue.record("expected a token")
            return
        }
        #expect(value == Self.token)
        #expect(!credentials.description.contains(Self.token))
    }

    @Test("missing or half credentials are refused, naming the variable")
    func missing() {
        for (environment, mention) in [
            ([:], "CLOUD_SDK_AK"), (["CLOUD_SDK_AK": "a"], "CLOUD_SDK_SK"), (["CLOUD_SDK_SK": "s"], "CLOUD_SDK_AK"),
            (["CLOUD_SDK_AK": " ", "CLOUD_SDK_SK": ""], "CLOUD_SDK_TOKEN"),
        ] as [([String: String], String)] {
            do {
                _ = try MetaStudioCredentials.fromEnvironment(environment)
                Issue.record("expected refusal for \(environment.keys.sorted())")
            } catch let error as MetaStudioClientError {
                #expect(error == .missingCredentials)
                #expect(error.message.contains(mention))
                #expect(!error.description.contains("\"s\""))
            } catch {
                Issue.record("unexpected \(error)")
            }
        }
    }

    @Test("regions map to their documented endpoints; unknown regions are refused")
    func regions() throws {
        #expect(try MetaStudioEndpoint(region: "cn-north-4").description == "https://metastudio.cn-north-4.myhuaweicloud.com")
        #expect(try MetaStudioEndpoint(region: "cn-east-3").authority == "metastudio.cn-east-3.myhuaweicloud.com")
        #expect(throws: MetaStudioClientError.invalidEndpoint) { try MetaStudioEndpoint(region: "ap-southeast-1") }
    }

    @Test("HTTPS is required unless the host is loopback", arguments: [
        ("https://metastudio.example.com", true), ("http://127.0.0.1:8080", true), ("http://127.1.2.3", true),
        ("http://localhost:9000/prefix/", true), ("http://[::1]:8080", true), ("http://metastudio.example.com", false),
        ("http://128.0.0.1", false), ("http://127.0.0.1.evil.com", false), ("http://10.0.0.5", false),
    ])
    func https(_ url: String, _ allowed: Bool) {
        do {
            _ = try MetaStudioEndpoint(url: url)
            #expect(allowed, "\(url) should have been refused")
        } catch let error as MetaStudioClientError {
            #expect(!allowed, "\(url) refused: \(error)")
            #expect(error == .insecureEndpoint)
            #expect(error.message.contains("https://"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test("endpoint parts: port, IPv6 authority and base path")
    func endpointParts() throws {
        let local = try MetaStudioEndpoint(url: "http://localhost:9000/prefix/")
        #expect(local.authority == "localhost:9000" && local.basePath == "/prefix")
        #expect(try MetaStudioEndpoint(url: "http://[::1]:8080").authority == "[::1]:8080")
        #expect(throws: MetaStudioClientError.invalidEndpoint) { try MetaStudioEndpoint(url: "ftp://host") }
        #expect(throws: MetaStudioClientError.invalidEndpoint) { try MetaStudioEndpoint(url: "not a url") }
        #expect(throws: MetaStudioClientError.invalidEndpoint) { try MetaStudioEndpoint(url: "https://h/?token=x") }
    }

    @Test("configuration from the environment needs a project id")
    func configuration() throws {
        let environment = ["CLOUD_SDK_AK": "FAKE-AK-FOR-TESTS", "CLOUD_SDK_SK": Self.sk, "CLOUD_SDK_PROJECT_ID": "p1"]
        let config = try MetaStudioClientConfiguration.fromEnvironment(environment, endpoint: "http://127.0.0.1:1")
        #expect(config.projectID == "p1")
        #expect(config.userAgent.hasPrefix("metastudio-preflight/"))
        #expect(config.userAgent == "metastudio-preflight/\(PreflightVersion.current)", "the tool's version goes into the User-Agent")
        #expect(!config.description.contains(Self.sk))
        let other = try MetaStudioClientConfiguration.fromEnvironment(environment, region: "cn-east-3", projectID: "p2")
        #expect(other.projectID == "p2" && other.endpoint.host == "metastudio.cn-east-3.myhuaweicloud.com")
        #expect(throws: MetaStudioClientError.invalidField) {
            try MetaStudioClientConfiguration.fromEnvironment(["CLOUD_SDK_TOKEN": "t"])
        }
        #expect(throws: MetaStudioClientError.invalidField) {
            try MetaStudioClientConfiguration.fromEnvironment(environment, appUserID: "用户")
        }
    }

    @Test("URL redaction hides the query, user info and fragment")
    func urlRedaction() {
        #expect(URLRedaction.redact("https://bucket.obs.example.com/v/part1.mp4?AccessKeyId=AK&Signature=abc%2B&Expires=1")
            == "https://bucket.obs.example.com/v/part1.mp4?…")
        #expect(URLRedaction.redact("https://user:pw@host:8443/p#frag") == "https://host:8443/p")
        #expect(URLRedaction.redact("http://127.0.0.1:9/x") == "http://127.0.0.1:9/x")
        #expect(URLRedaction.redact("garbage with spaces?secret=1") == "garbage with spaces?…")
        #expect(!URLRedaction.redact("ht tp://u:secretpw@h/p?s=1").contains("secretpw"))
    }
}
