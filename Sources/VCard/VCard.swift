/// A vCard (RFC 6350, RFC 2426): its version and its properties in order.
///
/// BEGIN, END and VERSION are not in ``properties``: the writer supplies them. A parsed
/// card that was not modified is written back byte for byte (line ends become CRLF); see
/// ``VCardProperty`` for how single properties keep their text.
///
/// Reading: ``parseSingle(_:limits:)`` and ``parseAll(_:limits:)``. Writing: ``serialized``.
/// Accessors: `VCard+Accessors.swift`. Conversion: ``converted(to:)``. CardDAV:
/// ``validateForCardDAV()`` and ``filtered(keeping:)``.
public struct VCard: Sendable {
    /// How the BEGIN, VERSION and END lines were written, to write an unmodified card back
    /// as it was.
    struct Layout: Sendable {
        var begin: String
        var version: String
        /// VERSION came before `properties[versionIndex]` (at the end when equal to the count).
        var versionIndex: Int
        var end: String
    }

    /// The version the card is written in. Change it with ``converted(to:)``.
    public internal(set) var version: VCardVersion {
        didSet { layout = nil }
    }
    /// Every property but BEGIN, END and VERSION, in order.
    public var properties: [VCardProperty] {
        didSet { layout = nil }
    }
    /// The physical line of BEGIN:VCARD, or 0 for a card built in code.
    public internal(set) var line: Int = 0
    /// The physical line of VERSION, or 0.
    var versionLine: Int = 0
    var layout: Layout?

    public init(version: VCardVersion, properties: [VCardProperty] = []) {
        self.version = version
        self.properties = properties
    }

    /// Whether the writer will re-emit the card exactly as it was read.
    public var isVerbatim: Bool { layout != nil && properties.allSatisfy(\.isVerbatim) }
}

extension VCard: Equatable {
    public static func == (lhs: VCard, rhs: VCard) -> Bool {
        lhs.version == rhs.version && lhs.properties == rhs.properties
    }
}
