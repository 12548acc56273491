/// A committed change, as published on the ``ChangeBus``: which user's folder changed, the
/// modseq of the change, and whether it changed the folder itself or only its items.
public struct StoreChange: Sendable, Equatable, Hashable {
    /// What a change touched.
    public enum Scope: Sendable, Equatable, Hashable {
        /// Items of the folder were created, changed, moved or deleted.
        case items
        /// The folder itself was created, renamed, moved, given new properties or deleted: a
        /// device's folder list may be out of date (EAS Ping status 7).
        case folder
    }

    public let userID: Int64
    public let folderID: Int64
    public let modseq: Int64
    public let scope: Scope

    public init(userID: Int64, folderID: Int64, modseq: Int64, scope: Scope = .items) {
        self.userID = userID
        self.folderID = folderID
        self.modseq = modseq
        self.scope = scope
    }
}
