import Foundation
import GRDB

/// A row of `domain`.
struct DomainRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "domain"

    var id: Int64?
    var name: String
    var createdAt: Date

    enum CodingKeys: String, CodingKey {
        case id
        case name
        case createdAt = "created_at"
    }

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let name = Column(CodingKeys.name)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    var domain: Domain {
        Domain(id: id ?? 0, name: name, createdAt: createdAt)
    }
}

/// A row of `user`.
struct UserRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "user"

    var id: Int64?
    var domainID: Int64
    var localPart: String
    var address: String
    var displayName: String
    var plan: Plan
    var quotaBytes: Int64
    var createdAt: Date

    enum CodingKeys: String, CodingKey {
        case id
        case domainID = "domain_id"
        case localPart = "local_part"
        case address
        case displayName = "display_name"
        case plan
        case quotaBytes = "quota_bytes"
        case createdAt = "created_at"
    }

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let domainID = Column(CodingKeys.domainID)
        static let address = Column(CodingKeys.address)
        static let displayName = Column(CodingKeys.displayName)
        static let plan = Column(CodingKeys.plan)
        static let quotaBytes = Column(CodingKeys.quotaBytes)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

/// A row of `credential`.
struct CredentialRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "credential"

    var userID: Int64
    var hash: String
    var version: Int64
    var updatedAt: Date

    enum CodingKeys: String, CodingKey {
        case userID = "user_id"
        case hash
        case version
        case updatedAt = "updated_at"
    }

    enum Columns {
        static let userID = Column(CodingKeys.userID)
        static let hash = Column(CodingKeys.hash)
        static let version = Column(CodingKeys.version)
        static let updatedAt = Column(CodingKeys.updatedAt)
    }
}
