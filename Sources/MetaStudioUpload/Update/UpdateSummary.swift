/// What a finished update did.
public struct UpdateSummary: Codable, Hashable, Sendable {
    /// The job.
    public var jobID: String
    /// The files, as planned.
    public var files: [PlannedFile]
    /// Parts sent by this run (a resume sends only the missing ones).
    public var partsSent: Int
    /// Bytes sent by this run.
    public var bytesSent: Int64
    /// Commands sent by this run after the upload, in order.
    public var commands: [String]
    /// Whether the job was submitted for review.
    public var submitted: Bool
    /// Whether this run resumed an interrupted one.
    public var resumed: Bool
}
