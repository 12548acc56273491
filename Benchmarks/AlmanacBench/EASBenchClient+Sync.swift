import WBXML

extension EASBenchClient {
    /// What one Sync response held for the collection.
    struct SyncPage {
        var adds = 0
        var changes = 0
        var deletes = 0
        /// MS-ASCMD 2.2.3.102 MoreAvailable: the window was full, more changes wait.
        var moreAvailable = false
        /// The WBXML bytes of the response.
        var bytes = 0
    }

    /// The largest Sync response read: a full window of 512 contacts with photos stays far below.
    static let syncResponseLimit = 64 << 20

    /// One Sync (MS-ASCMD 2.2.1.21) of one collection from its current key ("0" at first), as a
    /// phone sends it: GetChanges (not at SyncKey 0, 2.2.3.84), WindowSize and Options with
    /// FilterType 0 (all items) and one plain-text BodyPreference (MS-ASAIRS 2.2.2.7); keeps
    /// the key it answers.
    mutating func sync(
        collectionID: String, windowSize: Int, bodyTruncation: Int = 32_768
    ) async throws -> SyncPage {
        let key = collectionKeys[collectionID] ?? "0"
        // MS-ASCMD 2.2.3.29.2: SyncKey, CollectionId, GetChanges, WindowSize, Options, in this order.
        var collection = [
            WBXMLElement("AirSync", "SyncKey", text: key), WBXMLElement("AirSync", "CollectionId", text: collectionID),
        ]
        if key != "0" { collection.append(WBXMLElement("AirSync", "GetChanges")) }
        collection.append(WBXMLElement("AirSync", "WindowSize", text: String(windowSize)))
        collection.append(
            WBXMLElement(
                "AirSync", "Options",
                children: [
                    WBXMLElement("AirSync", "FilterType", text: "0"),
                    WBXMLElement(
                        "AirSyncBase", "BodyPreference",
                        children: [
                            WBXMLElement("AirSyncBase", "Type", text: "1"),
                            WBXMLElement("AirSyncBase", "TruncationSize", text: String(bodyTruncation)),
                        ]),
                ]))
        let request = WBXMLElement(
            "AirSync", "Sync",
            children: [
                WBXMLElement(
                    "AirSync", "Collections", children: [WBXMLElement("AirSync", "Collection", children: collection)])
            ])
        var page = SyncPage()
        let answer = try await post("Sync", request, size: &page.bytes, limit: Self.syncResponseLimit)
        guard
            let response = answer.child("Collections")?.children.first(where: {
                $0.name == "Collection" && $0.child("CollectionId")?.text == collectionID
            }), response.child("Status")?.text == "1", let newKey = response.child("SyncKey")?.text
        else {
            throw BenchmarkError(
                message: "Sync of \(collectionID) from key \(key) failed: \(answer.xml().prefix(2_000))")
        }
        collectionKeys[collectionID] = newKey
        page.moreAvailable = response.child("MoreAvailable") != nil
        for command in response.child("Commands")?.children ?? [] {
            switch command.name {
            case "Add": page.adds += 1
            case "Change": page.changes += 1
            case "Delete", "SoftDelete": page.deletes += 1
            default: continue
            }
        }
        return page
    }
}
