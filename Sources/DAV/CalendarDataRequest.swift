import DAVXML
import ICalendar

/// The `calendar-data` element of a REPORT's `prop` (RFC 4791 §9.6): return the object,
/// optionally expanded or with a limited recurrence set, and optionally only some of its
/// components and properties.
struct CalendarDataRequest: Sendable {
    enum Transform: Sendable, Equatable {
        case none
        case expand(start: Int64, end: Int64)
        case limitRecurrenceSet(start: Int64, end: Int64)
    }

    let transform: Transform
    /// The `comp` tree (§9.6.1); nil returns every component and property.
    let selection: CalendarDataSelection?

    /// The one media type and version calendar data is returned in (§5.2.4, §9.6).
    static let contentType = "text/calendar"
    static let version = "2.0"

    init(_ element: XMLElement) throws(DAVError) {
        let namespace = Namespaces.calDAV
        try Self.checkMediaType(of: element)
        if let comp = element.child(XMLName(namespace, "comp")) {
            let selection = try CalendarDataSelection(comp)
            guard selection.name == "VCALENDAR" else {
                throw DAVError.badRequest(
                    "The comp of calendar-data names VCALENDAR, not \(selection.name) (RFC 4791 §9.6.1).")
            }
            self.selection = selection
        } else {
            selection = nil
        }
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

    /// RFC 4791 §9.6: the `content-type` and `version` attributes (defaults "text/calendar"
    /// and "2.0") must name what the server returns; otherwise 403 `supported-calendar-data`.
    private static func checkMediaType(of element: XMLElement) throws(DAVError) {
        let askedType = element.attributes[XMLName("", "content-type")] ?? contentType
        let askedVersion = element.attributes[XMLName("", "version")] ?? version
        // Media type parameters ("; charset=utf-8") do not change what is returned.
        let mediaType = askedType.split(separator: ";", maxSplits: 1).first.map(String.init) ?? ""
        guard mediaType.filter({ $0 != " " && $0 != "\t" }).lowercased() == contentType,
            askedVersion.filter({ $0 != " " }) == version
        else {
            throw DAVError(
                403, XMLName(Namespaces.calDAV, "supported-calendar-data"),
                "Calendar data is returned as \(contentType) version \(version) only, "
                    + "not \(askedType) version \(askedVersion).")
        }
    }

    /// The text to return for a stored object: the stored bytes when nothing is to change,
    /// otherwise generated text (CRLF, folded), the selection applied after the transform.
    func text(of body: [UInt8]) -> String {
        let stored = String(decoding: body, as: UTF8.self)
        guard transform != .none || selection != nil,
            var object = try? ICalendarObject.parse(stored)
        else { return stored }
        switch transform {
        case .none: break
        case .expand(let start, let end): object = object.expanded(from: start, to: end)
        case .limitRecurrenceSet(let start, let end): object = object.limitedRecurrenceSet(from: start, to: end)
        }
        if let selection, let root = selection.applied(to: object.root) {
            object = ICalendarObject(root: root)
        }
        return object.serialized
    }
}
