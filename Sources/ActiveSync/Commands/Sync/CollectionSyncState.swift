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

    /// Whether the folder has nothing for the device without listing it: nothing was left
    /// after the last listing, nothing in the folder is newer, and no time window moves.
    func isUpToDate(folderModseq: Int64, hasTimeWindow: Bool) -> Bool {
        guard let upToDate, !hasTimeWindow else { return false }
        return folderModseq <= upToDate
    }

    static let maximumClientAdds = 512
    static let clientAddKeys: Int64 = 4

    init() {}

    // MARK: Encoding (the bytes of `sync_state.state`)

    /// JSON. Held and skipped items are two arrays each, in id order: the steps from one id to the
    /// next (the first from 0), and from one modseq to the next (signed). A folder's ids rise by
    /// small steps and its modseqs mostly do too: 10,000 held items of an imported folder take
    /// 40 KB instead of the 140 KB of whole numbers (`ids`/`modseqs`, the form before, still read).
    private enum CodingKeys: String, CodingKey {
        case idSteps, modseqSteps, skippedIDSteps, skippedModseqSteps, options, clientAdds, upToDate
        case ids, modseqs, skippedIDs, skippedModseqs
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        held = try Self.map(container, steps: (.idSteps, .modseqSteps), whole: (.ids, .modseqs))
        skipped = try Self.map(
            container, steps: (.skippedIDSteps, .skippedModseqSteps), whole: (.skippedIDs, .skippedModseqs))
        options = try container.decode(SyncOptions.self, forKey: .options)
        clientAdds = try container.decode([ClientAdd].self, forKey: .clientAdds)
        upToDate = try container.decodeIfPresent(Int64.self, forKey: .upToDate)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        let held = self.held.sorted { $0.key < $1.key }
        try container.encode(Self.steps(held.map(\.key)), forKey: .idSteps)
        try container.encode(Self.steps(held.map(\.value)), forKey: .modseqSteps)
        let skipped = self.skipped.sorted { $0.key < $1.key }
        try container.encode(Self.steps(skipped.map(\.key)), forKey: .skippedIDSteps)
        try container.encode(Self.steps(skipped.map(\.value)), forKey: .skippedModseqSteps)
        try container.encode(options, forKey: .options)
        try container.encode(clientAdds, forKey: .clientAdds)
        try container.encodeIfPresent(upToDate, forKey: .upToDate)
    }

    /// Each value less the one before it (the first less 0), wrapping: ``values(_:)`` undoes it
    /// exactly for any Int64s.
    static func steps(_ values: [Int64]) -> [Int64] {
        var previous: Int64 = 0
        return values.map { value in
            defer { previous = value }
            return value &- previous
        }
    }

    /// The values of ``steps(_:)``.
    static func values(_ steps: [Int64]) -> [Int64] {
        var value: Int64 = 0
        return steps.map { step in
            value = value &+ step
            return value
        }
    }

    /// An id → modseq map from its steps, or from the whole numbers of the form before.
    private static func map(
        _ container: KeyedDecodingContainer<CodingKeys>, steps: (CodingKeys, CodingKeys),
        whole: (CodingKeys, CodingKeys)
    ) throws -> [Int64: Int64] {
        let ids: [Int64]
        let modseqs: [Int64]
        if let idSteps = try container.decodeIfPresent([Int64].self, forKey: steps.0) {
            ids = values(idSteps)
            modseqs = values(try container.decode([Int64].self, forKey: steps.1))
        } else {
            ids = try container.decode([Int64].self, forKey: whole.0)
            modseqs = try container.decode([Int64].self, forKey: whole.1)
        }
        guard ids.count == modseqs.count else {
            throw DecodingError.dataCorruptedError(forKey: steps.1, in: container, debugDescription: "length")
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
