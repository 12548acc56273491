/// The Status values of ItemOperations (MS-ASCMD 2.2.3.177.7) that Almanac answers with.
enum ItemOperationsStatus: Int, Sendable {
    case success = 1
    /// The request does not follow the protocol.
    case protocolError = 2
    case serverError = 3
    /// The item or folder was not found.
    case objectNotFound = 6
    /// The `Store` is not `Mailbox` (Almanac has no document libraries).
    case storeUnknownOrUnsupported = 9
    /// The item could not be converted.
    case conversionFailed = 14
    /// A FileReference names no attachment (calendar, contact, task and note items have none here).
    case invalidAttachment = 15
}
