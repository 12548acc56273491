/// The Status values of Ping (MS-ASCMD 2.2.3.177.10).
enum PingStatus: Int, Sendable {
    /// The heartbeat interval passed with no change in the watched folders.
    case heartbeatExpired = 1
    /// A watched folder changed; the answer lists which.
    case changesOccurred = 2
    /// Neither the request nor the device's cached Ping gives the heartbeat interval or the folders.
    case missingParameters = 3
    /// The request is not a well-formed Ping.
    case syntaxError = 4
    /// The heartbeat interval is out of range; the answer carries the nearest allowed one.
    case invalidHeartbeatInterval = 5
    /// More folders than a Ping may watch; the answer carries MaxFolders.
    case tooManyFolders = 6
    /// The device's folder list is out of date (a folder was added, renamed, moved or deleted,
    /// or a watched folder is unknown): FolderSync first.
    case folderHierarchyOutOfDate = 7
    /// The server failed.
    case serverError = 8
}
