/// Something that happened during an upload, for progress displays.
public enum UploadEvent: Sendable {
    /// Bytes of a file were handed to the network (negative when a failed attempt's bytes are taken back).
    case bytesSent(fileIndex: Int, bytes: Int64)
    /// A part was uploaded (HTTP 2xx).
    case partUploaded(fileIndex: Int, part: Int)
    /// A part failed and is retried after a pause; `reason` has no secrets.
    case retrying(fileIndex: Int, part: Int, attempt: Int, reason: String)
}
