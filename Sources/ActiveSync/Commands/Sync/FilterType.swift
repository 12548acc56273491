import Conversions

/// MS-ASCMD 2.2.3.68.2 FilterType of a Sync collection's Options: how far back calendar items
/// reach (0 all, 1 one day … 7 six months), or tasks that are not complete (8). Other classes
/// sync every item whatever the value.
enum FilterType: Int, Sendable, Codable, CaseIterable {
    case all = 0
    case oneDay = 1
    case threeDays = 2
    case oneWeek = 3
    case twoWeeks = 4
    case oneMonth = 5
    case threeMonths = 6
    case sixMonths = 7
    case incompleteTasks = 8

    /// The days each time window reaches back from now (a month is 30 days, as Exchange counts).
    static let days: [FilterType: Int64] = [
        .oneDay: 1, .threeDays: 3, .oneWeek: 7, .twoWeeks: 14, .oneMonth: 30, .threeMonths: 90, .sixMonths: 180,
    ]

    /// The value in force for a class: a time window only for calendars, "incomplete" only for
    /// tasks; anything else syncs everything.
    func effective(for itemClass: ItemClass?) -> FilterType {
        switch (itemClass, self) {
        case (.calendar, .incompleteTasks): .all
        case (.calendar, _): self
        case (.tasks, .incompleteTasks): self
        default: .all
        }
    }

    /// Whether the filter is a time window, which moves with the clock.
    var hasTimeWindow: Bool { Self.days[self] != nil }

    /// The start of the window in unix seconds, nil when the filter has no time window: a
    /// calendar item is in the window when it ends after this instant (or is open-ended).
    func windowStart(now: Int64) -> Int64? {
        Self.days[self].map { now - $0 * 86_400 }
    }
}
