/// A committed change, as published on the ``ChangeBus``: which user's folder changed, and the
/// modseq of the change.
public struct StoreChange: Sendable, Equatable, Hashable {
    public let userID: Int64
    public let folderID: Int64
    public let modseq: Int64

    public init(userID: Int64, folderID: Int64, modseq: Int64) {
        self.userID = userID
        self.folderID = folderID
        self.modseq = modseq
    }
}
