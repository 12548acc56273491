import Testing

@testable import Conversions

struct RecurrenceTests {
    /// 2026-01-30 is a Friday.
    let start = CivilTime(year: 2026, month: 1, day: 30, hour: 16)

    func eas(_ rule: String) throws -> Recurrence {
        Recurrence(rule: try #require(RecurrenceRule(rule)), start: start) { EASDate.parse($0)?.seconds }
    }

    /// (RRULE, Type, DayOfWeek, DayOfMonth, WeekOfMonth, MonthOfYear, Interval), and the RRULE written back.
    static let table: [(String, Recurrence.Kind, Int?, Int?, Int?, Int?, Int, String)] = [
        ("FREQ=DAILY", .daily, nil, nil, nil, nil, 1, "FREQ=DAILY"),
        ("FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR", .daily, 62, nil, nil, nil, 1, "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR"),
        ("FREQ=WEEKLY;INTERVAL=2", .weekly, 32, nil, nil, nil, 2, "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR"),
        ("FREQ=WEEKLY;BYDAY=TU,TH", .weekly, 20, nil, nil, nil, 1, "FREQ=WEEKLY;BYDAY=TU,TH"),
        ("FREQ=MONTHLY", .monthly, nil, 30, nil, nil, 1, "FREQ=MONTHLY;BYMONTHDAY=30"),
        ("FREQ=MONTHLY;BYMONTHDAY=15", .monthly, nil, 15, nil, nil, 1, "FREQ=MONTHLY;BYMONTHDAY=15"),
        ("FREQ=MONTHLY;BYDAY=-1FR", .monthlyNth, 32, nil, 5, nil, 1, "FREQ=MONTHLY;BYDAY=-1FR"),
        ("FREQ=MONTHLY;BYDAY=2TU", .monthlyNth, 4, nil, 2, nil, 1, "FREQ=MONTHLY;BYDAY=2TU"),
        (
            "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", .monthlyNth, 62, nil, 5, nil, 1,
            "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1"
        ),
        ("FREQ=YEARLY", .yearly, nil, 30, nil, 1, 1, "FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=30"),
        ("FREQ=YEARLY;BYMONTH=11;BYDAY=4TH", .yearlyNth, 16, nil, 4, 11, 1, "FREQ=YEARLY;BYMONTH=11;BYDAY=4TH"),
        // Nearest: several month days, hours and an ordinal EAS has no week for.
        ("FREQ=MONTHLY;BYMONTHDAY=1,15;BYHOUR=9,17", .monthly, nil, 1, nil, nil, 1, "FREQ=MONTHLY;BYMONTHDAY=1"),
        ("FREQ=MONTHLY;BYDAY=-2MO", .monthlyNth, 2, nil, 5, nil, 1, "FREQ=MONTHLY;BYDAY=-1MO"),
        ("FREQ=HOURLY;INTERVAL=4", .daily, nil, nil, nil, nil, 4, "FREQ=DAILY;INTERVAL=4"),
    ]

    @Test(arguments: RecurrenceTests.table.indices) func rruleBothWays(_ index: Int) throws {
        let (rule, kind, days, monthDay, week, month, interval, back) = Self.table[index]
        let recurrence = try eas(rule)
        #expect(recurrence.kind == kind, "\(rule)")
        #expect(recurrence.dayOfWeek == days && recurrence.dayOfMonth == monthDay, "\(rule)")
        #expect(recurrence.weekOfMonth == week && recurrence.monthOfYear == month, "\(rule)")
        #expect(recurrence.interval == interval, "\(rule)")
        #expect(recurrence.rule { EASDate.compact($0) }.text == back)
    }

    @Test func endsAndFirstDay() throws {
        let counted = try eas("FREQ=WEEKLY;COUNT=10;WKST=MO")
        #expect(counted.occurrences == 10 && counted.firstDayOfWeek == 1 && counted.until == nil)
        let until = try eas("FREQ=DAILY;UNTIL=20261222T140000Z")
        #expect(until.until == EASDate.parse("20261222T140000Z")?.seconds)
        #expect(until.rule { EASDate.compact($0) }.text == "FREQ=DAILY;UNTIL=20261222T140000Z")
    }

    @Test func elementsPerVersionAndDialect() throws {
        let recurrence = try eas("FREQ=WEEKLY;WKST=MO;COUNT=3")
        let old = recurrence.element(.calendar, version: .v121)
        #expect(old.children.map(\.name) == ["Type", "Occurrences", "DayOfWeek"])
        let new = recurrence.element(.calendar, version: .v141)
        #expect(new.children.map(\.name) == ["Type", "Occurrences", "DayOfWeek", "CalendarType", "FirstDayOfWeek"])
        let tasks = recurrence.element(.tasks, version: .v141)
        #expect(tasks.namespace == "Tasks" && tasks.children.allSatisfy { $0.namespace == "Tasks" })
        #expect(tasks.children.map(\.name).contains("Regenerate"))
        let read = try Recurrence(ClientFields(new.children), .calendar)
        #expect(read.isSame(asClient: recurrence, clientSentFirstDayOfWeek: true))
    }
}
