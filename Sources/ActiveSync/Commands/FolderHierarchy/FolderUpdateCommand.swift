import Store
import WBXML

/// FolderUpdate (MS-ASCMD 2.2.1.4): renames a folder and/or moves it under another parent.
/// The default folders are neither renamed nor moved (status 3).
enum FolderUpdateCommand {
    static func run(_ context: CommandContext) async throws -> CommandResult {
        guard let body = context.body, body.name == "FolderUpdate", let keyText = body.childText("SyncKey"),
            let serverID = body.childText("ServerId"), let parentText = body.childText("ParentId"),
            let name = body.childText("DisplayName")
        else { return HierarchySync.statusResponse("FolderUpdate", .malformedRequest) }
        let sync = try await HierarchySync.load(context)
        guard let snapshot = sync.currentSnapshot(forKey: keyText) else {
            return HierarchySync.statusResponse("FolderUpdate", .invalidSyncKey)
        }
        guard FolderNames.isValid(name) else { return HierarchySync.statusResponse("FolderUpdate", .malformedRequest) }
        let folders = try await context.store.folders()
        guard let id = Int64(serverID), let folder = folders.first(where: { $0.id == id }) else {
            return HierarchySync.statusResponse("FolderUpdate", .folderNotFound)
        }
        var parentID: Int64?
        if parentText != "0" {
            guard let parent = Int64(parentText), folders.contains(where: { $0.id == parent }) else {
                return HierarchySync.statusResponse("FolderUpdate", .parentNotFound)
            }
            parentID = parent
        }
        let renamed = name != folder.displayName
        let moved = parentID != folder.parentID
        if folder.role != nil && (renamed || moved) {
            return HierarchySync.statusResponse("FolderUpdate", .specialFolder)
        }
        if FolderNames.taken(name, under: parentID, in: folders.filter { $0.id != id }) {
            return HierarchySync.statusResponse("FolderUpdate", .folderExists)
        }
        let updated: Folder
        do {
            updated = try await context.store.updateFolder(
                id: id, displayName: renamed ? name : nil, parentID: moved ? .some(parentID) : nil)
        } catch let error as StoreError {
            return HierarchySync.statusResponse("FolderUpdate", FolderNames.status(of: error))
        }
        let entry = HierarchySnapshot(folders: [updated]).entries[0]
        let entries = snapshot.entries.filter { $0.serverID != entry.serverID } + [entry]
        let key = try await sync.advance(fromCurrent: snapshot, to: HierarchySnapshot(entries: entries))
        return HierarchySync.successResponse("FolderUpdate", key: key)
    }
}
