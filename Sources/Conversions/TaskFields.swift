import ICalendar

/// Task value tables (STYLE.md 8).
enum TaskFields {
    /// PRIORITY (RFC 5545 §3.8.1.9: 1 highest, 9 lowest, 0 undefined) → Importance (MS-ASTASK
    /// 2.2.2.12: 0 low, 1 normal, 2 high).
    static let importanceByPriority: [Int: Int] = [
        0: 1, 1: 2, 2: 2, 3: 2, 4: 2, 5: 1, 6: 0, 7: 0, 8: 0, 9: 0,
    ]
    /// Importance → the PRIORITY written for it (§3.8.1.9's CUA mapping: high 1, medium 5, low 9).
    static let priorityByImportance: [Int: Int] = [0: 9, 1: 5, 2: 1]

    /// The tasks `Recurrence` fields iCalendar has no property for, kept as X- properties of the VTODO.
    static let regenerateProperty = "X-ALMANAC-TASK-REGENERATE"
    static let deadOccurProperty = "X-ALMANAC-TASK-DEADOCCUR"

    /// `Tasks:OrdinalDate` and `Tasks:SubOrdinalDate`, a client's sort keys (defined in
    /// MS-ASEMAIL 2.2.2.56 and 2.2.2.76 for flags, and sent by phones for tasks as well): the
    /// first a UTC DATE-TIME, the second a string that breaks ties. iCalendar has neither, so
    /// they are X- properties of the VTODO.
    static let ordinalDateProperty = "X-ALMANAC-TASK-ORDINALDATE"
    static let subOrdinalDateProperty = "X-ALMANAC-TASK-SUBORDINALDATE"
    /// Longer SubOrdinalDate values are refused (PidLidToDoSubOrdinal holds at most 254).
    static let maximumSubOrdinalLength = 254

    static func importance(of todo: ICalendarComponent) -> Int {
        let priority = todo.value("PRIORITY").flatMap { Int($0.trimmingCharacters(in: " ")) } ?? 0
        return importanceByPriority[priority] ?? 1
    }

    static func isComplete(_ todo: ICalendarComponent) -> Bool {
        todo.value("STATUS")?.uppercased() == "COMPLETED"
            || (todo.value("STATUS") == nil && todo.property("COMPLETED") != nil)
    }
}
