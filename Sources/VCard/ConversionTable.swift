/// What ``VCard/converted(to:)`` changes between versions, as data (STYLE.md rule 8).
enum ConversionTable {
    /// 3.0 names (Apple's address book server, Evolution and KDE's X-ANNIVERSARY) and the 4.0
    /// properties that replace them (RFC 6350 §6.1.4 KIND, §6.6.5 MEMBER, §6.2.6 ANNIVERSARY).
    /// A 4.0 KIND other than `group` has no 3.0 name and stays KIND.
    static let renames: [(v3: String, v4: String)] = [
        ("X-ADDRESSBOOKSERVER-KIND", "KIND"),
        ("X-ADDRESSBOOKSERVER-MEMBER", "MEMBER"),
        ("X-ANNIVERSARY", "ANNIVERSARY"),
    ]

    /// The 3.0 name of a 4.0 property, given its value (only KIND:group has one).
    static func v3Name(of property: VCardProperty) -> String? {
        guard let row = renames.first(where: { $0.v4 == property.name }) else { return nil }
        if property.name == "KIND" { return VCardKind(property.text) == .group ? row.v3 : nil }
        return row.v3
    }

    /// The 4.0 name of a 3.0 property.
    static func v4Name(of property: VCardProperty) -> String? {
        renames.first { $0.v3 == property.name }?.v4
    }
}
