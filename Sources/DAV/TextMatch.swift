import DAVXML
import Foundation

/// A `text-match` (RFC 4791 §9.7.5, RFC 6352 §10.5.4) with its collation
/// (RFC 4790 i;octet, i;ascii-casemap; RFC 5051 i;unicode-casemap).
struct TextMatch: Sendable, Equatable {
    enum Collation: String, Sendable {
        case octet = "i;octet"
        case asciiCasemap = "i;ascii-casemap"
        case unicodeCasemap = "i;unicode-casemap"
    }

    /// CardDAV adds match types; CalDAV always uses contains.
    enum MatchType: String, Sendable {
        case equals, contains
        case startsWith = "starts-with"
        case endsWith = "ends-with"
    }

    let text: String
    let collation: Collation
    let matchType: MatchType
    let negate: Bool

    init(text: String, collation: Collation = .asciiCasemap, matchType: MatchType = .contains, negate: Bool = false) {
        self.text = text
        self.collation = collation
        self.matchType = matchType
        self.negate = negate
    }

    /// Parses the element; an unknown collation is refused with `supported-collation`. Without a
    /// collation, CalDAV means i;ascii-casemap (RFC 4791 §9.7.5) and CardDAV i;unicode-casemap
    /// (RFC 6352 §10.5.4).
    init(_ element: XMLElement, preconditionNamespace: String) throws(DAVError) {
        let defaultCollation: Collation = preconditionNamespace == Namespaces.cardDAV ? .unicodeCasemap : .asciiCasemap
        let collationName = element.attributes[XMLName("", "collation")] ?? defaultCollation.rawValue
        guard let collation = Collation(rawValue: collationName) else {
            throw DAVError(
                403, XMLName(preconditionNamespace, "supported-collation"),
                "The collation \(collationName) is not supported.")
        }
        let matchTypeName = element.attributes[XMLName("", "match-type")] ?? MatchType.contains.rawValue
        guard let matchType = MatchType(rawValue: matchTypeName) else {
            throw DAVError(400, nil, "The match-type \(matchTypeName) is not known.")
        }
        self.init(
            text: element.text, collation: collation, matchType: matchType,
            negate: element.attributes[XMLName("", "negate-condition")]?.lowercased() == "yes")
    }

    func matches(_ value: String) -> Bool {
        let needle = fold(text)
        let haystack = fold(value)
        let found: Bool =
            switch matchType {
            case .equals: haystack == needle
            case .contains: needle.isEmpty || haystack.contains(needle)
            case .startsWith: haystack.hasPrefix(needle)
            case .endsWith: haystack.hasSuffix(needle)
            }
        return found != negate
    }

    private func fold(_ value: String) -> String {
        switch collation {
        case .octet: value
        case .asciiCasemap: String(String.UnicodeScalarView(value.unicodeScalars.map(Self.asciiLower)))
        case .unicodeCasemap: value.folding(options: [.caseInsensitive], locale: nil)
        }
    }

    private static func asciiLower(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        ("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32)! : scalar
    }
}
