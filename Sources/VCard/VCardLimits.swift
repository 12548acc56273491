/// Bounds on what ``VCard/parseSingle(_:limits:)`` and ``VCard/parseAll(_:limits:)`` accept
/// (STYLE.md rule 5). Each count is checked before it grows, so hostile input costs at most
/// a linear pass over `maxBytes`.
public struct VCardLimits: Sendable, Equatable {
    /// Total input size in bytes. Default 10 MB; callers pass their own resource size limit.
    public var maxBytes: Int
    /// One logical (unfolded) content line in bytes. Default 8 MB: an inline photo is one line.
    public var maxLineBytes: Int
    /// Physical lines in the input, before unfolding. Default 1,000,000.
    public var maxLines: Int
    /// vCards in one stream (``VCard/parseAll(_:limits:)``). Default 100,000.
    public var maxCards: Int
    /// Properties in one vCard, VERSION included. Default 10,000.
    public var maxPropertiesPerCard: Int
    /// Parameters on one property. Default 100.
    public var maxParametersPerProperty: Int
    /// Values of one parameter (`TYPE=work,voice,pref`). Default 100.
    public var maxValuesPerParameter: Int
    /// Levels of BEGIN:VCARD: 1 is a plain card; each vCard 2.1 AGENT card written inline
    /// inside another adds one. (A 3.0 AGENT holds its card as an escaped text value, which
    /// is not nesting.) Default 3.
    public var maxNesting: Int

    public init(
        maxBytes: Int = 10 * 1024 * 1024,
        maxLineBytes: Int = 8 * 1024 * 1024,
        maxLines: Int = 1_000_000,
        maxCards: Int = 100_000,
        maxPropertiesPerCard: Int = 10_000,
        maxParametersPerProperty: Int = 100,
        maxValuesPerParameter: Int = 100,
        maxNesting: Int = 3
    ) {
        self.maxBytes = maxBytes
        self.maxLineBytes = maxLineBytes
        self.maxLines = maxLines
        self.maxCards = maxCards
        self.maxPropertiesPerCard = maxPropertiesPerCard
        self.maxParametersPerProperty = maxParametersPerProperty
        self.maxValuesPerParameter = maxValuesPerParameter
        self.maxNesting = maxNesting
    }

    public static let `default` = VCardLimits()
}
