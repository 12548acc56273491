/// The `Recurrence` of an EAS calendar item or task (MS-ASCAL 2.2.2, MS-ASTASK 2.2.2): one
/// model for both classes, which differ only in their code page and a few fields
/// (``RecurrenceDialect``).
struct Recurrence: Sendable, Equatable {
    /// MS-ASCAL 2.2.2 `Type`.
    enum Kind: Int, Sendable {
        case daily = 0
        case weekly = 1
        case monthly = 2
        case monthlyNth = 3
        case yearly = 5
        case yearlyNth = 6
    }

    var kind: Kind
    var interval = 1
    /// UTC seconds of the last occurrence's start (calendar), or its wall time (tasks).
    var until: Int64?
    /// Whether `Until` is a local time (no `Z`), as for 16.x all-day items.
    var untilIsLocal = false
    var occurrences: Int?
    /// Bitmask, Sunday 1 … Saturday 64 (MS-ASCAL 2.2.2).
    var dayOfWeek: Int?
    var dayOfMonth: Int?
    /// 1–4, 5 the last (MS-ASCAL 2.2.2).
    var weekOfMonth: Int?
    var monthOfYear: Int?
    /// 0 Sunday … 6 Saturday (MS-ASCAL 2.2.2, 14.1+).
    var firstDayOfWeek: Int?
    /// Tasks only (MS-ASTASK 2.2.2 `Start`): wall time of the first occurrence.
    var start: Int64?
    /// Tasks only: the next occurrence is computed from the completion (MS-ASTASK 2.2.2).
    var regenerate = false
    /// Tasks only: the task recurs forever (MS-ASTASK 2.2.2).
    var deadOccur = false

    init(kind: Kind) {
        self.kind = kind
    }

    /// The day bits of a mask, as weekday numbers 0–6.
    static func weekdays(of mask: Int) -> [Int] {
        (0..<7).filter { mask & (1 << $0) != 0 }
    }

    static func mask(of weekdays: [Int]) -> Int {
        weekdays.reduce(0) { $0 | 1 << $1 }
    }

    /// Whether the client's recurrence says the same as this one (the stored rule's), fields the
    /// client left out and defaults aside: then the stored RRULE is kept as written.
    func isSame(asClient client: Recurrence, clientSentFirstDayOfWeek: Bool) -> Bool {
        var mine = self
        if !clientSentFirstDayOfWeek { mine.firstDayOfWeek = client.firstDayOfWeek }
        mine.start = client.start
        mine.untilIsLocal = client.untilIsLocal
        return mine == client
    }
}
