import Foundation
import ICalendar
import Testing
import WBXML

@testable import Conversions

struct TaskConverterTests {
    let converter = TaskConverter()
    let v141 = ConversionContext(version: .v141)

    func golden(_ name: String) throws -> [UInt8] {
        try Array(Data(contentsOf: goldenDirectory.appendingPathComponent("tasks/\(name).ics")))
    }

    func todo(_ bytes: [UInt8]) throws -> ICalendarComponent {
        try #require(try ICalendarObject.parse(bytes: bytes).root.components.first { $0.name == "VTODO" })
    }

    @Test func completingATask() throws {
        let stored = try golden("due-date")
        var fields = try converter.applicationData(from: stored, context: v141)
        fields.removeAll { $0.name == "Complete" }
        fields += [task("Complete", "1"), task("DateCompleted", "2026-11-25T10:00:00.000Z")]
        let done = try todo(try converter.merge(fields, into: stored, context: v141).body)
        #expect(done.value("STATUS") == "COMPLETED" && done.value("COMPLETED") == "20261125T100000Z")
        #expect(done.value("X-APPLE-SORT-ORDER") == "734256000" && done.value("DUE") == "20261130")
        fields.removeAll { $0.name == "Complete" || $0.name == "DateCompleted" }
        fields.append(task("Complete", "0"))
        let reopened = try todo(try converter.merge(fields, into: stored, context: v141).body)
        #expect(reopened.value("STATUS") == "NEEDS-ACTION" && reopened.property("COMPLETED") == nil)
    }

    @Test func newTaskWithLocalMidnightDueIsADate() throws {
        let added = try converter.merge(
            [
                task("Subject", "Pay rent"), task("Importance", "2"), task("UtcDueDate", "2026-11-30T23:00:00.000Z"),
                task("DueDate", "2026-12-01T00:00:00.000Z"), task("ReminderSet", "1"),
                task("ReminderTime", "2026-11-30T08:00:00.000Z"),
            ], into: nil, context: v141)
        let item = try todo(added.body)
        #expect(item.value("DUE") == "20261201" && item.property("DUE")?.parameter("VALUE")?.value == "DATE")
        #expect(item.value("PRIORITY") == "1" && item.value("SUMMARY") == "Pay rent")
        let alarm = try #require(item.components("VALARM").first)
        #expect(alarm.value("TRIGGER") == "20261130T080000Z")
        #expect(UUID(uuidString: added.uid) != nil)
    }

    @Test func reminderOffClearsAlarmsAndGhostingKeepsThem() throws {
        let stored = try golden("reminder")
        var fields = try converter.applicationData(from: stored, context: v141)
        #expect(fields.first { $0.name == "ReminderTime" }?.text == "2026-12-03T14:00:00.000Z")
        fields.removeAll { $0.name == "ReminderSet" || $0.name == "ReminderTime" }
        let ghosted = ConversionContext(version: .v141, supported: ["Tasks:Subject"])
        #expect(
            try todo(try converter.merge(fields, into: stored, context: ghosted).body).components("VALARM").count == 1)
        #expect(try todo(try converter.merge(fields, into: stored, context: v141).body).components("VALARM").isEmpty)
    }

    @Test func invalidValues() throws {
        let stored = try golden("due-date")
        for (element, name) in [
            (task("Importance", "3"), "Importance"), (task("UtcDueDate", "2026-02-30T00:00:00.000Z"), "UtcDueDate"),
            (task("Complete", "yes"), "Complete"), (task("ReminderTime", "soon"), "ReminderTime"),
            (WBXMLElement("Tasks", "Recurrence", children: [task("Type", "9")]), "Type"),
        ] {
            expectInvalidField(name) {
                _ = try converter.merge([element], into: stored, context: v141)
            }
        }
        #expect(throws: ConversionError.unreadableStoredItem("no VTODO in the calendar object")) {
            _ = try converter.applicationData(
                from: Array("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n".utf8),
                context: v141)
        }
    }

    @Test func recurrenceChangeRewritesTheRule() throws {
        let stored = try golden("recurring-weekly")
        var fields = try converter.applicationData(from: stored, context: v141)
        fields.removeAll { $0.name == "Recurrence" }
        fields.append(
            WBXMLElement(
                "Tasks", "Recurrence",
                children: [
                    task("Type", "1"), task("Start", "2026-11-02T00:00:00.000Z"), task("Interval", "2"),
                    task("DayOfWeek", "2"), task("Regenerate", "1"), task("DeadOccur", "0"),
                ]))
        let item = try todo(try converter.merge(fields, into: stored, context: v141).body)
        #expect(item.value("RRULE") == "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO")
        #expect(item.value(TaskFields.regenerateProperty) == "1")
    }

    /// OrdinalDate and SubOrdinalDate (MS-ASEMAIL 2.2.2.56, 2.2.2.76, Tasks namespace): kept
    /// when a phone sends them, sent back, and absent when never set.
    @Test func ordinalDatesAreKeptAndSentBack() throws {
        let stored = try golden("due-date")
        var fields = try converter.applicationData(from: stored, context: v141)
        #expect(!fields.contains { $0.name == "OrdinalDate" || $0.name == "SubOrdinalDate" })
        fields += [task("OrdinalDate", "2026-11-21T09:30:12.000Z"), task("SubOrdinalDate", "5555555")]
        let merged = try converter.merge(fields, into: stored, context: v141).body
        let item = try todo(merged)
        #expect(item.value(TaskFields.ordinalDateProperty) == "20261121T093012Z")
        #expect(item.value(TaskFields.subOrdinalDateProperty) == "5555555")
        let sent = try converter.applicationData(from: merged, context: v141)
        #expect(sent.first { $0.name == "OrdinalDate" }?.text == "2026-11-21T09:30:12.000Z")
        #expect(sent.first { $0.name == "SubOrdinalDate" }?.text == "5555555")
        // Sent back unchanged, nothing is rewritten.
        #expect(try converter.merge(sent, into: merged, context: v141).body == merged)
        // Ghosted, a Change without them keeps them; managed, it clears them.
        let without = sent.filter { $0.name != "OrdinalDate" && $0.name != "SubOrdinalDate" }
        let ghosted = ConversionContext(version: .v141, supported: ["Tasks:Subject"])
        #expect(try converter.merge(without, into: merged, context: ghosted).body == merged)
        let cleared = try todo(try converter.merge(without, into: merged, context: v141).body)
        #expect(cleared.property(TaskFields.ordinalDateProperty) == nil)
        #expect(cleared.property(TaskFields.subOrdinalDateProperty) == nil)
        expectInvalidField("OrdinalDate") {
            _ = try converter.merge([task("OrdinalDate", "tomorrow")], into: stored, context: v141)
        }
        expectInvalidField("SubOrdinalDate") {
            _ = try converter.merge(
                [task("SubOrdinalDate", String(repeating: "5", count: 255))], into: stored, context: v141)
        }
    }
}
