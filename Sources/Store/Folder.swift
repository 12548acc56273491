import Foundation
import GRDB

/// A folder (a DAV collection, an EAS folder) of one user's store.
public struct Folder: Sendable, Equatable, Codable, Identifiable {
    /// Row id, never reused; EAS ServerIds derive from it.
    public var id: Int64
    /// The parent folder, nil at the top level.
    public var parentID: Int64?
    public var folderClass: FolderClass
    public var role: FolderRole?
    /// The URL segment / resource name of the collection, never rewritten.
    public var name: String
    public var displayName: String
    /// The modseq of the folder's creation.
    public var createdModseq: Int64
    /// The modseq of the latest change to the folder or to one of its items (a CTag).
    public var modseq: Int64
    public var createdAt: Date
    public var updatedAt: Date

    public enum CodingKeys: String, CodingKey, ColumnExpression {
        case id
        case parentID = "parent_id"
        case folderClass = "class"
        case role, name
        case displayName = "display_name"
        case createdModseq = "created_modseq"
        case modseq
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    /// The columns of the `folder` table.
    public typealias Columns = CodingKeys
}

extension Folder: FetchableRecord, TableRecord {
    public static let databaseTableName = "folder"

    public init(row: Row) throws {
        id = row[Columns.id]
        parentID = row[Columns.parentID]
        folderClass = row[Columns.folderClass]
        role = row[Columns.role]
        name = row[Columns.name]
        displayName = row[Columns.displayName]
        createdModseq = row[Columns.createdModseq]
        modseq = row[Columns.modseq]
        createdAt = Date(timeIntervalSince1970: row[Columns.createdAt])
        updatedAt = Date(timeIntervalSince1970: row[Columns.updatedAt])
    }
}
