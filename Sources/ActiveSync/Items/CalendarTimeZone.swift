import Foundation
import ICalendar
import Store

/// The time zone a calendar gives floating times (RFC 4791 §5.2.2 `calendar-timezone`), read
/// from the folder property CalDAV keeps: an XML fragment whose text is a VCALENDAR with one
/// VTIMEZONE. EAS writes index events with it exactly as DAV PUT does.
enum CalendarTimeZone {
    /// The property's Clark name.
    static let propertyName = "{urn:ietf:params:xml:ns:caldav}calendar-timezone"

    /// The TZID of the VTIMEZONE in the property, nil when there is none or it does not parse.
    static func tzid(in properties: [FolderProperty]) -> String? {
        guard let property = properties.first(where: { $0.name == propertyName }),
            let object = try? ICalendarObject.parse(text(ofFragment: property.value))
        else { return nil }
        return object.root.components("VTIMEZONE").first?.property("TZID")?.value
    }

    /// The character data of a one-element XML fragment: CDATA sections as they are, other
    /// text with its entity and character references decoded.
    static func text(ofFragment fragment: String) -> String {
        guard let open = fragment.firstIndex(of: ">"), let close = fragment.range(of: "</", options: .backwards),
            open < close.lowerBound
        else { return "" }
        var rest = fragment[fragment.index(after: open)..<close.lowerBound]
        var text = ""
        while !rest.isEmpty {
            if rest.hasPrefix("<![CDATA["), let end = rest.range(of: "]]>") {
                text += rest[rest.index(rest.startIndex, offsetBy: 9)..<end.lowerBound]
                rest = rest[end.upperBound...]
            } else if rest.first == "&", let semicolon = rest.prefix(12).firstIndex(of: ";") {
                text += decoded(String(rest[rest.index(after: rest.startIndex)..<semicolon]))
                rest = rest[rest.index(after: semicolon)...]
            } else {
                text.append(rest.removeFirst())
            }
        }
        return text
    }

    private static func decoded(_ reference: String) -> String {
        let named = ["lt": "<", "gt": ">", "amp": "&", "quot": "\"", "apos": "'"]
        if let value = named[reference] { return value }
        guard reference.hasPrefix("#") else { return "&\(reference);" }
        let digits = reference.dropFirst()
        let scalar =
            digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
        return scalar.flatMap(Unicode.Scalar.init).map { String(Character($0)) } ?? ""
    }
}
