/// An item's ServerId (MS-ASCMD 2.2.3.166.8): `<folder>:<item>`, from the store's row ids,
/// which are never reused (DESIGN.md: the store). Moving an item keeps its row id, so its
/// ServerId in the new folder is `<new folder>:<item>`.
struct ServerID: Sendable, Hashable, CustomStringConvertible {
    var folderID: Int64
    var itemID: Int64

    init(folderID: Int64, itemID: Int64) {
        self.folderID = folderID
        self.itemID = itemID
    }

    /// Parses `<folder>:<item>`; nil for anything else.
    init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let folder = Int64(parts[0]), let item = Int64(parts[1]), folder > 0, item > 0
        else { return nil }
        self.init(folderID: folder, itemID: item)
    }

    var description: String { "\(folderID):\(itemID)" }
}
