/// How one class writes a `Recurrence`: its code page and the fields only it has. The elements
/// share names across the Calendar and Tasks code pages (MS-ASWBXML 2.1.2.1.5, 2.1.2.1.10), so
/// one reader and one writer serve both (``Recurrence+WBXML``).
struct RecurrenceDialect: Sendable {
    let namespace: String
    /// Whether `Until` and `Start` are dateTime (`2026-11-21T00:00:00.000Z`, tasks) rather than
    /// Compact DateTime (calendar).
    let usesDateTime: Bool
    /// Tasks carry `Start`, `Regenerate` and `DeadOccur`.
    let hasTaskFields: Bool
    /// The order of the elements in the class's schema (MS-ASCAL 6, MS-ASTASK 6).
    let order: [String]

    static let calendar = RecurrenceDialect(
        namespace: "Calendar", usesDateTime: false, hasTaskFields: false,
        order: [
            "Type", "Occurrences", "Interval", "WeekOfMonth", "DayOfWeek", "MonthOfYear", "Until", "DayOfMonth",
            "CalendarType", "IsLeapMonth", "FirstDayOfWeek",
        ])

    static let tasks = RecurrenceDialect(
        namespace: "Tasks", usesDateTime: true, hasTaskFields: true,
        order: [
            "Type", "Start", "Until", "Occurrences", "Interval", "DayOfWeek", "DayOfMonth", "WeekOfMonth",
            "MonthOfYear", "Regenerate", "DeadOccur", "CalendarType", "IsLeapMonth", "FirstDayOfWeek",
        ])

    func date(_ seconds: Int64) -> String {
        usesDateTime ? EASDate.dateTime(seconds) : EASDate.compact(seconds)
    }
}
