import Foundation
import GRDB

/// A user joined with their domain and credential, as one query reads them.
struct StoredUser: Sendable {
    var user: User
    /// The stored password hash; stays inside the directory.
    var hash: String

    /// The columns `init(row:)` reads, after `SELECT`; join `domain` and
    /// `credential` with `joins`.
    static let columns = """
        user.id, user.address, user.local_part, domain.name AS domain_name, user.display_name, user.plan,
        user.quota_bytes, user.created_at, credential.version, credential.hash
        """
    static let joins = """
        FROM user JOIN domain ON domain.id = user.domain_id JOIN credential ON credential.user_id = user.id
        """

    init(row: Row) throws {
        let planName: String = row["plan"]
        guard let plan = Plan(rawValue: planName) else {
            throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "user.plan holds an unknown plan")
        }
        self.user = User(
            id: row["id"], address: row["address"], localPart: row["local_part"], domain: row["domain_name"],
            displayName: row["display_name"], plan: plan, quotaBytes: row["quota_bytes"],
            createdAt: row["created_at"], credentialVersion: row["version"])
        self.hash = row["hash"]
    }

    /// The user with this address, if any.
    static func fetch(address: String, in db: Database) throws -> StoredUser? {
        try fetch(where: "user.address = ?", [address.lowercased()], in: db).first
    }

    /// The user with this id, if any.
    static func fetch(id: Int64, in db: Database) throws -> StoredUser? {
        try fetch(where: "user.id = ?", [id], in: db).first
    }

    static func fetch(where condition: String, _ arguments: StatementArguments, in db: Database) throws
        -> [StoredUser]
    {
        // Cached: every authenticated request resolves its user, and preparing the statement
        // each time was most of the cost of that read.
        let statement = try db.cachedStatement(
            sql: "SELECT \(columns) \(joins) WHERE \(condition) ORDER BY user.address")
        return try Row.fetchAll(statement, arguments: arguments).map(StoredUser.init(row:))
    }
}
