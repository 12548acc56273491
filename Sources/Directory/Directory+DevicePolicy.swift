import Foundation
import GRDB

extension Directory {
    /// The provisioning policy of the domain with this name: its own, else
    /// `DevicePolicy.default`. Refuses an unknown domain.
    public func devicePolicy(domain: String) async throws -> DevicePolicy {
        try readNow { db in
            let domainID = try Self.requireDomainID(domain, in: db)
            return try DomainPolicyRecord.fetchOne(db, key: domainID)?.policy ?? .default
        }
    }

    /// Gives the domain its own provisioning policy, replacing any earlier
    /// one. Every value is checked first (`invalidPolicy`); a refused policy
    /// writes nothing.
    public func setDevicePolicy(domain: String, _ policy: DevicePolicy) async throws {
        try policy.validate()
        try await pool.write { db in
            let domainID = try Self.requireDomainID(domain, in: db)
            try DomainPolicyRecord(domainID: domainID, policy: policy, updatedAt: Date()).upsert(db)
        }
    }

    private static func requireDomainID(_ name: String, in db: Database) throws -> Int64 {
        guard let domain = try DomainRecord.filter(DomainRecord.Columns.name == name.lowercased()).fetchOne(db),
            let id = domain.id
        else { throw DirectoryError.domainNotFound(name) }
        return id
    }
}
