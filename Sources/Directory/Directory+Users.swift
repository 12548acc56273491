import Foundation
import GRDB

extension Directory {
    /// Adds a user with a password.
    ///
    /// Everything is validated first (address, password strength, display
    /// name, quota against the plan; the quota defaults to the plan's
    /// default; the domain exists; the address is free), then the password
    /// is hashed outside any transaction, then one transaction checks the
    /// domain and the address again and inserts the user and their
    /// credential.
    public func addUser(address: String, password: String, plan: Plan, quotaBytes: Int64?, displayName: String?)
        async throws -> User
    {
        let (localPart, domainName) = try Validation.address(address)
        try Validation.password(password)
        let quota = quotaBytes ?? plan.defaultQuota
        try Validation.quota(quota, plan: plan)
        let displayName = try displayName.map(Validation.displayName) ?? localPart
        let normalized = "\(localPart)@\(domainName)"

        // A cheap early refusal spares the hash; the transaction checks again.
        try readNow { db in
            guard try DomainRecord.filter(DomainRecord.Columns.name == domainName).fetchOne(db) != nil else {
                throw DirectoryError.domainNotFound(domainName)
            }
            guard try StoredUser.fetch(address: normalized, in: db) == nil else {
                throw DirectoryError.userExists(normalized)
            }
        }
        let hasher = self.hasher
        let hash = try await hashing.run { () throws(PasswordHashError) -> String in try hasher.hash(password) }

        return try await pool.write { db in
            guard let domain = try DomainRecord.filter(DomainRecord.Columns.name == domainName).fetchOne(db),
                let domainID = domain.id
            else { throw DirectoryError.domainNotFound(domainName) }
            guard try StoredUser.fetch(address: normalized, in: db) == nil else {
                throw DirectoryError.userExists(normalized)
            }
            let now = Date()
            var record = UserRecord(
                id: nil, domainID: domainID, localPart: localPart, address: normalized, displayName: displayName,
                plan: plan, quotaBytes: quota, createdAt: now)
            do {
                try record.insert(db)
            } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
                throw DirectoryError.userExists(normalized)
            }
            guard let userID = record.id else { throw DirectoryError.userNotFound(normalized) }
            try CredentialRecord(userID: userID, hash: hash, version: 1, updatedAt: now).insert(db)
            guard let stored = try StoredUser.fetch(id: userID, in: db) else {
                throw DirectoryError.userNotFound(normalized)
            }
            return stored.user
        }
    }

    /// The users of a domain, or of every domain when `domain` is nil, by
    /// address. Refuses an unknown domain.
    public func users(domain: String?) async throws -> [User] {
        try readNow { db in
            guard let domain else { return try StoredUser.fetch(where: "1", [], in: db).map(\.user) }
            guard try DomainRecord.filter(DomainRecord.Columns.name == domain.lowercased()).fetchOne(db) != nil else {
                throw DirectoryError.domainNotFound(domain)
            }
            return try StoredUser.fetch(where: "domain.name = ?", [domain.lowercased()], in: db).map(\.user)
        }
    }

    /// The user with this address (case-insensitive), if any.
    public func user(address: String) async throws -> User? {
        try readNow { db in try StoredUser.fetch(address: address, in: db)?.user }
    }

    /// The user with this id, if any.
    public func user(id: Int64) async throws -> User? {
        try readNow { db in try StoredUser.fetch(id: id, in: db)?.user }
    }

    /// Replaces a user's password and bumps their credential version, which
    /// invalidates cached verifications here and in every other process.
    public func setPassword(address: String, password: String) async throws {
        try Validation.password(password)
        guard try await user(address: address) != nil else { throw DirectoryError.userNotFound(address) }
        let hasher = self.hasher
        let hash = try await hashing.run { () throws(PasswordHashError) -> String in try hasher.hash(password) }
        let userID = try await pool.write { db in
            guard let stored = try StoredUser.fetch(address: address, in: db) else {
                throw DirectoryError.userNotFound(address)
            }
            try db.execute(
                sql: "UPDATE credential SET hash = ?, version = version + 1, updated_at = ? WHERE user_id = ?",
                arguments: [hash, Date(), stored.user.id])
            return stored.user.id
        }
        cache.removeAll(userID: userID)
    }

    /// Moves a user to another plan, with a new quota if given, in one write.
    /// Refused (`quotaOutOfRange`) when the quota (the new one, else the
    /// current one) is outside the new plan's range; nothing changes then.
    public func setPlan(address: String, plan: Plan, quotaBytes: Int64? = nil) async throws {
        try await updateUser(address: address) { record in
            let quota = quotaBytes ?? record.quotaBytes
            try Validation.quota(quota, plan: plan)
            record.plan = plan
            record.quotaBytes = quota
        }
    }

    /// Sets a user's quota, which must lie within their plan's range.
    public func setQuota(address: String, bytes: Int64) async throws {
        try await updateUser(address: address) { record in
            try Validation.quota(bytes, plan: record.plan)
            record.quotaBytes = bytes
        }
    }

    /// Sets a user's display name (trimmed; at most 256 characters).
    public func setDisplayName(address: String, displayName: String) async throws {
        let displayName = try Validation.displayName(displayName)
        try await updateUser(address: address) { record in record.displayName = displayName }
    }

    /// Removes a user and their credential and returns the user as they were;
    /// the caller removes their store file (`<data>/users/<id>.sqlite`). The
    /// id is never given to anyone else.
    @discardableResult
    public func removeUser(address: String) async throws -> User {
        let removed = try await pool.write { db in
            guard let stored = try StoredUser.fetch(address: address, in: db) else {
                throw DirectoryError.userNotFound(address)
            }
            _ = try UserRecord.deleteOne(db, key: stored.user.id)
            return stored.user
        }
        cache.removeAll(userID: removed.id)
        return removed
    }

    /// Reads the user's row, lets `change` validate and modify it, and saves
    /// it, all in one transaction; a throwing `change` writes nothing.
    private func updateUser(address: String, _ change: @escaping @Sendable (inout UserRecord) throws -> Void)
        async throws
    {
        try await pool.write { db in
            guard var record = try UserRecord.filter(UserRecord.Columns.address == address.lowercased()).fetchOne(db)
            else { throw DirectoryError.userNotFound(address) }
            try change(&record)
            try record.update(db)
        }
    }
}
