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
    /// Mail: the message is read (`\\Seen`). Tasks (an iCalendar object with a VTODO): the task is
    /// complete (STATUS:COMPLETED or a COMPLETED date, RFC 5545 §3.8.1.11, §3.8.2.1), so EAS
    /// FilterType 8 lists incomplete tasks without parsing them; nil for a task written before
    /// Almanac indexed completion, whose text has to be read. nil for other items.
    public var isRead: Bool?
    public var isFlagged: Bool?
    public var receivedAt: Int64?
    /// The values a text search looks up (``Store/searchValues(folderID:name:containing:)``); empty
    /// for items that are not searched that way. Written with the item, never read back into it.
    public var searchValues: [ItemSearchValue]

    public init(
        uid: String? = nil, subject: String? = nil, sender: String? = nil, startAt: Int64? = nil,
        endAt: Int64? = nil, isRead: Bool? = nil, isFlagged: Bool? = nil, receivedAt: Int64? = nil,
        searchValues: [ItemSearchValue] = []
    ) {
        self.uid = uid
        self.subject = subject
        self.sender = sender
        self.startAt = startAt
        self.endAt = endAt
        self.isRead = isRead
        self.isFlagged = isFlagged
        self.receivedAt = receivedAt
        self.searchValues = searchValues
    }
}
