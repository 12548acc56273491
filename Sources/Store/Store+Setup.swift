import Foundation
import GRDB
import Schemas

extension Store {
    /// The migrator of the store schema: the SQL files of `Schemas/store/`, in order.
    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        for migration in Schemas.store {
            migrator.registerMigration(migration.identifier) { db in try db.execute(sql: migration.sql) }
        }
        return migrator
    }()

    /// Applies the migrations not yet applied.
    static func migrate(_ database: DatabasePool) throws {
        do {
            try migrator.migrate(database)
        } catch is DatabaseError {
            // Another process (the CLI beside the server) may have applied the same migration
            // between our reading of the applied list and our own attempt: ours then fails
            // ("table already exists") and rolls back. Retry once: the list now shows it applied,
            // and a real error fails again.
            try migrator.migrate(database)
        }
    }

    /// Creates the `store_info` row and the standard folders unless they exist (one
    /// immediate transaction, so two processes opening a new file create them once).
    /// Returns the store id.
    static func seed(_ database: DatabasePool) throws -> String {
        try database.write { db in
            if let storeID = try String.fetchOne(db, sql: "SELECT store_id FROM store_info WHERE id = 1") {
                return storeID
            }
            let storeID = UUID().uuidString.lowercased()
            let now = Date().timeIntervalSince1970
            try db.execute(
                sql: "INSERT INTO store_info (id, store_id, created_at) VALUES (1, ?, ?)", arguments: [storeID, now])
            for standard in StandardFolder.all {
                _ = try FolderWrites.insert(
                    db, folderClass: standard.folderClass, role: standard.role, name: standard.name,
                    displayName: standard.displayName, parentID: nil, now: now)
            }
            return storeID
        }
    }
}
