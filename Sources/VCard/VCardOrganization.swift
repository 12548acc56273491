/// ORG (RFC 6350 §6.6.4, RFC 2426 §3.5.5): the organization and its units, outermost first.
public struct VCardOrganization: Sendable, Hashable {
    public var name: String
    public var units: [String]

    public init(name: String, units: [String] = []) {
        self.name = name
        self.units = units
    }
}
