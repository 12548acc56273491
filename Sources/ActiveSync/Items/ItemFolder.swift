import Conversions
import Store

/// A store folder as the item commands see it: the folder, its EAS class and converter, and
/// what writing its items needs — the calendar's floating time zone and the user's quota, as
/// DAV PUT uses them.
struct ItemFolder: Sendable {
    let folder: Folder
    /// nil for mail folders.
    let itemClass: ItemClass?
    /// nil when the class has no converter (configured in ``ActiveSyncConfiguration/converters``).
    let converter: (any ItemConverter)?
    let floatingTimeZone: String?
    let store: Store
    let quotaLimit: Int64

    var id: Int64 { folder.id }

    /// The folder with this id, nil when there is none.
    static func load(id: Int64, _ context: CommandContext) async throws -> ItemFolder? {
        guard let folder = try await context.store.folder(id: id) else { return nil }
        return try await ItemFolder(folder, context)
    }

    /// The folder named by a CollectionId (its row id as text), nil when there is none.
    static func load(collectionID: String, _ context: CommandContext) async throws -> ItemFolder? {
        guard let id = Int64(collectionID) else { return nil }
        return try await load(id: id, context)
    }

    init(_ folder: Folder, _ context: CommandContext) async throws {
        self.folder = folder
        self.itemClass = ItemClass(folder.folderClass)
        self.converter = itemClass.flatMap { context.configuration.converters[$0] }
        self.store = context.store
        self.quotaLimit = context.user.quotaBytes
        if folder.folderClass == .calendar {
            floatingTimeZone = CalendarTimeZone.tzid(in: try await context.store.folderProperties(id: folder.id))
        } else {
            floatingTimeZone = nil
        }
    }

    /// The ServerId of one of this folder's items.
    func serverID(_ itemID: Int64) -> String {
        ServerID(folderID: folder.id, itemID: itemID).description
    }

    /// The item a ServerId names in this folder (with its body), nil when there is none.
    func item(serverID text: String) async throws -> Item? {
        guard let serverID = ServerID(text), serverID.folderID == folder.id else { return nil }
        return try await store.items(folderID: folder.id, ids: [serverID.itemID], withBodies: true).first
    }
}
