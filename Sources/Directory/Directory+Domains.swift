import Foundation
import GRDB

extension Directory {
    /// Adds a domain. Refuses an invalid name and one that exists (in any case).
    public func addDomain(_ name: String) async throws -> Domain {
        let name = try Validation.domainName(name)
        return try await pool.write { db in
            if try DomainRecord.filter(DomainRecord.Columns.name == name).fetchOne(db) != nil {
                throw DirectoryError.domainExists(name)
            }
            var record = DomainRecord(id: nil, name: name, createdAt: Date())
            try record.insert(db)
            return try DomainRecord.fetchOne(db, key: record.id).map(\.domain) ?? record.domain
        }
    }

    /// Every domain, by name.
    public func domains() async throws -> [Domain] {
        try readNow { db in
            try DomainRecord.order(DomainRecord.Columns.name).fetchAll(db).map(\.domain)
        }
    }

    /// The domain with this name (case-insensitive), if any.
    public func domain(_ name: String) async throws -> Domain? {
        try readNow { db in
            try DomainRecord.filter(DomainRecord.Columns.name == name.lowercased()).fetchOne(db)?.domain
        }
    }

    /// Removes a domain. Refuses while it has users (`domainNotEmpty`).
    public func removeDomain(_ name: String) async throws {
        try await pool.write { db in
            guard let record = try DomainRecord.filter(DomainRecord.Columns.name == name.lowercased()).fetchOne(db)
            else { throw DirectoryError.domainNotFound(name) }
            let users = try UserRecord.filter(UserRecord.Columns.domainID == record.id).fetchCount(db)
            guard users == 0 else { throw DirectoryError.domainNotEmpty(record.name, users: users) }
            try record.delete(db)
        }
    }
}
