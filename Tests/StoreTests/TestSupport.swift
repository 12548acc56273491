import Foundation
import GRDB
import Schemas
import Testing

@testable import Store

/// A fresh directory under the system temporary directory, removed when released.
final class TemporaryDirectory: Sendable {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("almanac-store-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    /// The path of a user's store file in this directory.
    func storePath(_ userID: Int64 = 1) -> String {
        url.appendingPathComponent("users/\(userID).sqlite").path
    }
}

/// An iCalendar-like body, padded with a DESCRIPTION to exactly `size` bytes when `size` is
/// larger than the bare event.
func icsBody(uid: String, summary: String = "Meeting", size: Int = 0) -> [UInt8] {
    let head = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:\(uid)\r\nSUMMARY:\(summary)\r\n"
    let tail = "END:VEVENT\r\nEND:VCALENDAR\r\n"
    let padding = size - head.utf8.count - tail.utf8.count - "DESCRIPTION:\r\n".utf8.count
    let description = padding > 0 ? "DESCRIPTION:" + String(repeating: "x", count: padding) + "\r\n" : ""
    return Array((head + description + tail).utf8)
}

/// A store file at `path` migrated up to (not including) the migration `before`, as an older
/// Almanac left it, with `sql` run on it: the ground for a migration test.
func writeOlderStore(at path: String, before: String, sql: String) async throws {
    try FileManager.default.createDirectory(
        atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    let queue = try DatabaseQueue(path: path)
    var migrator = DatabaseMigrator()
    for migration in Schemas.store where migration.identifier < before {
        migrator.registerMigration(migration.identifier) { db in try db.execute(sql: migration.sql) }
    }
    try migrator.migrate(queue)
    try await queue.write { db in try db.execute(sql: sql) }
}

extension Store {
    /// The calendar folder every store starts with.
    func calendarID() async throws -> Int64 {
        try #require(await folder(role: .calendar)).id
    }

    /// Creates or replaces an item without condition or quota.
    @discardableResult
    func put(_ folderID: Int64, _ name: String, body: [UInt8], uid: String? = nil) async throws -> ItemWrite {
        try await putItem(
            folderID: folderID, resourceName: name, contentType: "text/calendar", body: body,
            index: ItemIndex(uid: uid), condition: .none, quotaLimit: .max)
    }

    /// Every change row, in modseq order.
    func changeRows() async throws -> [Change] {
        try await database.read { db in try Change.fetchAll(db, sql: "SELECT * FROM change ORDER BY modseq") }
    }
}
