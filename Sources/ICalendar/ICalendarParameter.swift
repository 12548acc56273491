/// One property parameter (RFC 5545 §3.2), with its values unquoted and RFC 6868 `^` escapes decoded.
public struct ICalendarParameter: Sendable, Equatable {
    /// The parameter name, upper-cased (`TZID`, `VALUE`, `X-…`).
    public var name: String
    /// The values in order; a comma-separated list (`MEMBER="a","b"`) gives several.
    public var values: [String]

    public init(name: String, values: [String]) {
        self.name = name.uppercased()
        self.values = values
    }

    /// The first value, or the empty string.
    public var value: String { values.first ?? "" }
}
