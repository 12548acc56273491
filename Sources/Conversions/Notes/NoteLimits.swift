import ICalendar

/// Bounds on what ``NoteConverter`` accepts from a client and keeps (STYLE.md 5).
public struct NoteLimits: Sendable, Equatable {
    /// Longest `Subject` or category, in UTF-8 bytes. Default 32 KiB.
    public var maxFieldBytes: Int
    /// Most `Category` items. Default 300, as for contacts (MS-ASCNTC 2.2.2.20).
    public var maxListItems: Int
    /// Largest iCalendar object read from the store or written to it, in bytes. Default 10 MiB,
    /// the iCalendar parser's own default (`ICalendarLimits.maxBytes`).
    public var maxItemBytes: Int

    public init(
        maxFieldBytes: Int = 32 << 10, maxListItems: Int = 300, maxItemBytes: Int = ICalendarLimits.default.maxBytes
    ) {
        self.maxFieldBytes = maxFieldBytes
        self.maxListItems = maxListItems
        self.maxItemBytes = maxItemBytes
    }

    public static let `default` = NoteLimits()
}
