import Foundation
import ICalendar
import Testing
import WBXML

@testable import Conversions

struct CalendarConverterTests {
    let converter = CalendarConverter()
    let v141 = ConversionContext(version: .v141)

    func golden(_ name: String) throws -> [UInt8] {
        try Array(Data(contentsOf: goldenDirectory.appendingPathComponent("calendar/\(name).ics")))
    }

    func event(_ bytes: [UInt8]) throws -> ICalendarComponent {
        let root = try ICalendarObject.parse(bytes: bytes).root
        return try #require(root.components.first { $0.name == "VEVENT" && $0.property("RECURRENCE-ID") == nil })
    }

    func lines(_ bytes: [UInt8]) -> [String] {
        String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\r\n ", with: "").components(
            separatedBy: "\r\n")
    }

    @Test func changedSubjectKeepsEverythingElse() throws {
        let stored = try golden("outlook-meeting-berlin")
        var fields = try converter.applicationData(from: stored, context: v141)
        let index = try #require(fields.firstIndex { $0.name == "Subject" })
        fields[index] = cal("Subject", "Quartalsplanung Q1")
        let merged = try converter.merge(fields, into: stored, context: v141)
        let before = lines(stored)
        let after = lines(merged.body)
        #expect(after.contains("SUMMARY;LANGUAGE=de:Quartalsplanung Q1"))
        #expect(before.filter { !$0.hasPrefix("SUMMARY") } == after.filter { !$0.hasPrefix("SUMMARY") })
        #expect(merged.uid == (try event(stored)).value("UID"))
    }

    @Test func truncatedBodyKeepsTheDescription() throws {
        let stored = try golden("outlook-meeting-berlin")
        let context = ConversionContext(
            version: .v141, bodyPreferences: [BodyPreference(type: .plainText, truncationSize: 5)])
        var fields = try converter.applicationData(from: stored, context: context)
        let body = try #require(fields.first { $0.name == "Body" })
        #expect(AirSyncBody.isTruncated(body) && body.child("Data")?.text == "Agend")
        fields.removeAll { $0.name == "Body" }
        fields.append(
            WBXMLElement(
                "AirSyncBase", "Body",
                children: [
                    WBXMLElement("AirSyncBase", "Type", text: "1"), WBXMLElement("AirSyncBase", "Truncated", text: "1"),
                ]))
        let merged = try converter.merge(fields, into: stored, context: context)
        #expect(try event(merged.body).value("DESCRIPTION") == "Agenda:\n1. Budget\n2. Roadmap\n")
        #expect(merged.body == stored)
    }

    @Test func newBodyDataReplacesTheDescription() throws {
        let stored = try golden("outlook-meeting-berlin")
        var fields = try converter.applicationData(from: stored, context: v141)
        fields.removeAll { $0.name == "Body" }
        fields.append(
            WBXMLElement(
                "AirSyncBase", "Body",
                children: [
                    WBXMLElement("AirSyncBase", "Type", text: "2"),
                    WBXMLElement("AirSyncBase", "Data", text: "<p>New &amp; shorter</p>"),
                ]))
        let merged = try converter.merge(fields, into: stored, context: v141)
        #expect(try event(merged.body).value("DESCRIPTION") == "New & shorter")
    }

    /// MS-ASCMD 2.2.3.179: with a Supported list, what it does not name is ghosted and kept;
    /// without one, a Change that leaves a field out deletes it.
    @Test func ghostedFieldsSurviveAndManagedOnesAreCleared() throws {
        let stored = try golden("thunderbird-last-friday")
        let sent = try converter.applicationData(from: stored, context: v141)
        let minimal = sent.filter { ["Subject", "StartTime", "EndTime", "Timezone", "Recurrence"].contains($0.name) }
        let ghosted = ConversionContext(version: .v141, supported: ["Calendar:Subject", "Calendar:StartTime"])
        let kept = try event(try converter.merge(minimal, into: stored, context: ghosted).body)
        #expect(kept.value("CATEGORIES") == "Finance,Work")
        #expect(kept.value("CLASS") == "CONFIDENTIAL")
        #expect(kept.components("VALARM").count == 2)
        let managed = try event(try converter.merge(minimal, into: stored, context: v141).body)
        #expect(managed.property("CATEGORIES") == nil && managed.property("CLASS") == nil)
        #expect(managed.components("VALARM").isEmpty)
        #expect(
            managed.value("X-MOZ-GENERATION") == "3" && managed.value("RRULE") == "FREQ=MONTHLY;COUNT=12;BYDAY=-1FR")
    }

    @Test func changedReminderKeepsTheOtherAlarms() throws {
        let stored = try golden("thunderbird-last-friday")
        var fields = try converter.applicationData(from: stored, context: v141)
        #expect(fields.first { $0.name == "Reminder" }?.text == "60")
        fields.removeAll { $0.name == "Reminder" }
        fields.append(cal("Reminder", "30"))
        let alarms = try event(try converter.merge(fields, into: stored, context: v141).body).components("VALARM")
        #expect(alarms.count == 2)
        #expect(
            alarms[0].value("TRIGGER") == "-PT30M" && alarms[0].value("DESCRIPTION") == "Default Mozilla Description")
        #expect(alarms[1].value("ACTION") == "EMAIL" && alarms[1].value("TRIGGER") == "-P1D")
    }

    @Test func uidNeverChangesAndAnAddGetsOne() throws {
        let stored = try golden("tokyo")
        var fields = try converter.applicationData(from: stored, context: ConversionContext(version: .v121))
        fields.removeAll { $0.name == "UID" }
        fields.append(cal("UID", "someone-else"))
        #expect(
            try converter.merge(fields, into: stored, context: ConversionContext(version: .v121)).uid
                == "tokyo-1@example.com")
        let added = try converter.merge(
            [cal("Subject", "x"), cal("StartTime", "20261121T093000Z"), cal("EndTime", "20261121T100000Z")], into: nil,
            context: v141)
        #expect(UUID(uuidString: added.uid) != nil)
        let client = try converter.merge(
            [cal("ClientUid", "phone-made-uid"), cal("StartTime", "20261121T093000Z")], into: nil,
            context: ConversionContext(version: .v161))
        #expect(client.uid == "phone-made-uid")
        #expect(try event(client.body).value("DTEND") == "20261121T100000Z")
    }

    @Test func clientZoneWithoutKnownNameIsMatchedByRules() throws {
        let berlin = try #require(
            TimeZoneInformation(
                tzid: "Europe/Berlin", in: ICalendarObject(root: ICalendarComponent(name: "VCALENDAR")), year: 2026))
        var blob = berlin
        blob.standardName = "Mitteleuropäische Zeit"
        blob.daylightName = ""
        let added = try converter.merge(
            [cal("Timezone", blob.base64), cal("StartTime", "20261124T090000Z"), cal("EndTime", "20261124T100000Z")],
            into: nil, context: v141)
        let root = try ICalendarObject.parse(bytes: added.body).root
        let start = try #require(try event(added.body).property("DTSTART"))
        let tzid = try #require(start.parameter("TZID")?.value)
        #expect(start.value == "20261124T100000")
        #expect(root.components("VTIMEZONE").first?.value("TZID") == tzid)
        let again = try #require(TimeZoneInformation(tzid: tzid, in: ICalendarObject(root: root), year: 2026))
        #expect(again.hasSameRules(as: berlin))
    }

    @Test func allDayIsTheClientsLocalDay() throws {
        let berlin = try #require(
            TimeZoneInformation(
                tzid: "Europe/Berlin", in: ICalendarObject(root: ICalendarComponent(name: "VCALENDAR")), year: 2026))
        let old = try converter.merge(
            [
                cal("Timezone", berlin.base64), cal("AllDayEvent", "1"), cal("StartTime", "20261120T230000Z"),
                cal("EndTime", "20261121T230000Z"),
            ], into: nil, context: v141)
        #expect(try event(old.body).value("DTSTART") == "20261121")
        #expect(try event(old.body).property("DTSTART")?.parameter("VALUE")?.value == "DATE")
        #expect(try event(old.body).value("DTEND") == "20261122")
        let new = try converter.merge(
            [cal("AllDayEvent", "1"), cal("StartTime", "20261121T000000"), cal("EndTime", "20261123T000000")],
            into: nil,
            context: ConversionContext(version: .v161))
        #expect(try event(new.body).value("DTSTART") == "20261121" && event(new.body).value("DTEND") == "20261123")
    }

    /// A phone sends an all-day event as its local midnights in UTC with its zone (12.1–14.1):
    /// stored as DATEs of that local day, whatever the zone, and sent back without a day shift.
    @Test(arguments: [
        "America/New_York", "America/Sao_Paulo", "Asia/Tokyo", "Asia/Kolkata", "Pacific/Auckland", "Pacific/Chatham",
    ])
    func allDayHasNoDayShift(_ tzid: String) throws {
        let zone = try #require(
            TimeZoneInformation(
                tzid: tzid, in: ICalendarObject(root: ICalendarComponent(name: "VCALENDAR")), year: 2026))
        let localMidnight = CivilTime(year: 2026, month: 11, day: 21).seconds
        let start = localMidnight - Int64(zone.offset(atUTC: localMidnight))
        let added = try converter.merge(
            [
                cal("Timezone", zone.base64), cal("AllDayEvent", "1"), cal("StartTime", EASDate.compact(start)),
                cal("EndTime", EASDate.compact(start + 86_400)),
            ], into: nil, context: v141)
        #expect(try event(added.body).value("DTSTART") == "20261121")
        #expect(try event(added.body).value("DTEND") == "20261122")
        let old = try converter.applicationData(from: added.body, context: ConversionContext(version: .v121))
        #expect(old.first { $0.name == "StartTime" }?.text == "20261121T000000Z")
        let new = try converter.applicationData(from: added.body, context: ConversionContext(version: .v161))
        #expect(new.first { $0.name == "StartTime" }?.text == "20261121T000000")
    }

    /// 16.x names an instance by `AirSyncBase:InstanceId`; a deleted all-day instance sent as the
    /// client's local midnight is the EXDATE of that day.
    @Test func instanceIdAndAllDayExceptions() throws {
        let stored = try golden("weekdays-allday-until")
        var fields = try converter.applicationData(from: stored, context: ConversionContext(version: .v161))
        fields.removeAll { $0.name == "Exceptions" }
        fields.append(
            WBXMLElement(
                "Calendar", "Exceptions",
                children: ["20260910T000000", "20260914T000000"].map { instance in
                    WBXMLElement(
                        "Calendar", "Exception",
                        children: [cal("Deleted", "1"), WBXMLElement("AirSyncBase", "InstanceId", text: instance)])
                }))
        let merged = try converter.merge(fields, into: stored, context: ConversionContext(version: .v161))
        #expect(try event(merged.body).properties("EXDATE").map(\.value) == ["20260910", "20260914"])
        #expect(try event(merged.body).value("RRULE") == "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;UNTIL=20260918")
    }

    @Test func exceptionsFromTheClient() throws {
        let fields = [
            cal("Timezone", TimeZoneInformation.utc.base64), cal("StartTime", "20261102T090000Z"),
            cal("EndTime", "20261102T093000Z"), cal("Subject", "Weekly"),
            WBXMLElement(
                "Calendar", "Recurrence", children: [cal("Type", "1"), cal("DayOfWeek", "2"), cal("Occurrences", "5")]),
            WBXMLElement(
                "Calendar", "Exceptions",
                children: [
                    WBXMLElement(
                        "Calendar", "Exception",
                        children: [cal("Deleted", "1"), cal("ExceptionStartTime", "20261109T090000Z")]),
                    WBXMLElement(
                        "Calendar", "Exception",
                        children: [
                            cal("ExceptionStartTime", "20261116T090000Z"), cal("Subject", "Weekly (late)"),
                            cal("StartTime", "20261116T150000Z"), cal("EndTime", "20261116T153000Z"),
                        ]),
                ]),
        ]
        let added = try converter.merge(fields, into: nil, context: v141)
        let root = try ICalendarObject.parse(bytes: added.body).root
        let master = try event(added.body)
        #expect(master.value("RRULE") == "FREQ=WEEKLY;BYDAY=MO;COUNT=5")
        #expect(master.value("EXDATE") == "20261109T090000Z")
        let moved = try #require(root.components.first { $0.property("RECURRENCE-ID") != nil })
        #expect(moved.value("RECURRENCE-ID") == "20261116T090000Z" && moved.value("DTSTART") == "20261116T150000Z")
        #expect(moved.value("SUMMARY") == "Weekly (late)" && moved.value("UID") == master.value("UID"))
        // Dropping the moved instance from the list removes its override; the deletion stays.
        let fewer =
            fields.dropLast() + [
                WBXMLElement(
                    "Calendar", "Exceptions",
                    children: [
                        WBXMLElement(
                            "Calendar", "Exception",
                            children: [cal("Deleted", "1"), cal("ExceptionStartTime", "20261109T090000Z")])
                    ])
            ]
        let changed = try converter.merge(Array(fewer), into: added.body, context: v141)
        #expect(try ICalendarObject.parse(bytes: changed.body).root.components("VEVENT").count == 1)
        #expect(try event(changed.body).value("EXDATE") == "20261109T090000Z")
    }

    @Test func storedRuleIsKeptUntilTheClientChangesTheRecurrence() throws {
        let stored = try golden("monthly-inexpressible")
        var fields = try converter.applicationData(from: stored, context: v141)
        let recurrence = try #require(fields.first { $0.name == "Recurrence" })
        #expect(recurrence.child("DayOfMonth")?.text == "1" && recurrence.child("Type")?.text == "2")
        let rule = "FREQ=MONTHLY;BYMONTHDAY=1,15;BYHOUR=9,17;UNTIL=20261231T230000Z"
        fields.removeAll { $0.name == "Subject" }
        fields.append(cal("Subject", "Payroll"))
        #expect(try event(try converter.merge(fields, into: stored, context: v141).body).value("RRULE") == rule)
        fields.removeAll { $0.name == "Recurrence" }
        fields.append(
            WBXMLElement(
                "Calendar", "Recurrence",
                children: [
                    cal("Type", "2"), cal("Interval", "2"), cal("DayOfMonth", "1"), cal("Until", "20261231T230000Z"),
                ]))
        #expect(
            try event(try converter.merge(fields, into: stored, context: v141).body).value("RRULE")
                == "FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=1;UNTIL=20261231T230000Z")
    }

    @Test func invalidClientValuesAreTypedErrors() throws {
        let stored = try golden("tokyo")
        let bad: [(WBXMLElement, String)] = [
            (cal("Timezone", "AAAA"), "Timezone"),
            (cal("Timezone", "!!not base64!!"), "Timezone"),
            (cal("Timezone", Data(count: 171).base64EncodedString()), "Timezone"),
            (cal("StartTime", "2026-13-45T99:00:00Z"), "StartTime"),
            (cal("EndTime", "yesterday"), "EndTime"),
            (cal("Sensitivity", "7"), "Sensitivity"),
            (cal("BusyStatus", "busy"), "BusyStatus"),
            (cal("AllDayEvent", "2"), "AllDayEvent"),
            (cal("Reminder", "-5"), "Reminder"),
            (WBXMLElement("Calendar", "Recurrence", children: [cal("Type", "4")]), "Type"),
            (WBXMLElement("Calendar", "Recurrence", children: [cal("Type", "1")]), "DayOfWeek"),
        ]
        for (element, name) in bad {
            expectInvalidField(name) {
                _ = try converter.merge([element], into: stored, context: v141)
            }
        }
        #expect(throws: ConversionError.invalidField(name: "EndTime", value: "20261121T080000Z")) {
            _ = try converter.merge(
                [cal("StartTime", "20261121T093000Z"), cal("EndTime", "20261121T080000Z")], into: nil, context: v141)
        }
    }

    @Test func unreadableStoredText() {
        for stored in [
            [0xFF, 0xFE, 0x00], Array("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n".utf8), Array("hello".utf8),
        ] {
            expectUnreadable {
                _ = try converter.applicationData(from: stored, context: v141)
            }
            expectUnreadable {
                _ = try converter.merge([cal("Subject", "x")], into: stored, context: v141)
            }
        }
    }

    @Test func versionsDifferInUIDLocationAndAllDayTimes() throws {
        let stored = try golden("outlook-meeting-berlin")
        let old = try converter.applicationData(from: stored, context: ConversionContext(version: .v121))
        let new = try converter.applicationData(from: stored, context: ConversionContext(version: .v161))
        #expect(old.contains { $0.name == "UID" } && !new.contains { $0.name == "UID" })
        #expect(old.first { $0.name == "Location" }?.namespace == "Calendar")
        #expect(new.first { $0.name == "Location" }?.child("DisplayName")?.text == "Konferenzraum 3, Haus B")
        #expect(!old.contains { $0.name == "ResponseRequested" } && new.contains { $0.name == "ResponseRequested" })
    }

    @Test func itemConvertersKnowBothClasses() {
        #expect(ItemConverters.standard[.calendar]?.itemClass == .calendar)
        #expect(ItemConverters.standard[.tasks]?.itemClass == .tasks)
    }
}
