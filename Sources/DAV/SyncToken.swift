/// A sync token (RFC 6578 §3.2: a URI): the store's id, the collection's
/// folder id and a modseq of the change log. A token from another store (a
/// restored backup, another user) or of another collection (one deleted and
/// re-created under the same name) is refused, so clients resync instead of
/// keeping or deleting the wrong data.
struct SyncToken: Sendable, Equatable, CustomStringConvertible {
    static let prefix = "urn:x-almanac:sync:"

    let storeID: String
    let folderID: Int64
    let modseq: Int64

    var description: String { "\(Self.prefix)\(storeID):\(folderID):\(modseq)" }

    init(storeID: String, folderID: Int64, modseq: Int64) {
        self.storeID = storeID
        self.folderID = folderID
        self.modseq = modseq
    }

    /// Parses a token; nil when it is not one of ours.
    init?(_ text: String) {
        let trimmed = text.trimmingWhitespace()
        guard trimmed.hasPrefix(Self.prefix), trimmed.utf8.count < 128 else { return nil }
        let parts = trimmed.dropFirst(Self.prefix.count).split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, let folderID = Int64(parts[1]), let modseq = Int64(parts[2]),
            folderID > 0, modseq >= 0
        else { return nil }
        self.storeID = String(parts[0])
        self.folderID = folderID
        self.modseq = modseq
    }
}

extension String {
    func trimmingWhitespace() -> Substring {
        var text = self[...]
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return text
    }
}
