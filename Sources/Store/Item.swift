import Foundation
import GRDB

/// An item (a DAV resource, an EAS item): its canonical text and indexed columns.
public struct Item: Sendable, Equatable, Identifiable {
    /// Row id, never reused; EAS ServerIds derive from it.
    public var id: Int64
    public var folderID: Int64
    /// The name a DAV client chose on PUT, kept forever.
    public var resourceName: String
    public var uid: String?
    /// Strong ETag value, without quotes: see ``ETag``.
    public var etag: String
    public var contentType: String
    /// Canonical text: iCalendar, vCard or an RFC 5322 message.
    public var body: [UInt8]
    /// Bytes of `body`, counted against the quota.
    public var size: Int64
    public var createdModseq: Int64
    /// The modseq of the item's latest change.
    public var modseq: Int64
    public var createdAt: Date
    public var updatedAt: Date
    public var subject: String?
    public var sender: String?
    /// UTC unix seconds bounding all occurrences; nil = open-ended.
    public var startAt: Int64?
    public var endAt: Int64?
    public var isRead: Bool?
    public var isFlagged: Bool?
    /// UTC unix seconds.
    public var receivedAt: Int64?

    /// The indexed columns as the caller gave them, without ``ItemIndex/searchValues`` (not read back).
    public var index: ItemIndex {
        ItemIndex(
            uid: uid, subject: subject, sender: sender, startAt: startAt, endAt: endAt, isRead: isRead,
            isFlagged: isFlagged, receivedAt: receivedAt)
    }

    /// The columns of the `item` table.
    public enum Columns: String, ColumnExpression {
        case id
        case folderID = "folder_id"
        case resourceName = "resource_name"
        case uid, etag
        case contentType = "content_type"
        case body, size
        case createdModseq = "created_modseq"
        case modseq
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case subject, sender
        case startAt = "start_at"
        case endAt = "end_at"
        case isRead = "is_read"
        case isFlagged = "is_flagged"
        case receivedAt = "received_at"
    }
}

extension Item: FetchableRecord, TableRecord {
    public static let databaseTableName = "item"

    public init(row: Row) throws {
        id = row[Columns.id]
        folderID = row[Columns.folderID]
        resourceName = row[Columns.resourceName]
        uid = row[Columns.uid]
        etag = row[Columns.etag]
        contentType = row[Columns.contentType]
        let data: Data? = row[Columns.body]  // a zero-length blob may read back as NULL
        body = data.map { [UInt8]($0) } ?? []
        size = row[Columns.size]
        createdModseq = row[Columns.createdModseq]
        modseq = row[Columns.modseq]
        createdAt = Date(timeIntervalSince1970: row[Columns.createdAt])
        updatedAt = Date(timeIntervalSince1970: row[Columns.updatedAt])
        subject = row[Columns.subject]
        sender = row[Columns.sender]
        startAt = row[Columns.startAt]
        endAt = row[Columns.endAt]
        isRead = row[Columns.isRead]
        isFlagged = row[Columns.isFlagged]
        receivedAt = row[Columns.receivedAt]
    }
}
