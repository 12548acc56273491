import Foundation
import Testing
import WBXML

@testable import Conversions

/// Garbage in every field: the converters answer a value or a ConversionError, never trap.
struct ConversionFuzzTests {
    /// xorshift64*: reproducible from its seed.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state ^= state >> 12
            state ^= state << 25
            state ^= state >> 27
            return state &* 2_685_821_657_736_338_717
        }
    }

    static let values = [
        "", "0", "1", "-1", "5", "99999999999999999999", "20261121T093000Z", "20261121T093000",
        "2026-11-21T09:30:00.000Z",
        "00000000T000000Z", "99991231T235959Z", "00010101T000000Z", "2026-02-30T00:00:00Z", "AAAA",
        TimeZoneInformation.utc.base64, String(repeating: "A", count: 232), "\u{0}", "é", "<b>", "1.5", " 3 ",
    ]

    static let calendarNames = [
        "Timezone", "AllDayEvent", "BusyStatus", "OrganizerName", "OrganizerEmail", "DtStamp", "EndTime", "Location",
        "Reminder", "Sensitivity", "Subject", "StartTime", "UID", "ClientUid", "MeetingStatus",
        "DisallowNewTimeProposal",
        "ResponseRequested",
    ]
    static let recurrenceNames = [
        "Type", "Occurrences", "Interval", "WeekOfMonth", "DayOfWeek", "MonthOfYear", "Until", "DayOfMonth",
        "CalendarType", "IsLeapMonth", "FirstDayOfWeek", "Start", "Regenerate", "DeadOccur",
    ]
    static let taskNames = [
        "Subject", "Importance", "UtcStartDate", "StartDate", "UtcDueDate", "DueDate", "Complete", "DateCompleted",
        "Sensitivity", "ReminderSet", "ReminderTime",
    ]

    func pick<T>(_ items: [T], _ generator: inout Generator) -> T {
        items[Int(generator.next() % UInt64(items.count))]
    }

    func fields(_ namespace: String, _ names: [String], _ generator: inout Generator) -> [WBXMLElement] {
        (0..<Int(generator.next() % 8)).map { _ in
            WBXMLElement(namespace, pick(names, &generator), text: pick(Self.values, &generator))
        }
    }

    @Test func garbageCalendarFields() throws {
        var generator = Generator(state: 0x9E37_79B9_7F4A_7C15)
        let stored = try Array(
            Data(contentsOf: goldenDirectory.appendingPathComponent("calendar/google-weekly-exceptions.ics")))
        let converter = CalendarConverter()
        var refused = 0
        for round in 0..<300 {
            var data = fields("Calendar", Self.calendarNames, &generator)
            if generator.next() % 3 == 0 {
                data.append(
                    WBXMLElement(
                        "Calendar", "Recurrence", children: fields("Calendar", Self.recurrenceNames, &generator)))
            }
            if generator.next() % 4 == 0 {
                let exception = fields(
                    "Calendar", ["ExceptionStartTime", "Deleted", "StartTime", "Subject"], &generator)
                data.append(
                    WBXMLElement(
                        "Calendar", "Exceptions", children: [WBXMLElement("Calendar", "Exception", children: exception)]
                    ))
            }
            let version = pick(ProtocolVersion.supported, &generator)
            do {
                let merged = try converter.merge(
                    data, into: round % 2 == 0 ? nil : stored, context: ConversionContext(version: version))
                _ = try converter.applicationData(from: merged.body, context: ConversionContext(version: version))
            } catch {
                refused += 1
            }
        }
        #expect(refused > 0 && refused < 300)
    }

    @Test func garbageTaskFields() {
        var generator = Generator(state: 0xD1B5_4A32_D192_ED03)
        let converter = TaskConverter()
        var refused = 0
        for _ in 0..<300 {
            var data = fields("Tasks", Self.taskNames, &generator)
            if generator.next() % 3 == 0 {
                data.append(
                    WBXMLElement("Tasks", "Recurrence", children: fields("Tasks", Self.recurrenceNames, &generator)))
            }
            do {
                let merged = try converter.merge(data, into: nil, context: ConversionContext(version: .v141))
                _ = try converter.applicationData(from: merged.body, context: ConversionContext(version: .v141))
            } catch {
                refused += 1
            }
        }
        #expect(refused > 0 && refused < 300)
    }

    @Test func garbageStoredText() {
        var generator = Generator(state: 42)
        let pieces = [
            "BEGIN:VCALENDAR", "BEGIN:VEVENT", "BEGIN:VTODO", "DTSTART:2026", "DTSTART;TZID=X:20261121T093000",
            "RRULE:FREQ=", "RRULE:FREQ=YEARLY;BYDAY=99XX", "EXDATE:garbage", "TRIGGER:-PXYZ", "END:VEVENT", "END:VTODO",
            "END:VCALENDAR", "UID:u", "DUE;VALUE=DATE:2026", "RECURRENCE-ID:20261121T093000Z", "DURATION:P-1D",
        ]
        var unreadable = 0
        for _ in 0..<300 {
            let text = (0..<Int(generator.next() % 12)).map { _ in pick(pieces, &generator) }.joined(separator: "\r\n")
            let context = ConversionContext(version: pick(ProtocolVersion.supported, &generator))
            _ = try? TaskConverter().applicationData(from: Array(text.utf8), context: context)
            _ = try? CalendarConverter().merge([cal("Subject", "x")], into: Array(text.utf8), context: context)
            do {
                _ = try CalendarConverter().applicationData(from: Array(text.utf8), context: context)
                #expect(text.hasPrefix("BEGIN:VCALENDAR") && text.contains("BEGIN:VEVENT"))
            } catch {
                if case .unreadableStoredItem = error { unreadable += 1 }
            }
        }
        #expect(unreadable > 100)
    }
}
