import Foundation
import GRDB

/// A row of `out_of_office`.
struct OutOfOfficeRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "out_of_office"

    var userID: Int64
    var state: String
    var startTime: Date?
    var endTime: Date?
    var internalEnabled: Bool?
    var internalMessage: String?
    var internalBodyType: String?
    var externalKnownEnabled: Bool?
    var externalKnownMessage: String?
    var externalKnownBodyType: String?
    var externalUnknownEnabled: Bool?
    var externalUnknownMessage: String?
    var externalUnknownBodyType: String?
    var updatedAt: Date

    enum CodingKeys: String, CodingKey {
        case userID = "user_id"
        case state
        case startTime = "start_time"
        case endTime = "end_time"
        case internalEnabled = "internal_enabled"
        case internalMessage = "internal_message"
        case internalBodyType = "internal_body_type"
        case externalKnownEnabled = "external_known_enabled"
        case externalKnownMessage = "external_known_message"
        case externalKnownBodyType = "external_known_body_type"
        case externalUnknownEnabled = "external_unknown_enabled"
        case externalUnknownMessage = "external_unknown_message"
        case externalUnknownBodyType = "external_unknown_body_type"
        case updatedAt = "updated_at"
    }

    enum Columns {
        static let userID = Column(CodingKeys.userID)
    }

    init(userID: Int64, value: OutOfOffice, updatedAt: Date) {
        self.userID = userID
        self.state = value.state.rawValue
        self.startTime = value.start
        self.endTime = value.end
        (internalEnabled, internalMessage, internalBodyType) = Self.columns(value.internal)
        (externalKnownEnabled, externalKnownMessage, externalKnownBodyType) = Self.columns(value.externalKnown)
        (externalUnknownEnabled, externalUnknownMessage, externalUnknownBodyType) = Self.columns(value.externalUnknown)
        self.updatedAt = updatedAt
    }

    /// The public value; throws when a column holds what the schema forbids.
    func outOfOffice() throws -> OutOfOffice {
        guard let state = OutOfOffice.State(rawValue: state) else {
            throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "out_of_office.state holds an unknown state")
        }
        return OutOfOffice(
            state: state, start: startTime, end: endTime,
            internal: try Self.message(internalEnabled, internalMessage, internalBodyType),
            externalKnown: try Self.message(externalKnownEnabled, externalKnownMessage, externalKnownBodyType),
            externalUnknown: try Self.message(externalUnknownEnabled, externalUnknownMessage, externalUnknownBodyType))
    }

    private static func columns(_ message: OutOfOffice.Message?) -> (Bool?, String?, String?) {
        guard let message else { return (nil, nil, nil) }
        return (message.enabled, message.text, message.bodyType.rawValue)
    }

    private static func message(_ enabled: Bool?, _ text: String?, _ bodyType: String?) throws -> OutOfOffice.Message? {
        guard let enabled, let text, let bodyType else { return nil }
        guard let bodyType = OutOfOffice.BodyType(rawValue: bodyType) else {
            throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "out_of_office holds an unknown body type")
        }
        return OutOfOffice.Message(enabled: enabled, text: text, bodyType: bodyType)
    }
}
