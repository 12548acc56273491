/// What a card describes (RFC 6350 §6.1.4 KIND); 3.0 has no KIND, and Apple writes
/// `X-ADDRESSBOOKSERVER-KIND:group` for its contact groups.
public enum VCardKind: Sendable, Hashable {
    case individual
    case group
    case org
    case location
    /// An x-name or iana-token, lower-cased.
    case other(String)

    /// Reads a KIND value, case-insensitively.
    public init(_ text: String) {
        let lower = text.trimmingSpaces.lowercased()
        switch lower {
        case "individual", "": self = .individual
        case "group": self = .group
        case "org": self = .org
        case "location": self = .location
        default: self = .other(lower)
        }
    }

    /// The KIND value.
    public var text: String {
        switch self {
        case .individual: "individual"
        case .group: "group"
        case .org: "org"
        case .location: "location"
        case .other(let text): text
        }
    }
}
