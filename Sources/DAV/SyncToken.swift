/// A sync token (RFC 6578 §3.2: a URI): the store's id and a modseq of its
/// change log. A token from another store (a restored backup, another user)
/// is not ours and is refused, so clients resync instead of deleting data.
struct SyncToken: Sendable, Equatable, CustomStringConvertible {
    static let prefix = "urn:x-almanac:sync:"

    let storeID: String
    let modseq: Int64

    var description: String { "\(Self.prefix)\(storeID):\(modseq)" }

    init(storeID: String, modseq: Int64) {
        self.storeID = storeID
        self.modseq = modseq
    }

    /// Parses a token; nil when it is not one of ours.
    init?(_ text: String) {
        let trimmed = text.trimmingWhitespace()
        guard trimmed.hasPrefix(Self.prefix), trimmed.utf8.count < 128 else { return nil }
        let rest = trimmed.dropFirst(Self.prefix.count)
        guard let colon = rest.lastIndex(of: ":"), let modseq = Int64(rest[rest.index(after: colon)...]),
            modseq >= 0
        else { return nil }
        self.storeID = String(rest[..<colon])
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
