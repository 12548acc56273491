import Foundation
import Store

extension ItemFolder {
    /// A client Delete (MS-ASCMD 2.2.3.42.2). With DeletesAsMoves (2.2.3.43, true unless the
    /// client sends 0) a mail item moves to Deleted Items; calendar, contact, task and note
    /// items are deleted, since the store's Deleted Items holds mail only and the DAV clients
    /// that share these folders have no trash for them.
    func delete(_ item: Item, deletesAsMoves: Bool) async throws {
        if deletesAsMoves, folder.folderClass == .mail, folder.role != .trash,
            let trash = try await store.folder(role: .trash)
        {
            _ = try await move(item, to: trash.id)
            return
        }
        do {
            try await store.deleteItem(folderID: folder.id, resourceName: item.resourceName, condition: .none)
        } catch StoreError.itemNotFound {
            // Already gone: the client's wish holds.
        }
    }

    /// Moves an item to another folder under the same resource name, or under a fresh one when
    /// that name is taken there; the row id, so the item part of its ServerId, stays.
    func move(_ item: Item, to destination: Int64) async throws -> Item {
        do {
            return try await store.moveItem(
                folderID: folder.id, resourceName: item.resourceName, toFolderID: destination,
                toResourceName: item.resourceName, condition: .none)
        } catch StoreError.itemExists {
            let suffix =
                item.resourceName.contains(".") ? "." + (item.resourceName.split(separator: ".").last ?? "") : ""
            return try await store.moveItem(
                folderID: folder.id, resourceName: item.resourceName, toFolderID: destination,
                toResourceName: UUID().uuidString.lowercased() + suffix, condition: .none)
        }
    }
}
