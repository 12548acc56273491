/// A parsed iCalendar object (RFC 5545 §3.4): the VCALENDAR as a pure Swift tree.
public struct ICalendarObject: Sendable, Equatable {
    /// The VCALENDAR.
    public let root: ICalendarComponent

    public init(root: ICalendarComponent) {
        self.root = root
    }

    /// Parses RFC 5545 text (CRLF or LF line ends, folded lines), bounded by `limits`.
    /// Throws ``ICalendarError/notVCALENDAR`` unless the text is one VCALENDAR.
    public static func parse(_ text: String, limits: ICalendarLimits = .default) throws(ICalendarError)
        -> ICalendarObject
    {
        ICalendarObject(root: try ContentLineParser(limits: limits).parse(text))
    }

    /// Parses bytes, which must be UTF-8 (RFC 5545 §3.1.4); a leading byte-order mark is skipped.
    public static func parse(bytes: some Collection<UInt8>, limits: ICalendarLimits = .default) throws(ICalendarError)
        -> ICalendarObject
    {
        guard bytes.count <= limits.maxBytes else { throw .tooLarge(bytes: bytes.count, limit: limits.maxBytes) }
        var body = Array(bytes)
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body.removeFirst(3) }
        guard let text = String(validating: body, as: UTF8.self) else { throw .notUTF8 }
        return try parse(text, limits: limits)
    }

    /// RFC 5545 text with CRLF and lines folded at 75 octets. The server keeps the client's bytes;
    /// this is for output the server generates (`expand`, RFC 4791 §9.6.5).
    public var serialized: String { root.serialized }

    /// The top-level component types except VTIMEZONE: {"VEVENT"}, {"VTODO"}, …
    public var componentNames: Set<String> {
        Set(root.components.map(\.name).filter { $0 != "VTIMEZONE" })
    }

    /// The UID of the first component that has one.
    public var uid: String? {
        root.components.lazy.compactMap { $0.property("UID")?.value }.first
    }
}
