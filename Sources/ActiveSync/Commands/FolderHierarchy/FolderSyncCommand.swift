import Store
import WBXML

/// FolderSync (MS-ASCMD 2.2.1.5): the folder hierarchy, all of it for SyncKey 0, else the
/// changes since the snapshot the key names. ServerIds are the folders' row ids, so a SyncKey 0
/// (the Gmail app sends one on every refresh) gives the same ids again and keeps every
/// folder's item sync state.
enum FolderSyncCommand {
    static func run(_ context: CommandContext) async throws -> CommandResult {
        guard let body = context.body, body.name == "FolderSync", let keyText = body.childText("SyncKey") else {
            return HierarchySync.statusResponse("FolderSync", .malformedRequest)
        }
        let sync = try await HierarchySync.load(context)
        let current = HierarchySnapshot(folders: try await context.store.folders())
        let key: Int64
        let changes: HierarchySnapshot.Changes
        if keyText == "0" {
            changes = HierarchySnapshot(entries: []).changes(to: current)
            key = try await sync.advance(to: current, from: nil)
        } else {
            guard let found = sync.snapshot(forKey: keyText) else {
                return HierarchySync.statusResponse("FolderSync", .invalidSyncKey)
            }
            changes = found.snapshot.changes(to: current)
            if changes.count == 0 && found.key == sync.state?.key {
                key = found.key  // nothing new: the key stays, nothing is written
            } else {
                key = try await sync.advance(to: current, from: found)
            }
        }
        return .body(response(key: key, changes: changes))
    }

    /// MS-ASCMD 2.2.1.5 response: Status, SyncKey, Changes with Count and the Add, Update and
    /// Delete elements (adds first, parents before children).
    static func response(key: Int64, changes: HierarchySnapshot.Changes) -> WBXMLElement {
        func folder(_ kind: String, _ entry: HierarchySnapshot.Entry) -> WBXMLElement {
            WBXMLElement(
                "FolderHierarchy", kind,
                children: [
                    WBXMLElement("FolderHierarchy", "ServerId", text: entry.serverID),
                    WBXMLElement("FolderHierarchy", "ParentId", text: entry.parentID),
                    WBXMLElement("FolderHierarchy", "DisplayName", text: entry.displayName),
                    WBXMLElement("FolderHierarchy", "Type", text: String(entry.type)),
                ])
        }
        var list = [WBXMLElement("FolderHierarchy", "Count", text: String(changes.count))]
        list += changes.added.map { folder("Add", $0) }
        list += changes.updated.map { folder("Update", $0) }
        list += changes.deleted.map {
            WBXMLElement("FolderHierarchy", "Delete", children: [WBXMLElement("FolderHierarchy", "ServerId", text: $0)])
        }
        return WBXMLElement(
            "FolderHierarchy", "FolderSync",
            children: [
                WBXMLElement("FolderHierarchy", "Status", text: String(FolderHierarchyStatus.success.rawValue)),
                WBXMLElement("FolderHierarchy", "SyncKey", text: String(key)),
                WBXMLElement("FolderHierarchy", "Changes", children: list),
            ])
    }
}
