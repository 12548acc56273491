/// An EMAIL, TEL or similar value with what a client needs to show it: its types, its
/// preference and the label a client gave it.
public struct VCardLabeledValue: Sendable, Hashable {
    /// The text value; for TEL a `tel:` URI's scheme is removed.
    public var value: String
    /// TYPE values, lower-cased (`work`, `cell`, `internet`, `pref`).
    public var types: [String]
    /// PREF, or 1 for TYPE=pref.
    public var preference: Int?
    /// The custom label: the text of the `X-ABLabel` in the same group (Apple, Google), with
    /// Apple's `_$!<…>!$_` marks of its built-in labels removed.
    public var label: String?
    /// The property group, as written.
    public var group: String?

    public init(
        value: String, types: [String] = [], preference: Int? = nil, label: String? = nil, group: String? = nil
    ) {
        self.value = value
        self.types = types
        self.preference = preference
        self.label = label
        self.group = group
    }

    /// Whether this is the most preferred of its kind.
    public var isPreferred: Bool { preference == 1 }
}
