/// What one EAS contact element stands for in a vCard. ``ContactFieldTable`` pairs every element
/// with one of these; ``ContactBindings`` finds the stored property each one reads and writes.
enum ContactMapping: Sendable, Equatable {
    /// `FileAs` ⇄ FN (RFC 6350 §6.2.1), the name as the card is filed and shown.
    case fileAs
    /// A component of N (RFC 6350 §6.2.2): 0 family, 1 given, 2 additional, 3 prefix, 4 suffix.
    case name(Int)
    /// A unit of ORG (RFC 6350 §6.6.4): 0 the organization, 1 the department.
    case organization(Int)
    /// A single text property, the first of its name.
    case text(property: String)
    /// The nth EMAIL (RFC 6350 §6.4.2) in card order.
    case email(Int)
    /// The nth TEL (RFC 6350 §6.4.1) of a kind (Business2PhoneNumber is the second business one).
    case phone(PhoneKind, Int)
    /// A component of the ADR (RFC 6350 §6.3.1) of a kind: 2 street, 3 locality, 4 region,
    /// 5 postal code, 6 country.
    case address(AddressKind, component: Int)
    /// The first URL (RFC 6350 §6.7.8).
    case webPage
    /// BDAY or ANNIVERSARY.
    case date(DateKind)
    /// A related person's name.
    case related(RelatedKind)
    /// The names of the children, one property each.
    case children
    /// CATEGORIES (RFC 6350 §6.7.1), all of them.
    case categories
    /// PHOTO (RFC 6350 §6.2.4) with inline data.
    case picture
    /// The nth instant-messaging address: IMPP (RFC 6350 §6.4.3, RFC 4770) or a 3.0 X-AIM, X-JABBER, ….
    case instantMessaging(Int)
    /// The first NICKNAME's first value (RFC 6350 §6.2.3).
    case nickname
    /// NOTE (RFC 6350 §6.7.2), through `AirSyncBase:Body`.
    case body
}

/// The telephone slots of an EAS contact.
enum PhoneKind: Sendable, CaseIterable {
    case mobile, business, home, businessFax, homeFax, car, pager, radio, assistant, companyMain, mms
}

/// The three postal addresses of an EAS contact.
enum AddressKind: Sendable, CaseIterable {
    case business, home, other
}

/// The two dates of an EAS contact.
enum DateKind: Sendable, CaseIterable {
    case birthday, anniversary
}

/// The related people an EAS contact names (children aside).
enum RelatedKind: Sendable, CaseIterable {
    case spouse, assistant, manager
}
