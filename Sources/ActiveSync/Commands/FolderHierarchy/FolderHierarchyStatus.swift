/// The Status values of FolderSync, FolderCreate, FolderUpdate and FolderDelete (MS-ASCMD
/// 2.2.3.177.1–2.2.3.177.4), which share their meanings.
enum FolderHierarchyStatus: Int, Sendable {
    case success = 1
    /// A folder of that name already exists under the parent.
    case folderExists = 2
    /// The folder is a special (default) folder.
    case specialFolder = 3
    case folderNotFound = 4
    case parentNotFound = 5
    case serverError = 6
    /// The SyncKey is invalid: the client starts over with SyncKey 0.
    case invalidSyncKey = 9
    case malformedRequest = 10
    case unknownError = 11
}
