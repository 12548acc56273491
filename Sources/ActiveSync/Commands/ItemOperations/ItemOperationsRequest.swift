import Conversions
import WBXML

/// An ItemOperations request (MS-ASCMD 2.2.1.10): Fetch of single items by CollectionId and
/// ServerId with their body preferences, and EmptyFolderContents; other operations (Move,
/// document library fetches) are answered as unsupported.
struct ItemOperationsRequest: Sendable {
    enum Operation: Sendable {
        /// MS-ASCMD 2.2.3.67.1 Fetch.
        case fetch(store: String, collectionID: String?, serverID: String?, fileReference: String?, [BodyPreference])
        /// MS-ASCMD 2.2.3.59 EmptyFolderContents, with DeleteSubFolders (2.2.3.47).
        case emptyFolderContents(collectionID: String?, deleteSubFolders: Bool)
        case unsupported(String)
    }

    var operations: [Operation] = []

    /// Parses an `ItemOperations` element; nil when it is not one.
    init?(_ element: WBXMLElement) {
        guard element.name == "ItemOperations" else { return nil }
        for child in element.children {
            switch child.name {
            case "Fetch":
                let preferences = (child.child("Options")?.children(named: "BodyPreference") ?? []).compactMap {
                    BodyPreference($0)
                }
                operations.append(
                    .fetch(
                        store: child.childText("Store") ?? "", collectionID: child.childText("CollectionId"),
                        serverID: child.childText("ServerId"), fileReference: child.childText("FileReference"),
                        preferences))
            case "EmptyFolderContents":
                operations.append(
                    .emptyFolderContents(
                        collectionID: child.childText("CollectionId"),
                        deleteSubFolders: child.child("Options")?.child("DeleteSubFolders") != nil))
            default:
                operations.append(.unsupported(child.name))
            }
        }
    }
}
