/// An operation-log entry given to the control API with a state change, as a reviewer's verdict would be written:
/// `{"state": "MANUAL_VERIFY_FAILED", "log": {"log_type": "ADMIN_VERIFY_FAILED", "description": "…",
/// "error_code": "44005901", "redo_reasons": ["…"]}}`.
struct ReviewLogEntry: Decodable, Sendable {
    var logType: String
    var operateUser: String
    var description: String?
    var errorCode: String?
    var redoReasons: [String]?

    enum CodingKeys: String, CodingKey {
        case logType = "log_type", operateUser = "operate_user", description, errorCode = "error_code"
        case redoReasons = "redo_reasons"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        logType = try container.decodeIfPresent(String.self, forKey: .logType) ?? "ADMIN_SET_STATE"
        operateUser = try container.decodeIfPresent(String.self, forKey: .operateUser) ?? "ADMIN"
        description = try container.decodeIfPresent(String.self, forKey: .description)
        errorCode = try container.decodeIfPresent(String.self, forKey: .errorCode)
        redoReasons = try container.decodeIfPresent([String].self, forKey: .redoReasons)
    }
}
