/// The character sets that vCard CHARSET parameters name in practice (vCard 2.1, and 3.0
/// from older clients; 4.0 is always UTF-8, RFC 6350 §3.1).
enum Charset: Sendable, Equatable {
    case utf8
    case usASCII
    /// ISO-8859-1: each byte is the code point of the same number.
    case latin1
    /// ISO-8859-15: Latin-1 with eight code points replaced (the euro sign among them).
    case latin9
    /// Windows-1252: Latin-1 with 0x80–0x9F holding typographic characters.
    case windows1252

    /// The charset a CHARSET parameter names, by its IANA name or a common alias; nil when unknown.
    init?(name: String) {
        guard let charset = Self.names[name.trimmingSpaces.lowercased()] else { return nil }
        self = charset
    }

    /// Decodes `bytes`. Invalid UTF-8 becomes U+FFFD; bytes outside US-ASCII read as Latin-1.
    func decode(_ bytes: ArraySlice<UInt8>) -> String {
        switch self {
        case .utf8:
            return String(decoding: bytes, as: UTF8.self)
        case .usASCII, .latin1:
            return String(String.UnicodeScalarView(bytes.lazy.map { Unicode.Scalar($0) }))
        case .latin9:
            return Self.decode(bytes, overrides: Self.latin9Overrides)
        case .windows1252:
            return Self.decode(bytes, overrides: Self.windows1252Overrides)
        }
    }

    func decode(_ bytes: [UInt8]) -> String {
        decode(bytes[...])
    }

    /// Decodes `bytes` as UTF-8 when they are UTF-8, and as Windows-1252 otherwise: what
    /// an unlabelled or unknown-labelled legacy value most likely is.
    static func decodeGuessing(_ bytes: [UInt8]) -> String {
        String(validating: bytes, as: UTF8.self) ?? Charset.windows1252.decode(bytes)
    }

    private static func decode(_ bytes: ArraySlice<UInt8>, overrides: [UInt8: Unicode.Scalar]) -> String {
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            scalars.append(overrides[byte] ?? Unicode.Scalar(byte))
        }
        return String(scalars)
    }
}
