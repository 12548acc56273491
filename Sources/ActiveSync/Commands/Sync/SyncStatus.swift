/// The Status values of Sync (MS-ASCMD 2.2.3.177.17), named as the specification describes
/// them. A Sync answers one for the request (`Sync/Status`, only when it fails as a whole), one
/// per collection, and one per client Add, Change, Delete and Fetch.
enum SyncStatus: Int, Sendable, Codable {
    case success = 1
    /// The SyncKey is neither the current nor the previous key: the client starts the
    /// collection over with SyncKey 0.
    case invalidSyncKey = 3
    /// The request does not follow the protocol (a missing SyncKey, Commands with SyncKey 0, …).
    case protocolError = 4
    case serverError = 5
    /// An item could not be converted between its stored form and EAS.
    case errorInClientServerConversion = 6
    /// The item changed on the server since the client's key, and the server wins.
    case conflictMatchingClientAndServerObject = 7
    case objectNotFound = 8
    /// The user's quota has no room for the item.
    case syncCannotBeCompleted = 9
    /// The collection is not a folder the device knows of: it runs FolderSync.
    case folderHierarchyHasChanged = 12
    /// An empty or partial Sync with nothing cached to complete it: the client sends a full one.
    case syncRequestIncomplete = 13
    /// Wait or HeartbeatInterval out of range (the answer carries `Limit`).
    case invalidWaitOrHeartbeatInterval = 14
    /// More collections than allowed, or one named twice.
    case invalidSyncCommandRequest = 15
    /// Another request of the device changed the state meanwhile: the client retries.
    case retry = 16
}
