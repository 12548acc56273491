import WBXML

/// A GetItemEstimate request (MS-ASCMD 2.2.1.9): per collection its CollectionId, the SyncKey
/// of the device's last Sync, and optionally a FilterType, in the 14.0+ form (`Options`) or
/// the 12.1 one (`FilterType` directly in the collection).
struct GetItemEstimateRequest: Sendable {
    struct Collection: Sendable {
        var collectionID: String
        var syncKey: String?
        var filterType: Int?
    }

    var collections: [Collection] = []

    /// Parses a `GetItemEstimate` element; nil when it is not one, or a collection has no
    /// CollectionId (a protocol error).
    init?(_ element: WBXMLElement) {
        guard element.name == "GetItemEstimate", let list = element.child("Collections") else { return nil }
        for entry in list.children(named: "Collection") {
            guard let id = entry.childText("CollectionId") else { return nil }
            let filter = entry.child("Options")?.childText("FilterType") ?? entry.childText("FilterType")
            collections.append(
                Collection(
                    collectionID: id, syncKey: entry.childText("SyncKey"), filterType: filter.flatMap { Int($0) }))
        }
    }
}
