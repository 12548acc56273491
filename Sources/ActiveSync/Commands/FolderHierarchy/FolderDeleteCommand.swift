import Store
import WBXML

/// FolderDelete (MS-ASCMD 2.2.1.2): deletes a folder with its subfolders and items; the
/// default folders stay (status 3).
enum FolderDeleteCommand {
    static func run(_ context: CommandContext) async throws -> CommandResult {
        guard let body = context.body, body.name == "FolderDelete", let keyText = body.childText("SyncKey"),
            let serverID = body.childText("ServerId")
        else { return HierarchySync.statusResponse("FolderDelete", .malformedRequest) }
        let sync = try await HierarchySync.load(context)
        guard let snapshot = sync.currentSnapshot(forKey: keyText) else {
            return HierarchySync.statusResponse("FolderDelete", .invalidSyncKey)
        }
        let folders = try await context.store.folders()
        guard let id = Int64(serverID), let folder = folders.first(where: { $0.id == id }) else {
            return HierarchySync.statusResponse("FolderDelete", .folderNotFound)
        }
        if folder.role != nil { return HierarchySync.statusResponse("FolderDelete", .specialFolder) }
        do {
            try await context.store.deleteFolder(id: id)
        } catch let error as StoreError {
            return HierarchySync.statusResponse("FolderDelete", FolderNames.status(of: error))
        }
        // The folder and everything under it leave the device's list with it.
        let removed = Set(FolderNames.subtree(of: id, in: folders).map(String.init))
        let entries = snapshot.entries.filter { !removed.contains($0.serverID) }
        let key = try await sync.advance(fromCurrent: snapshot, to: HierarchySnapshot(entries: entries))
        return HierarchySync.successResponse("FolderDelete", key: key)
    }
}
