import GRDB

/// What a change-log row records.
public enum ChangeKind: String, Sendable, Codable, CaseIterable, DatabaseValueConvertible {
    case created
    case updated
    /// A tombstone: the item is gone (deleted, or moved to another folder or name).
    case deleted
    case folderCreated = "folder-created"
    case folderUpdated = "folder-updated"
    case folderDeleted = "folder-deleted"

    /// True for changes to the folder itself rather than to one of its items.
    public var isFolderLevel: Bool {
        switch self {
        case .folderCreated, .folderUpdated, .folderDeleted: true
        case .created, .updated, .deleted: false
        }
    }
}

/// One entry of the change log, as returned by ``Store/changes(folderID:since:)``.
public struct Change: Sendable, Equatable {
    /// The modseq of this change (each change has its own).
    public var modseq: Int64
    public var folderID: Int64
    /// nil for folder-level changes.
    public var itemID: Int64?
    /// The item's resource name; nil for folder-level changes.
    public var resourceName: String?
    public var kind: ChangeKind

    public init(modseq: Int64, folderID: Int64, itemID: Int64?, resourceName: String?, kind: ChangeKind) {
        self.modseq = modseq
        self.folderID = folderID
        self.itemID = itemID
        self.resourceName = resourceName
        self.kind = kind
    }
}

extension Change: FetchableRecord {
    public init(row: Row) throws {
        modseq = row["modseq"]
        folderID = row["folder_id"]
        itemID = row["item_id"]
        resourceName = row["resource_name"]
        kind = row["kind"]
    }
}
