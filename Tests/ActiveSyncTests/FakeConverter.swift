import Conversions
import Foundation
import WBXML

/// A converter for the engine's tests, standing in for the real ones: an item's EAS form is one
/// `<Class>:Subject` element (plus `StartTime`/`EndTime` for calendars), its stored form a small
/// iCalendar object (vCard for contacts) whose SUMMARY (FN) is the subject. A stored text
/// without a SUMMARY does not convert; a client subject `bad` is refused.
struct FakeConverter: ItemConverter {
    let itemClass: ItemClass

    /// Converters for every class.
    static let all = ItemConverters(ItemClass.allCases.map { FakeConverter(itemClass: $0) })

    var namespace: String { itemClass.rawValue }
    var subjectName: String { itemClass == .contacts ? "FileAs" : "Subject" }

    func applicationData(from stored: [UInt8], context: ConversionContext) throws(ConversionError) -> [WBXMLElement] {
        let text = String(decoding: stored, as: UTF8.self)
        guard let subject = Self.value(itemClass == .contacts ? "FN" : "SUMMARY", in: text) else {
            throw .unreadableStoredItem("no subject")
        }
        return [WBXMLElement(namespace, subjectName, text: subject)]
    }

    func merge(_ applicationData: [WBXMLElement], into existing: [UInt8]?, context: ConversionContext)
        throws(ConversionError) -> ConvertedItem
    {
        guard let subject = applicationData.first(where: { $0.name == subjectName })?.text else {
            throw .missingField(subjectName)
        }
        if subject == "bad" { throw .invalidField(name: subjectName, value: subject) }
        let uid =
            existing.flatMap { Self.value("UID", in: String(decoding: $0, as: UTF8.self)) }
            ?? applicationData.first(where: { $0.name == "ClientUid" })?.text ?? UUID().uuidString
        let start = applicationData.first { $0.name == "StartTime" }?.text
        let end = applicationData.first { $0.name == "EndTime" }?.text
        return ConvertedItem(
            body: Self.body(
                itemClass, uid: uid, subject: subject, start: start.map(Self.time), end: end.map(Self.time)),
            uid: uid)
    }

    /// The stored text of an item, as DAV would have written it.
    static func body(_ itemClass: ItemClass, uid: String, subject: String, start: Date? = nil, end: Date? = nil)
        -> [UInt8]
    {
        body(itemClass, uid: uid, subject: subject, start: start.map(stamp), end: end.map(stamp))
    }

    /// The stored text with DTSTART and DTEND as given (UTC `…Z`, or floating without it).
    static func body(_ itemClass: ItemClass, uid: String, subject: String, start: String?, end: String?) -> [UInt8] {
        if itemClass == .contacts {
            return Array("BEGIN:VCARD\r\nVERSION:4.0\r\nUID:\(uid)\r\nFN:\(subject)\r\nEND:VCARD\r\n".utf8)
        }
        let component = ["Calendar": "VEVENT", "Tasks": "VTODO", "Notes": "VJOURNAL"][itemClass.rawValue] ?? "VEVENT"
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Almanac//Tests//EN", "BEGIN:\(component)", "UID:\(uid)",
            "DTSTAMP:20260101T000000Z", "SUMMARY:\(subject)",
        ]
        if let start { lines.append("DTSTART:\(start)") }
        if let end { lines.append("DTEND:\(end)") }
        lines += ["END:\(component)", "END:VCALENDAR"]
        return Array((lines.joined(separator: "\r\n") + "\r\n").utf8)
    }

    static func value(_ name: String, in text: String) -> String? {
        for line in text.split(separator: "\r\n") where line.hasPrefix(name + ":") {
            return String(line.dropFirst(name.count + 1))
        }
        return nil
    }

    static func stamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.string(from: date)
    }

    /// An EAS date-time as an iCalendar UTC time; a compact local time (`20260105T090000`) stays
    /// as it is, floating.
    static func time(_ text: String) -> String {
        date(text).map(stamp) ?? text
    }

    static func date(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text) ?? ISO8601DateFormatter().date(from: text)
    }
}
