import Foundation

/// What one SyncKey of a collection names (DESIGN.md: the store, sync state): the items the
/// device holds, each at the modseq it was sent at, the options in force, and the client Adds
/// answered lately. The server's changes are recomputed from this and the folder's listing
/// (held but gone: Delete; held but out of the window: SoftDelete; newer: Change; not held:
/// Add), so nothing pending is stored and a pruned change log never invalidates a key.
struct CollectionSyncState: Sendable, Equatable, Codable {
    /// A client Add answered with a ServerId (MS-ASCMD 2.2.3.7.2): a resent Add with the same
    /// ClientId and the same ApplicationData gets the same ServerId, and nothing is written.
    struct ClientAdd: Sendable, Equatable, Codable {
        var clientID: String
        var itemID: Int64
        /// FNV-1a of the Add's ApplicationData as WBXML: a client that reuses ClientIds for new
        /// items is not mistaken for one that resends.
        var fingerprint: UInt64
        /// The key the answer carried.
        var key: Int64
    }

    /// Item id → the modseq of the version the device holds.
    var held: [Int64: Int64] = [:]
    /// Items whose stored text could not be converted, at the modseq that failed: left out until
    /// they change, so one bad item never holds the collection in MoreAvailable.
    var skipped: [Int64: Int64] = [:]
    var options = SyncOptions()
    /// Newest last, at most ``maximumClientAdds``, from the last ``clientAddKeys`` keys.
    var clientAdds: [ClientAdd] = []
    /// The store modseq of the last listing after which nothing was left to send: while the
    /// folder's modseq is not above it (and no time window moves), the folder has no changes
    /// for the device and is not listed again.
    var upToDate: Int64?

    static let maximumClientAdds = 512
    static let clientAddKeys: Int64 = 4

    init() {}

    // MARK: Encoding (the bytes of `sync_state.state`)

    private enum CodingKeys: String, CodingKey {
        case ids, modseqs, skippedIDs, skippedModseqs, options, clientAdds, upToDate
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        held = try Self.map(container, CodingKeys.ids, CodingKeys.modseqs)
        skipped = try Self.map(container, CodingKeys.skippedIDs, CodingKeys.skippedModseqs)
        options = try container.decode(SyncOptions.self, forKey: .options)
        clientAdds = try container.decode([ClientAdd].self, forKey: .clientAdds)
        upToDate = try container.decodeIfPresent(Int64.self, forKey: .upToDate)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        let held = self.held.sorted { $0.key < $1.key }
        try container.encode(held.map(\.key), forKey: .ids)
        try container.encode(held.map(\.value), forKey: .modseqs)
        let skipped = self.skipped.sorted { $0.key < $1.key }
        try container.encode(skipped.map(\.key), forKey: .skippedIDs)
        try container.encode(skipped.map(\.value), forKey: .skippedModseqs)
        try container.encode(options, forKey: .options)
        try container.encode(clientAdds, forKey: .clientAdds)
        try container.encodeIfPresent(upToDate, forKey: .upToDate)
    }

    private static func map(
        _ container: KeyedDecodingContainer<CodingKeys>, _ keys: CodingKeys, _ values: CodingKeys
    ) throws -> [Int64: Int64] {
        let ids = try container.decode([Int64].self, forKey: keys)
        let modseqs = try container.decode([Int64].self, forKey: values)
        guard ids.count == modseqs.count else {
            throw DecodingError.dataCorruptedError(forKey: values, in: container, debugDescription: "length")
        }
        return Dictionary(zip(ids, modseqs), uniquingKeysWith: { _, last in last })
    }

    /// The state as stored.
    func encoded() -> [UInt8] {
        (try? [UInt8](JSONEncoder().encode(self))) ?? []
    }

    /// A stored state; nil when the bytes are not one (the key is then treated as unknown).
    init?(encoded bytes: [UInt8]) {
        guard let state = try? JSONDecoder().decode(CollectionSyncState.self, from: Data(bytes)) else { return nil }
        self = state
    }
}
