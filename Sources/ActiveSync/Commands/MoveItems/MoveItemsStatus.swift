/// The Status values of MoveItems (MS-ASCMD 2.2.3.177.9).
enum MoveItemsStatus: Int, Sendable {
    /// The source folder or the item in it does not exist.
    case invalidSourceCollectionIdOrItemId = 1
    /// The destination folder does not exist, or holds another class of items.
    case invalidDestinationCollectionId = 2
    case success = 3
    case sourceAndDestinationAreTheSame = 4
    /// The move failed on the server.
    case failure = 5
    case sourceOrDestinationLocked = 7
}
