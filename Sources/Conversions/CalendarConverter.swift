import Foundation
import ICalendar
import WBXML

/// The Calendar class (MS-ASCAL) ⇄ an iCalendar object with one VEVENT master and its
/// overridden instances (RFC 5545 §3.6.1, §3.8.4.4), the form CalDAV stores (RFC 4791 §4.1).
///
/// Server to client: the master's fields, its RRULE as `Recurrence`, EXDATEs and overrides as
/// `Exceptions`. Client to server: the fields are merged into the stored object, so every
/// property EAS does not carry stays as it was (DESIGN.md: nothing lost).
public struct CalendarConverter: ItemConverter {
    public init() {}

    public var itemClass: ItemClass { .calendar }

    public func applicationData(from stored: [UInt8], context: ConversionContext) throws(ConversionError)
        -> [WBXMLElement]
    {
        let object = try Self.parse(stored)
        guard let index = Self.masterIndex(in: object.root) else {
            throw .unreadableStoredItem("no VEVENT in the calendar object")
        }
        return EventOutbound(object: object, master: object.root.components[index], context: context).elements()
    }

    public func merge(_ applicationData: [WBXMLElement], into existing: [UInt8]?, context: ConversionContext)
        throws(ConversionError) -> ConvertedItem
    {
        // A 16.x client that puts the Change's InstanceId into ApplicationData (MS-ASCMD
        // 2.2.3.24 has it beside ServerId): the fields are that instance's.
        if let id = applicationData.first(where: { $0.name == "InstanceId" && $0.namespace == "AirSyncBase" }) {
            // MS-ASAIRS 2.2.2.25: InstanceId exists from 16.0, and only names an instance of a
            // stored series; anywhere else it is refused rather than read as a series change.
            guard context.version >= .v160, let existing else {
                throw .invalidField(name: "InstanceId", value: ClientFields.shown(id.text ?? ""))
            }
            return try changeInstance(id.text ?? "", applicationData, in: existing, context: context)
        }
        let original = try existing.map { bytes throws(ConversionError) in try Self.parse(bytes) }
        var root = original?.root ?? Self.newCalendar()
        let fields = ClientFields(applicationData)
        let index: Int
        if let found = Self.masterIndex(in: root) {
            index = found
        } else if original != nil {
            throw .unreadableStoredItem("no VEVENT in the calendar object")
        } else {
            root.components.append(try Self.newEvent(fields, context: context))
            index = root.components.count - 1
        }
        var inbound = EventInbound(
            root: root, masterIndex: index, fields: fields, context: context, isChange: original != nil)
        try inbound.apply()
        let uid = inbound.root.components[inbound.masterIndex].value("UID") ?? ""
        if let original, let existing, original.root == inbound.root {
            return ConvertedItem(body: existing, uid: uid)
        }
        return ConvertedItem(body: Array(inbound.root.serialized.utf8), uid: uid)
    }

    /// The stored text as an object; anything that does not parse is an unreadable item.
    static func parse(_ bytes: [UInt8]) throws(ConversionError) -> ICalendarObject {
        do {
            return try ICalendarObject.parse(bytes: bytes)
        } catch {
            throw .unreadableStoredItem(error.description)
        }
    }

    /// The VEVENT without RECURRENCE-ID (else the first VEVENT).
    static func masterIndex(in root: ICalendarComponent) -> Int? {
        root.components.firstIndex { $0.name == "VEVENT" && $0.property("RECURRENCE-ID") == nil }
            ?? root.components.firstIndex { $0.name == "VEVENT" }
    }

    static func newCalendar() -> ICalendarComponent {
        ICalendarComponent(
            name: "VCALENDAR",
            properties: [
                ICalendarProperty(name: "VERSION", value: "2.0"),
                ICalendarProperty(name: "PRODID", value: "-//Almanac//Exchange ActiveSync//EN"),
            ])
    }

    /// A VEVENT for an Add: the client's UID (`Calendar:UID` before 16.0, `ClientUid` from 16.0,
    /// MS-ASCAL 2.2.2) or a new one, and DTSTAMP (RFC 5545 §3.8.7.2).
    static func newEvent(_ fields: ClientFields, context: ConversionContext) throws(ConversionError)
        -> ICalendarComponent
    {
        let sent = try fields.text(context.version >= .v160 ? "ClientUid" : "UID", "Calendar")
        let uid = sent.flatMap { $0.isEmpty || $0.utf8.count > 1024 ? nil : $0 } ?? UUID().uuidString
        let stamp = EASDate.compact(Int64(Date().timeIntervalSince1970))
        return ICalendarComponent(
            name: "VEVENT",
            properties: [ICalendarProperty(name: "UID", value: uid), ICalendarProperty(name: "DTSTAMP", value: stamp)])
    }
}
