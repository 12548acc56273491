/// The CardDAV preconditions (RFC 6352 §6.3.2.1) that refused vCard data maps to; the raw
/// value is the local name of the `CARDDAV:` element in the `DAV:error` body.
public enum CardDAVPrecondition: String, Sendable, Hashable {
    /// `CARDDAV:valid-address-data`: the body is not a valid vCard object resource (§5.1).
    case validAddressData = "valid-address-data"
    /// `CARDDAV:supported-address-data`: a vCard version the server does not store.
    case supportedAddressData = "supported-address-data"
    /// `CARDDAV:max-resource-size`: larger than the address book allows.
    case maxResourceSize = "max-resource-size"
}
