/// An ADR (RFC 6350 §6.3.1, RFC 2426 §3.2.1). Each component's list values are joined
/// with commas, as they were written.
public struct VCardAddress: Sendable, Hashable {
    public var postOfficeBox: String
    public var extendedAddress: String
    public var street: String
    public var locality: String
    public var region: String
    public var postalCode: String
    public var country: String
    /// TYPE values, lower-cased (`home`, `work`, `pref`).
    public var types: [String]
    public var preference: Int?
    /// The delivery label: 4.0's LABEL parameter (RFC 6350 §6.3.1).
    public var deliveryLabel: String?
    /// The custom label from an `X-ABLabel` in the same group.
    public var label: String?
    public var group: String?

    public init(
        postOfficeBox: String = "", extendedAddress: String = "", street: String = "", locality: String = "",
        region: String = "", postalCode: String = "", country: String = "", types: [String] = [],
        preference: Int? = nil, deliveryLabel: String? = nil, label: String? = nil, group: String? = nil
    ) {
        self.postOfficeBox = postOfficeBox
        self.extendedAddress = extendedAddress
        self.street = street
        self.locality = locality
        self.region = region
        self.postalCode = postalCode
        self.country = country
        self.types = types
        self.preference = preference
        self.deliveryLabel = deliveryLabel
        self.label = label
        self.group = group
    }

    /// The seven components in ADR order, for ``VCardProperty/setComponents(_:)``.
    public var components: [[String]] {
        [postOfficeBox, extendedAddress, street, locality, region, postalCode, country].map { [$0] }
    }
}
