import Foundation
import Store
import WBXML

/// FolderCreate (MS-ASCMD 2.2.1.3): a mail, calendar, contacts, tasks or notes folder under
/// the top level or another folder. Calendars and address books made here are DAV collections
/// at once (their URL segment is a fresh UUID; the display name is the client's).
enum FolderCreateCommand {
    static func run(_ context: CommandContext) async throws -> CommandResult {
        guard let body = context.body, body.name == "FolderCreate", let keyText = body.childText("SyncKey"),
            let parentText = body.childText("ParentId"), let name = body.childText("DisplayName"),
            let typeValue = body.childText("Type").flatMap(Int.init)
        else { return HierarchySync.statusResponse("FolderCreate", .malformedRequest) }
        let sync = try await HierarchySync.load(context)
        guard let snapshot = sync.currentSnapshot(forKey: keyText) else {
            return HierarchySync.statusResponse("FolderCreate", .invalidSyncKey)
        }
        guard FolderNames.isValid(name), let folderClass = FolderType(rawValue: typeValue)?.creatableClass else {
            return HierarchySync.statusResponse("FolderCreate", .malformedRequest)
        }
        let folders = try await context.store.folders()
        var parentID: Int64?
        if parentText != "0" {
            guard let id = Int64(parentText), folders.contains(where: { $0.id == id }) else {
                return HierarchySync.statusResponse("FolderCreate", .parentNotFound)
            }
            parentID = id
        }
        if FolderNames.taken(name, under: parentID, in: folders) {
            return HierarchySync.statusResponse("FolderCreate", .folderExists)
        }
        let folder: Folder
        do {
            folder = try await context.store.createFolder(
                class: folderClass, name: UUID().uuidString.lowercased(), displayName: name, parentID: parentID)
        } catch let error as StoreError {
            return HierarchySync.statusResponse("FolderCreate", FolderNames.status(of: error))
        }
        var entries = snapshot.entries
        entries.append(HierarchySnapshot(folders: [folder]).entries[0])
        let key = try await sync.advance(fromCurrent: snapshot, to: HierarchySnapshot(entries: entries))
        return HierarchySync.successResponse(
            "FolderCreate", key: key, [WBXMLElement("FolderHierarchy", "ServerId", text: String(folder.id))])
    }
}
