import ICalendar
import Testing
import WBXML

@testable import Conversions

/// `OnlineMeetingConfLink` and `OnlineMeetingExternalLink` (MS-ASCAL 2.2.2.33, 2.2.2.34, 14.1+):
/// sent from the stored properties, never taken from a client.
struct OnlineMeetingTests {
    let converter = CalendarConverter()
    let v141 = ConversionContext(version: .v141)

    func event(_ extra: [String]) -> [UInt8] {
        text(
            [
                "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Test//EN", "BEGIN:VEVENT", "UID:online-1",
                "DTSTAMP:20261120T080000Z", "DTSTART:20261201T100000Z", "DTEND:20261201T110000Z", "SUMMARY:Sync",
            ]
                + extra + ["END:VEVENT", "END:VCALENDAR"])
    }

    func text(_ lines: [String]) -> [UInt8] {
        Array((lines.joined(separator: "\r\n") + "\r\n").utf8)
    }

    func field(_ name: String, _ data: [WBXMLElement]) -> String? {
        data.first { $0.name == name }?.text
    }

    @Test func outlookLinksAreSentFrom141() throws {
        let stored = event([
            "X-MICROSOFT-ONLINEMEETINGCONFLINK:sip:ana@example.com;gruu;opaque=app:conf:focus:id:X1",
            "X-MICROSOFT-ONLINEMEETINGEXTERNALLINK:https://meet.example.com/ana/X1",
            "CONFERENCE;VALUE=URI;FEATURE=VIDEO:https://other.example.com/room",
        ])
        let sent = try converter.applicationData(from: stored, context: v141)
        #expect(field("OnlineMeetingConfLink", sent) == "sip:ana@example.com;gruu;opaque=app:conf:focus:id:X1")
        #expect(field("OnlineMeetingExternalLink", sent) == "https://meet.example.com/ana/X1")
        let old = try converter.applicationData(from: stored, context: ConversionContext(version: .v140))
        #expect(!old.contains { $0.name.hasPrefix("OnlineMeeting") })
    }

    @Test func anRFC7986ConferenceIsTheExternalLink() throws {
        let stored = event([
            "CONFERENCE;VALUE=URI;FEATURE=PHONE:tel:+1-555-0100",
            "CONFERENCE;VALUE=URI;FEATURE=VIDEO:https://video.example.com/r/42",
        ])
        let sent = try converter.applicationData(from: stored, context: ConversionContext(version: .v161))
        // The web address of the two.
        #expect(field("OnlineMeetingExternalLink", sent) == "https://video.example.com/r/42")
        #expect(field("OnlineMeetingConfLink", sent) == nil)
        // None stored, none sent.
        #expect(
            !(try converter.applicationData(from: event([]), context: v141)).contains {
                $0.name.hasPrefix("OnlineMeeting")
            })
    }

    @Test func aClientsLinksAreIgnoredAndTheStoredOnesKept() throws {
        let stored = event([
            "X-MICROSOFT-ONLINEMEETINGCONFLINK:sip:ana@example.com;gruu",
            "CONFERENCE;VALUE=URI:https://video.example.com/r/42",
        ])
        var sent = try converter.applicationData(from: stored, context: v141)
        sent.removeAll { $0.name.hasPrefix("OnlineMeeting") }
        // Left out of a Change without Supported (not ghosted): still kept.
        #expect(try converter.merge(sent, into: stored, context: v141).body == stored)
        sent += [cal("OnlineMeetingConfLink", "sip:evil@example.com"), cal("OnlineMeetingExternalLink", "https://x")]
        #expect(try converter.merge(sent, into: stored, context: v141).body == stored)
    }
}
