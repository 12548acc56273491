import ICalendar
import WBXML

/// `Attendees` (MS-ASCAL 2.2.2) ⇄ the ATTENDEE properties of an event. A Change rewrites
/// only what the client's list says differently: an attendee it keeps keeps its other
/// parameters (RSVP, SCHEDULE-AGENT, X-…), and one whose status or type maps to what the client
/// sent keeps its PARTSTAT, ROLE and CUTYPE as written.
enum Attendees {
    /// One attendee as EAS says it.
    struct Entry: Equatable {
        var email: String
        var name: String?
        var status: Int?
        var type: Int?
    }

    static func address(of property: ICalendarProperty) -> String {
        let value = property.value
        return value.lowercased().hasPrefix("mailto:") ? String(value.dropFirst(7)) : value
    }

    static func entry(of property: ICalendarProperty) -> Entry {
        let partstat = property.parameter("PARTSTAT")?.value.uppercased() ?? "NEEDS-ACTION"
        let cutype = property.parameter("CUTYPE")?.value.uppercased() ?? ""
        let role = property.parameter("ROLE")?.value.uppercased() ?? "REQ-PARTICIPANT"
        return Entry(
            email: address(of: property), name: property.parameter("CN")?.value,
            status: AttendeeTables.statusByPartstat[partstat] ?? 0,
            type: AttendeeTables.resourceTypes.contains(cutype) ? 3 : AttendeeTables.typeByRole[role] ?? 1)
    }

    /// The event's attendees as EAS says them, in order.
    static func entries(of event: ICalendarComponent) -> [Entry] {
        event.properties("ATTENDEE").map(entry)
    }

    static func element(of event: ICalendarComponent) -> WBXMLElement? {
        let attendees = event.properties("ATTENDEE")
        guard !attendees.isEmpty else { return nil }
        return list(attendees)
    }

    /// `Attendees` of an overridden instance (MS-ASCAL 2.2.2.4, a child of `Exception` from
    /// 14.0): sent only when the instance's list says something else than the series', and
    /// then empty when the instance has none.
    static func exceptionElement(of instance: ICalendarComponent, master: ICalendarComponent) -> WBXMLElement? {
        guard entries(of: instance) != entries(of: master) else { return nil }
        return list(instance.properties("ATTENDEE"))
    }

    private static func list(_ attendees: [ICalendarProperty]) -> WBXMLElement {
        WBXMLElement(
            "Calendar", "Attendees",
            children: attendees.map { property in
                let entry = entry(of: property)
                return WBXMLElement(
                    "Calendar", "Attendee",
                    children: [
                        WBXMLElement("Calendar", "Email", text: entry.email),
                        WBXMLElement("Calendar", "Name", text: entry.name ?? entry.email),
                        WBXMLElement("Calendar", "AttendeeStatus", text: String(entry.status ?? 0)),
                        WBXMLElement("Calendar", "AttendeeType", text: String(entry.type ?? 1)),
                    ])
            })
    }

    /// The client's attendees; an `Attendee` without an `Email` is skipped (there is nothing to
    /// address it by).
    static func read(_ list: ClientFields) throws(ConversionError) -> [Entry] {
        var entries: [Entry] = []
        for element in list.elements where element.name == "Attendee" {
            let fields = ClientFields(element.children)
            guard let email = try fields.text("Email", "Calendar"), !email.isEmpty else { continue }
            guard email.utf8.count <= 1024 else { throw .invalidField(name: "Email", value: ClientFields.shown(email)) }
            entries.append(
                Entry(
                    email: email, name: try fields.text("Name", "Calendar"),
                    status: try fields.integer("AttendeeStatus", "Calendar", in: 0...5),
                    type: try fields.integer("AttendeeType", "Calendar", in: 1...3)))
        }
        return entries
    }

    /// Makes the event's ATTENDEEs the client's list, in its order; a new attendee gets RSVP=TRUE
    /// when `rsvp` (the client's ResponseRequested, MS-ASCAL 2.2.2).
    static func write(_ entries: [Entry], into event: inout ICalendarComponent, rsvp: Bool = true) {
        let existing = event.properties("ATTENDEE")
        var result: [ICalendarProperty] = []
        for entry in entries {
            let match = existing.first { address(of: $0).lowercased() == entry.email.lowercased() }
            var property =
                match
                ?? ICalendarProperty(
                    name: "ATTENDEE", value: "mailto:" + entry.email,
                    parameters: rsvp ? [ICalendarParameter(name: "RSVP", values: ["TRUE"])] : [])
            let current = self.entry(of: property)
            if let name = entry.name, !name.isEmpty, name != (current.name ?? current.email) {
                property.setParameter("CN", name)
            }
            let status = entry.status ?? (match == nil ? 5 : current.status ?? 0)
            if match == nil || status != current.status, let partstat = AttendeeTables.partstatByStatus[status] {
                property.setParameter("PARTSTAT", partstat)
            }
            let type = entry.type ?? current.type ?? 1
            if match == nil || type != current.type {
                switch type {
                case 3: property.setParameter("CUTYPE", "RESOURCE")
                case 2:
                    property.setParameter("ROLE", "OPT-PARTICIPANT")
                    property.removeParameter("CUTYPE")
                default:
                    property.setParameter("ROLE", "REQ-PARTICIPANT")
                    property.removeParameter("CUTYPE")
                }
            }
            result.append(property)
        }
        if result != existing { event.replaceProperties("ATTENDEE", with: result) }
    }
}
