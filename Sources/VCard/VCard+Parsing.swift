extension VCard {
    /// Parses exactly one vCard, as a CardDAV address object resource holds (RFC 6352 §5.1).
    /// Blank lines around it are allowed; anything else, including a second card, throws.
    /// Checks syntax and structure only: see ``validateForCardDAV()`` for the rest.
    public static func parseSingle(_ bytes: [UInt8], limits: VCardLimits = .default) throws(VCardError) -> VCard {
        let cards = try VCardParser(limits: limits).parse(bytes, single: true)
        guard let card = cards.first else { throw .empty }
        return card
    }

    public static func parseSingle(_ text: String, limits: VCardLimits = .default) throws(VCardError) -> VCard {
        try parseSingle(Array(text.utf8), limits: limits)
    }

    /// Parses a stream of vCards (an export file, an import): zero or more cards, blank lines
    /// between them allowed.
    public static func parseAll(_ bytes: [UInt8], limits: VCardLimits = .default) throws(VCardError) -> [VCard] {
        try VCardParser(limits: limits).parse(bytes, single: false)
    }

    public static func parseAll(_ text: String, limits: VCardLimits = .default) throws(VCardError) -> [VCard] {
        try parseAll(Array(text.utf8), limits: limits)
    }
}
