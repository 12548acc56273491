import Foundation
import ICalendar
import Testing
import WBXML

@testable import Conversions

/// Notes ⇄ VJOURNAL. Golden pairs under Golden/notes/ both ways, as for contacts.
struct NoteConverterTests {
    static let notes = ["shopping-list", "meeting-notes", "sticky-blue", "new-from-phone"]
    let converter = NoteConverter(makeUID: { fixedUID }, now: { fixedNow })

    @Test(arguments: notes) func noteGivesGoldenApplicationData(_ name: String) throws {
        let output = try converter.applicationData(from: try golden("notes/\(name).ics"), context: plainContext())
        #expect(applicationDataXML(output) == (try goldenXML("notes/\(name).16.1.xml")))
        #expect(try goldenApplicationData("notes/\(name).16.1.xml") == output)
    }

    @Test(arguments: notes) func goldenApplicationDataMergedBackKeepsTheNote(_ name: String) throws {
        let stored = try golden("notes/\(name).ics")
        let merged = try converter.merge(
            try goldenApplicationData("notes/\(name).16.1.xml"), into: stored, context: plainContext())
        #expect(merged.body == stored)
        #expect(merged.uid == (try ICalendarObject.parse(bytes: stored).uid))
    }

    @Test func addGivesGoldenNote() throws {
        let added = try converter.merge(
            try goldenApplicationData("notes/new-from-phone.add.xml"), into: nil, context: plainContext())
        #expect(
            String(decoding: added.body, as: UTF8.self)
                == String(decoding: try golden("notes/new-from-phone.ics"), as: UTF8.self))
        #expect(added.uid == fixedUID)
    }

    @Test func aChangeKeepsWhatNotesCannotShow() throws {
        let stored = try golden("notes/meeting-notes.ics")
        var fields = try converter.applicationData(from: stored, context: plainContext())
        fields = fields.map { $0.name == "Subject" ? field("Notes", "Subject", "Réunion lot 3") : $0 }
        let merged = try converter.merge(fields, into: stored, context: plainContext())
        let before = try ICalendarObject.parse(bytes: stored).root.components[0]
        let after = try ICalendarObject.parse(bytes: merged.body).root.components[0]
        #expect(after.property("SUMMARY")?.value == "Réunion lot 3")
        let kept = [
            "UID", "CREATED", "DTSTART", "CLASS", "STATUS", "X-MOZ-GENERATION", "ATTACH", "DESCRIPTION", "CATEGORIES",
        ]
        for name in kept {
            #expect(after.properties(name) == before.properties(name), "\(name)")
        }
        #expect(after.property("DTSTAMP")?.value == "20240601T120000Z")
        #expect(after.property("LAST-MODIFIED")?.value == "20240601T120000Z")
    }

    @Test func bodyChangesOnlyWithData() throws {
        let stored = try golden("notes/shopping-list.ics")
        let subject = field("Notes", "Subject", "Shopping list")
        let categories = WBXMLElement("Notes", "Categories", children: [field("Notes", "Category", "Home")])
        let truncated = WBXMLElement("AirSyncBase", "Body", children: [field("AirSyncBase", "Truncated", "1")])
        #expect(
            try converter.merge([subject, categories, truncated], into: stored, context: plainContext()).body == stored)
        let cleared = try converter.merge([subject, categories, plainBody("")], into: stored, context: plainContext())
        #expect(try ICalendarObject.parse(bytes: cleared.body).root.components[0].property("DESCRIPTION") == nil)
        // Without Supported, a Subject left out clears the SUMMARY (MS-ASCMD 2.2.3.179).
        let noSubject = try converter.merge([categories], into: stored, context: plainContext())
        #expect(try ICalendarObject.parse(bytes: noSubject.body).root.components[0].property("SUMMARY") == nil)
    }

    @Test func badValuesGiveTypedErrors() throws {
        #expect(throws: ConversionError.invalidField(name: "MessageClass", value: "IPM.Note")) {
            try converter.merge([field("Notes", "MessageClass", "IPM.Note")], into: nil, context: plainContext())
        }
        #expect(throws: ConversionError.invalidField(name: "LastModifiedDate", value: "yesterday")) {
            try converter.merge([field("Notes", "LastModifiedDate", "yesterday")], into: nil, context: plainContext())
        }
        let vevent = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        for stored in ["", "BEGIN:VCARD\r\nEND:VCARD\r\n", vevent, "BEGIN:VCALENDAR\r\n"] {
            #expect {
                try converter.applicationData(from: Array(stored.utf8), context: plainContext())
            } throws: { error in
                guard case .unreadableStoredItem = error as? ConversionError else { return false }
                return true
            }
        }
        let small = NoteConverter(
            limits: NoteLimits(maxFieldBytes: 10, maxListItems: 1), makeUID: { fixedUID }, now: { fixedNow })
        #expect(throws: ConversionError.tooLarge("Subject")) {
            try small.merge([field("Notes", "Subject", "eleven char")], into: nil, context: plainContext())
        }
    }
}
