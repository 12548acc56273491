import Store
import WBXML

/// The FolderSync SyncKey of one device over the store's sync state (collection
/// `hierarchy`): which snapshot a key names, and saving the next one. FolderCreate,
/// FolderUpdate and FolderDelete advance the same key (MS-ASCMD 2.2.1.2–2.2.1.4).
struct HierarchySync {
    static let collection = "hierarchy"

    let store: Store
    let deviceID: String
    let state: SyncState?

    static func load(_ context: CommandContext) async throws -> HierarchySync {
        let state = try await context.store.syncState(deviceID: context.device.deviceID, collection: collection)
        return HierarchySync(store: context.store, deviceID: context.device.deviceID, state: state)
    }

    /// The snapshot a client key names: the current or the previous saved key; nil for any
    /// other key, or a state that cannot be read (the client then starts over).
    func snapshot(forKey text: String) -> (key: Int64, snapshot: HierarchySnapshot)? {
        guard let state, let key = Int64(text), let bytes = state.state(forKey: key),
            let snapshot = HierarchySnapshot(encoded: bytes)
        else { return nil }
        return (key, snapshot)
    }

    /// The snapshot of the current key, for the commands that change one folder: they must
    /// send the current key.
    func currentSnapshot(forKey text: String) -> HierarchySnapshot? {
        guard let found = snapshot(forKey: text), found.key == state?.key else { return nil }
        return found.snapshot
    }

    /// Saves `snapshot` under the next key, with the client's key as the previous one (nil
    /// after SyncKey 0), and returns the new key. Keys only grow, also across a restart with 0,
    /// so no old key ever names a new state.
    func advance(to snapshot: HierarchySnapshot, from previous: (key: Int64, snapshot: HierarchySnapshot)?)
        async throws -> Int64
    {
        let key = (state?.key ?? 0) + 1
        _ = try await store.saveSyncState(
            deviceID: deviceID, collection: Self.collection, expectedKey: state?.key, key: key,
            state: snapshot.encoded(), previous: previous.map { ($0.key, $0.snapshot.encoded()) })
        return key
    }

    /// Saves `snapshot` under the next key after the current one, which names `current`
    /// (FolderCreate, FolderUpdate and FolderDelete change the current state by one folder).
    func advance(fromCurrent current: HierarchySnapshot, to snapshot: HierarchySnapshot) async throws -> Int64 {
        try await advance(to: snapshot, from: (state?.key ?? 0, current))
    }

    /// `<Command><Status>1</Status><SyncKey>key</SyncKey>…</Command>`: the answer of FolderCreate,
    /// FolderUpdate and FolderDelete, with what else the command returns.
    static func successResponse(_ command: String, key: Int64, _ more: [WBXMLElement] = []) -> CommandResult {
        .body(
            WBXMLElement(
                "FolderHierarchy", command,
                children: [
                    WBXMLElement("FolderHierarchy", "Status", text: String(FolderHierarchyStatus.success.rawValue)),
                    WBXMLElement("FolderHierarchy", "SyncKey", text: String(key)),
                ] + more))
    }

    /// `<Command><Status>n</Status></Command>` in the FolderHierarchy code page.
    static func statusResponse(_ command: String, _ status: FolderHierarchyStatus) -> CommandResult {
        .body(
            WBXMLElement(
                "FolderHierarchy", command,
                children: [WBXMLElement("FolderHierarchy", "Status", text: String(status.rawValue))]))
    }
}
