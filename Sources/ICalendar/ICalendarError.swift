/// Why an iCalendar object was refused. Each case carries the offending value.
public enum ICalendarError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The object exceeds `limit` (bytes, lines, components, …: see ``ICalendarLimits``).
    case tooLarge(bytes: Int, limit: Int)
    /// Too many lines, components, properties, parameters or levels of nesting.
    case limitExceeded(what: String, limit: Int)
    /// The bytes are not UTF-8 (RFC 5545 §3.1.4).
    case notUTF8
    /// Not iCalendar syntax (RFC 5545 §3.1); the message names the line.
    case malformed(String)
    /// The object does not start with BEGIN:VCALENDAR (RFC 5545 §3.4).
    case notVCALENDAR
    /// A VCALENDAR without any calendar component (RFC 5545 §3.6).
    case noComponents
    /// More than one component type in one calendar object resource (RFC 4791 §4.1).
    case mixedComponents([String])
    /// More than one UID in one calendar object resource (RFC 4791 §4.1).
    case multipleUIDs([String])
    /// A component without its UID (RFC 5545 §3.8.4.7, RFC 4791 §4.1).
    case missingUID(component: String)
    /// A required property is absent (RFC 5545 §3.6.1: VEVENT needs DTSTART without METHOD).
    case missingProperty(component: String, property: String)
    /// A property value that does not parse (RFC 5545 §3.3).
    case invalidProperty(name: String, value: String)
    /// A property that a calendar object resource must not have (RFC 4791 §4.1: METHOD).
    case forbiddenProperty(name: String)
    /// A TZID with no VTIMEZONE, no IANA zone and no Windows mapping.
    case unknownTimeZone(String)

    public var description: String {
        switch self {
        case .tooLarge(let bytes, let limit): "iCalendar object of \(bytes) bytes exceeds the limit of \(limit)"
        case .limitExceeded(let what, let limit): "iCalendar object has more than \(limit) \(what)"
        case .notUTF8: "iCalendar object is not UTF-8"
        case .malformed(let message): "malformed iCalendar: \(message)"
        case .notVCALENDAR: "not an iCalendar object: BEGIN:VCALENDAR expected"
        case .noComponents: "VCALENDAR holds no calendar component"
        case .mixedComponents(let names): "one resource holds several component types: \(names.joined(separator: ", "))"
        case .multipleUIDs(let uids): "one resource holds several UIDs: \(uids.joined(separator: ", "))"
        case .missingUID(let component): "\(component) has no UID"
        case .missingProperty(let component, let property): "\(component) has no \(property)"
        case .invalidProperty(let name, let value): "invalid \(name) value \"\(value)\""
        case .forbiddenProperty(let name): "\(name) is not allowed in a calendar object resource"
        case .unknownTimeZone(let tzid): "unknown time zone \"\(tzid)\""
        }
    }
}
