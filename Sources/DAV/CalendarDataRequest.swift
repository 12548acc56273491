import DAVXML
import ICalendar

/// The `calendar-data` element of a REPORT's `prop` (RFC 4791 §9.6): return the
/// object, optionally expanded or with a limited recurrence set.
struct CalendarDataRequest: Sendable {
    enum Transform: Sendable, Equatable {
        case none
        case expand(start: Int64, end: Int64)
        case limitRecurrenceSet(start: Int64, end: Int64)
    }

    let transform: Transform

    init(_ element: XMLElement) throws(DAVError) {
        let namespace = Namespaces.calDAV
        for (name, make) in [
            ("expand", { (start: Int64, end: Int64) in Transform.expand(start: start, end: end) }),
            (
                "limit-recurrence-set",
                { (start: Int64, end: Int64) in Transform.limitRecurrenceSet(start: start, end: end) }
            ),
        ] {
            guard let child = element.child(XMLName(namespace, name)) else { continue }
            guard let start = child.attributes[XMLName("", "start")].flatMap(ICalendarDate.parseUTC),
                let end = child.attributes[XMLName("", "end")].flatMap(ICalendarDate.parseUTC), start < end
            else {
                throw DAVError(400, nil, "\(name) needs UTC start and end attributes, start before end.")
            }
            transform = make(start, end)
            return
        }
        transform = .none
    }

    /// The text to return for a stored object.
    func text(of body: [UInt8]) -> String {
        let stored = String(decoding: body, as: UTF8.self)
        switch transform {
        case .none:
            return stored
        case .expand(let start, let end):
            guard let object = try? ICalendarObject.parse(stored) else { return stored }
            return object.expanded(from: start, to: end).serialized
        case .limitRecurrenceSet(let start, let end):
            guard let object = try? ICalendarObject.parse(stored) else { return stored }
            return object.limitedRecurrenceSet(from: start, to: end).serialized
        }
    }
}
