/// One content line (RFC 5545 §3.1): name, parameters and value.
public struct ICalendarProperty: Sendable, Equatable {
    /// The property name, upper-cased (`DTSTART`, `X-WR-CALNAME`).
    public var name: String
    /// The value as written, except that TEXT values (RFC 5545 §3.3.11) are unescaped
    /// (`\\`, `\;`, `\,`, `\n`); see ``isText``.
    public var value: String
    public var parameters: [ICalendarParameter]

    public init(name: String, value: String, parameters: [ICalendarParameter] = []) {
        self.name = name.uppercased()
        self.value = value
        self.parameters = parameters
    }

    /// The first parameter called `name` (case-insensitive).
    public func parameter(_ name: String) -> ICalendarParameter? {
        let wanted = name.uppercased()
        return parameters.first { $0.name == wanted }
    }

    /// Whether the value is a single TEXT value, unescaped on parse and escaped on output.
    /// Multi-valued TEXT properties (CATEGORIES, RESOURCES) keep their escapes, so that
    /// the commas separating values survive.
    public var isText: Bool {
        if let type = parameter("VALUE")?.value.uppercased() { return type == "TEXT" }
        return Self.textProperties.contains(name) || name.hasPrefix("X-")
    }

    /// Properties whose default value type is a single TEXT (RFC 5545 §3.8).
    static let textProperties: Set<String> = [
        "SUMMARY", "DESCRIPTION", "LOCATION", "COMMENT", "CONTACT", "TZNAME", "UID", "PRODID",
        "RELATED-TO", "TZID",
    ]
}
