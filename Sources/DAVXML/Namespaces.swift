/// The namespace names Almanac speaks.
public enum Namespaces {
    /// WebDAV (RFC 4918 §21.1).
    public static let dav = "DAV:"
    /// CalDAV (RFC 4791 §3).
    public static let calDAV = "urn:ietf:params:xml:ns:caldav"
    /// CardDAV (RFC 6352 §3).
    public static let cardDAV = "urn:ietf:params:xml:ns:carddav"
    /// Apple's calendar server extensions (`getctag`, sharing, push).
    public static let calendarServer = "http://calendarserver.org/ns/"
    /// Apple iCal's dead properties (`calendar-color`, `calendar-order`).
    public static let appleICal = "http://apple.com/ns/ical/"
    /// The `xml` prefix's namespace, bound by definition and never declared (XML Namespaces 1.0 §3).
    public static let xml = "http://www.w3.org/XML/1998/namespace"
}
