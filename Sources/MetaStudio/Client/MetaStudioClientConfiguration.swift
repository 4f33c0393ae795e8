public import NIOCore

/// Everything a `MetaStudioClient` needs: where to send, how to authenticate, and timing.
public struct MetaStudioClientConfiguration: Sendable, CustomStringConvertible {
    /// Environment variable holding the project id.
    public static let projectIDVariable = "CLOUD_SDK_PROJECT_ID"
    /// The product part of the `User-Agent` header.
    public static let userAgentProduct = "metastudio-preflight"

    /// The service endpoint.
    public var endpoint: MetaStudioEndpoint
    /// The credentials.
    public var credentials: MetaStudioCredentials
    /// The project id; goes into the path and the `X-Project-Id` header.
    public var projectID: String
    /// Third-party user id sent as `X-App-UserId` (no Chinese characters), when set.
    public var appUserID: String?
    /// Deadline for opening a connection.
    public var connectTimeout: TimeAmount
    /// Deadline for one attempt of a call, from sending to the end of the response body.
    public var requestTimeout: TimeAmount
    /// Retry policy for calls that are safe to repeat.
    public var retry: RetryPolicy
    /// The tool version sent as `User-Agent: metastudio-preflight/<version>`.
    public var version: String

    /// Creates a configuration.
    public init(endpoint: MetaStudioEndpoint, credentials: MetaStudioCredentials, projectID: String,
                appUserID: String? = nil, connectTimeout: TimeAmount = .seconds(10),
                requestTimeout: TimeAmount = .seconds(60), retry: RetryPolicy = RetryPolicy(),
                version: String = PreflightVersion.current) {
        self.endpoint = endpoint
        self.credentials = credentials
        self.projectID = projectID
        self.appUserID = appUserID
        self.connectTimeout = connectTimeout
        self.requestTimeout = requestTimeout
        self.retry = retry
        self.version = version
    }

    /// Builds a configuration from an environment (credentials, `CLOUD_SDK_PROJECT_ID`) plus explicit choices.
    /// - Parameters:
    ///   - environment: usually `ProcessInfo.processInfo.environment`.
    ///   - region: a region id such as `cn-north-4`, used when `endpoint` is nil (default `cn-north-4`).
    ///   - endpoint: an explicit endpoint URL; HTTPS unless loopback.
    ///   - projectID: overrides `CLOUD_SDK_PROJECT_ID`.
    /// - Throws: `MetaStudioClientError` (`.missingCredentials`, `.invalidEndpoint`, `.insecureEndpoint`, `.invalidField`).
    public static func fromEnvironment(_ environment: [String: String], region: String? = nil, endpoint: String? = nil,
                                       projectID: String? = nil, appUserID: String? = nil) throws
        -> MetaStudioClientConfiguration {
        let credentials = try MetaStudioCredentials.fromEnvironment(environment)
        let resolvedEndpoint = try endpoint.map { try MetaStudioEndpoint(url: $0) }
            ?? MetaStudioEndpoint(region: region ?? "cn-north-4")
        let project = projectID ?? environment[projectIDVariable]
        guard let project, !project.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw MetaStudioClientError.invalid(
                "project id", "is missing; set \(projectIDVariable) or pass the project id explicitly")
        }
        try Validate.identifier(project, "project id", request: nil)
        try Validate.appUserID(appUserID, request: nil)
        return MetaStudioClientConfiguration(
            endpoint: resolvedEndpoint, credentials: credentials, projectID: project, appUserID: appUserID)
    }

    /// The `User-Agent` header value.
    public var userAgent: String { "\(Self.userAgentProduct)/\(version)" }

    /// Endpoint, project and credential kind; no secrets.
    public var description: String {
        "MetaStudioClientConfiguration(endpoint: \(endpoint), project: \(projectID), credentials: \(credentials))"
    }
}

import Foundation

/// The tool's version: what `preflight --version` prints and what every call's `User-Agent` carries.
public enum PreflightVersion {
    /// The version of this build.
    public static let current = "0.1.0"
}
