import Store
import Testing

@testable import ActiveSync

/// The floating time zone of a calendar, from the `calendar-timezone` fragment CalDAV keeps.
struct CalendarTimeZoneTests {
    static let zone = [
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Almanac//Tests//EN", "BEGIN:VTIMEZONE", "TZID:Europe/Berlin",
        "BEGIN:STANDARD", "DTSTART:19701025T030000", "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "TZOFFSETFROM:+0200",
        "TZOFFSETTO:+0100", "END:STANDARD", "BEGIN:DAYLIGHT", "DTSTART:19700329T020000",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "END:DAYLIGHT",
        "END:VTIMEZONE", "END:VCALENDAR",
    ]

    /// As DAVXML writes it: CR as a character reference, the namespace declared on the element.
    static var escapedFragment: String {
        "<C:calendar-timezone xmlns:C=\"urn:ietf:params:xml:ns:caldav\">"
            + zone.joined(separator: "&#13;\n") + "&#13;\n</C:calendar-timezone>"
    }

    @Test func readsTheTZIDFromEscapedAndCDATAFragments() {
        let name = CalendarTimeZone.propertyName
        #expect(CalendarTimeZone.tzid(in: [FolderProperty(name: name, value: Self.escapedFragment)]) == "Europe/Berlin")
        let cdata =
            "<c:calendar-timezone xmlns:c=\"urn:ietf:params:xml:ns:caldav\"><![CDATA["
            + Self.zone.joined(separator: "\r\n") + "\r\n]]></c:calendar-timezone>"
        #expect(CalendarTimeZone.tzid(in: [FolderProperty(name: name, value: cdata)]) == "Europe/Berlin")
        #expect(CalendarTimeZone.text(ofFragment: "<a>x &lt;&amp;&gt; &#x41;&#66; &bogus;</a>") == "x <&> AB &bogus;")
        #expect(CalendarTimeZone.tzid(in: [FolderProperty(name: name, value: "<a>not a calendar</a>")]) == nil)
        #expect(CalendarTimeZone.tzid(in: [FolderProperty(name: "{DAV:}other", value: Self.escapedFragment)]) == nil)
        #expect(CalendarTimeZone.tzid(in: []) == nil)
    }
}
