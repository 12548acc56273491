import ICalendar
import WBXML

/// The online-meeting links of an event (MS-ASCAL 2.2.2.33 `OnlineMeetingConfLink`, 2.2.2.34
/// `OnlineMeetingExternalLink`, 14.1+). The server sets them: a request MUST NOT contain them,
/// so a client's are ignored and the stored properties stay whatever a Change says.
enum OnlineMeeting {
    /// Each element and the properties it is read from, first found wins: Outlook's
    /// X-MICROSOFT- properties, then for the external link a CONFERENCE (RFC 7986 §5.11), a URI
    /// to join the meeting with. Of several, the first http(s) address wins (the element
    /// SHOULD be a URL a browser opens), else the first.
    static let fields: [(element: String, properties: [String])] = [
        ("OnlineMeetingConfLink", ["X-MICROSOFT-ONLINEMEETINGCONFLINK"]),
        ("OnlineMeetingExternalLink", ["X-MICROSOFT-ONLINEMEETINGEXTERNALLINK", "CONFERENCE"]),
    ]

    static let since = ProtocolVersion.v141

    /// The link an element carries for the event, nil when it has none.
    static func link(_ element: String, of event: ICalendarComponent) -> String? {
        guard let field = fields.first(where: { $0.element == element }) else { return nil }
        for name in field.properties {
            let values = event.properties(name).map(\.value).filter { !$0.isEmpty }
            if let link = values.first(where: isWebAddress) ?? values.first { return link }
        }
        return nil
    }

    static func isWebAddress(_ value: String) -> Bool {
        let lowered = value.lowercased()
        return lowered.hasPrefix("https://") || lowered.hasPrefix("http://")
    }

    /// The elements of the event's links, for the version.
    static func elements(of event: ICalendarComponent, version: ProtocolVersion) -> [WBXMLElement] {
        guard version >= since else { return [] }
        return fields.compactMap { field in
            link(field.element, of: event).map { WBXMLElement("Calendar", field.element, text: $0) }
        }
    }

    /// The links of an overridden instance that differ from the series': its own, or an empty
    /// element when it has none (MS-ASCAL 2.2.2.33, 2.2.2.34: an empty tag in `Exception`).
    static func exceptionElements(
        of instance: ICalendarComponent, master: ICalendarComponent, version: ProtocolVersion
    ) -> [WBXMLElement] {
        guard version >= since else { return [] }
        return fields.compactMap { field in
            let own = link(field.element, of: instance)
            guard own != link(field.element, of: master) else { return nil }
            return own.map { WBXMLElement("Calendar", field.element, text: $0) }
                ?? WBXMLElement("Calendar", field.element)
        }
    }
}
