/// The indexed columns of an item, extracted from its body by the caller
/// (the store never parses bodies). Times are UTC unix seconds.
public struct ItemIndex: Sendable, Equatable, Hashable {
    /// iCalendar / vCard UID, or the Message-ID of a mail.
    public var uid: String?
    public var subject: String?
    public var sender: String?
    /// Start of the first occurrence; nil = open-ended (or not an event).
    public var startAt: Int64?
    /// End of the last occurrence; nil = open-ended (e.g. an unbounded RRULE).
    public var endAt: Int64?
    public var isRead: Bool?
    public var isFlagged: Bool?
    public var receivedAt: Int64?
    /// Case-folded text a substring search may narrow on (``Store/items(folderID:searchTextContaining:)``);
    /// it must contain every value the search can match.
    public var searchText: String?

    public init(
        uid: String? = nil, subject: String? = nil, sender: String? = nil, startAt: Int64? = nil,
        endAt: Int64? = nil, isRead: Bool? = nil, isFlagged: Bool? = nil, receivedAt: Int64? = nil,
        searchText: String? = nil
    ) {
        self.uid = uid
        self.subject = subject
        self.sender = sender
        self.startAt = startAt
        self.endAt = endAt
        self.isRead = isRead
        self.isFlagged = isFlagged
        self.receivedAt = receivedAt
        self.searchText = searchText
    }
}
