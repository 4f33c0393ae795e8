import Foundation
import Testing
import TestSupport
@testable import MetaStudio

@Suite("Signer against the official SDK's vectors")
struct SignerTests {
    @Test("the vector file holds all 32 vectors")
    func vectorCount() {
        #expect(SigningVector.loaded.count == 32)
    }

    @Test("signed header names", arguments: SigningVector.loaded)
    func signedHeaders(_ v: SigningVector) {
        let names = Signer.signedHeaderNames(v.headersAfterSigning.keys.filter { $0 != "Authorization" })
        #expect(names.joined(separator: ";") == v.signedHeaders)
    }

    @Test("canonical URI, query, headers and request", arguments: SigningVector.loaded)
    func canonicalRequest(_ v: SigningVector) {
        let lines = v.canonicalRequest.components(separatedBy: "\n")
        #expect(Signer.canonicalURI(v.resourcePath) == lines[1])
        #expect(Signer.canonicalQueryString(v.query) == lines[2])

        var lowered: [String: String] = [:]
        for (name, value) in v.headersAfterSigning { lowered[name.lowercased()] = value }
        let signed = v.signedHeaders.components(separatedBy: ";")
        let headers = Signer.canonicalHeaders(lowered, signedHeaders: signed)
        let payloadHash = lowered["x-sdk-content-sha256"] == Signer.unsignedPayload
            ? Signer.unsignedPayload : Signer.sha256Hex(v.body ?? [])
        #expect(payloadHash == lines.last)
        let request = Signer.canonicalRequest(
            method: v.method, canonicalURI: Signer.canonicalURI(v.resourcePath),
            canonicalQuery: Signer.canonicalQueryString(v.query), canonicalHeaders: headers,
            signedHeaders: signed, payloadHash: payloadHash)
        #expect(request == v.canonicalRequest)
    }

    @Test("string to sign, signature and Authorization", arguments: SigningVector.loaded)
    func stringToSign(_ v: SigningVector) {
        let signer = Signer(accessKey: v.ak, secretKey: v.sk)
        let sts = Signer.stringToSign(canonicalRequest: v.canonicalRequest, sdkDate: v.sdkDate)
        #expect(sts == v.stringToSign)
        let signature = signer.signature(stringToSign: sts)
        let header = signer.authorizationHeader(
            signedHeaders: v.signedHeaders.components(separatedBy: ";"), signature: signature)
        #expect(header == v.authorization)
    }

    @Test("sign() adds exactly the SDK's headers and gives the vector's Authorization and URI", arguments: SigningVector.loaded)
    func signEndToEnd(_ v: SigningVector) {
        let signer = Signer(accessKey: v.ak, secretKey: v.sk)
        let request = SignableRequest(
            method: v.method, host: v.host, path: v.resourcePath, query: v.query,
            headers: v.headerPairs, body: v.body)
        // A date far from the vector's: the X-Sdk-Date header already present must win.
        let signed = signer.sign(request, date: Date(timeIntervalSince1970: 0))
        var result: [String: String] = [:]
        for header in signed { result[header.name] = header.value }
        #expect(signed.count == v.headersAfterSigning.count)
        #expect(result == v.headersAfterSigning)
        #expect(request.uri == v.uri)
    }

    @Test("the server-side verifier recomputes the vector's Authorization", arguments: SigningVector.loaded)
    func verifier(_ v: SigningVector) {
        let signer = Signer(accessKey: v.ak, secretKey: v.sk)
        var lowered: [String: String] = [:]
        // Untrimmed input values, as a server would receive them before any clean-up.
        for (name, value) in v.headers { lowered[name.lowercased()] = value }
        for (name, value) in v.headersAfterSigning where lowered[name.lowercased()] == nil {
            lowered[name.lowercased()] = value
        }
        let payloadHash = lowered["x-sdk-content-sha256"] == Signer.unsignedPayload
            ? Signer.unsignedPayload : Signer.sha256Hex(v.body ?? [])
        let auth = signer.expectedAuthorization(
            method: v.method, path: v.resourcePath, query: v.query.map { ($0.name, $0.value) },
            headers: lowered, signedHeaders: v.signedHeaders.components(separatedBy: ";"),
            payloadHash: payloadHash, sdkDate: v.sdkDate)
        #expect(auth == v.authorization)
    }

    @Test("a wrong secret key gives a different signature")
    func wrongKey() throws {
        let v = try #require(SigningVector.loaded.first)
        let signer = Signer(accessKey: v.ak, secretKey: v.sk + "x")
        let sts = Signer.stringToSign(canonicalRequest: v.canonicalRequest, sdkDate: v.sdkDate)
        let header = signer.authorizationHeader(
            signedHeaders: v.signedHeaders.components(separatedBy: ";"), signature: signer.signature(stringToSign: sts))
        #expect(header != v.authorization)
    }

    @Test("X-Sdk-Date is added from the injected date when absent, and Host with the port")
    func addsDateAndHost() throws {
        let signer = Signer(accessKey: "FAKE-AK-FOR-TESTS", secretKey: "fake-sk-not-a-secret")
        let url = try #require(URL(string: "http://127.0.0.1:8080/v1/p/jobs?limit=2&a=b%20c"))
        let request = try #require(SignableRequest(
            method: "GET", url: url, headers: [(name: "Content-Type", value: "application/json")]))
        let headers = signer.sign(request, date: Date(timeIntervalSince1970: 1_795_000_000))
        let names = headers.map(\.name)
        #expect(names == ["Content-Type", "X-Sdk-Date", "Host", "Authorization"])
        #expect(headers[1].value == "20261118T110640Z")
        #expect(headers[2].value == "127.0.0.1:8080")
        #expect(request.uri == "/v1/p/jobs?a=b%20c&limit=2")
        #expect(headers[3].value.contains("SignedHeaders=content-type;host;x-sdk-date,"))
    }

    @Test("sdk date round-trips and malformed dates are refused")
    func sdkDates() {
        let date = Date(timeIntervalSince1970: 1_795_000_000)
        #expect(Signer.parseSDKDate(Signer.sdkDate(date)) == date)
        #expect(Signer.parseSDKDate("2026-11-13T07:53:20Z") == nil)
        #expect(Signer.parseSDKDate("20261313T075320Z") == nil)
    }

    @Test("description never shows the secret key")
    func redaction() {
        let signer = Signer(accessKey: "FAKE-AK-FOR-TESTS", secretKey: "fake-sk-do-not-print")
        #expect(!String(describing: signer).contains("fake-sk-do-not-print"))
        #expect(!String(reflecting: signer).contains("fake-sk-do-not-print"))
    }
}
