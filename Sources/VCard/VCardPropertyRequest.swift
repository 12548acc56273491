/// One `CARDDAV:prop` of an `address-data` request (RFC 6352 §10.4.2): a property name,
/// and whether its value is left out (`novalue="yes"`).
public struct VCardPropertyRequest: Sendable, Hashable {
    /// The property name, upper-cased.
    public var name: String
    public var noValue: Bool

    public init(name: String, noValue: Bool = false) {
        self.name = name.uppercased()
        self.noValue = noValue
    }
}
