/// Why a store operation was refused. Every case carries the offending value;
/// a refused operation changes nothing.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    case folderNotFound(Int64)
    case itemNotFound(folder: Int64, resourceName: String)
    /// The target of a move already exists.
    case itemExists(folder: Int64, resourceName: String)
    /// A write condition failed; carries the current ETag, or "none" when there is no item.
    case preconditionFailed(String)
    /// The write would bring usage past the limit; `needed` is the bytes it would add.
    case quotaExceeded(used: Int64, limit: Int64, needed: Int64)
    /// A sibling folder already has this name.
    case folderNameExists(String)
    /// A role folder cannot be deleted or moved.
    case specialFolder(FolderRole)
    /// A folder cannot be moved under itself or one of its descendants.
    case folderCycle(folder: Int64, parent: Int64)
    /// Empty, longer than 255 bytes, containing "/" or a control character, or "." / "..".
    case invalidName(String)
    /// The log was pruned past `since`: the client must resync.
    case syncTokenTooOld(since: Int64, oldest: Int64)
    /// `since` is past the store's modseq: a token this store never issued.
    case syncTokenInvalid(since: Int64, modseq: Int64)
    /// The file is not an Almanac store (its `store_info` row is missing); carries the connection label.
    case corruptStore(String)

    public var description: String {
        switch self {
        case .folderNotFound(let id): "no folder \(id)"
        case .itemNotFound(let folder, let name): "no item \(String(reflecting: name)) in folder \(folder)"
        case .itemExists(let folder, let name): "item \(String(reflecting: name)) already exists in folder \(folder)"
        case .preconditionFailed(let etag): "precondition failed (current ETag: \(etag))"
        case .quotaExceeded(let used, let limit, let needed):
            "quota exceeded: \(used) of \(limit) bytes used, the write needs \(needed) more"
        case .folderNameExists(let name): "a folder named \(String(reflecting: name)) already exists there"
        case .specialFolder(let role): "the \(role.rawValue) folder cannot be deleted or moved"
        case .folderCycle(let folder, let parent): "folder \(folder) cannot move under its own descendant \(parent)"
        case .invalidName(let name): "invalid name \(String(reflecting: name))"
        case .syncTokenTooOld(let since, let oldest):
            "sync token \(since) is older than the oldest kept change (\(oldest))"
        case .syncTokenInvalid(let since, let modseq): "sync token \(since) is past the store's modseq \(modseq)"
        case .corruptStore(let store): "\(store) is not an Almanac store (no store_info row)"
        }
    }
}
