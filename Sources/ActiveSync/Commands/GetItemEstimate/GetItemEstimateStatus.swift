/// The Status values of GetItemEstimate (MS-ASCMD 2.2.3.177.6).
enum GetItemEstimateStatus: Int, Sendable {
    case success = 1
    /// The CollectionId names no folder.
    case invalidCollection = 2
    /// No Sync with a key has run for the collection yet (SyncKey 0 or none saved).
    case syncStateNotPrimed = 3
    /// The SyncKey is neither the current nor the previous one.
    case invalidSyncKey = 4
}
