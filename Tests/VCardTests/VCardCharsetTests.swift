import Testing
import VCard

/// Legacy charsets, checked over every byte 0x80–0xFF through quoted-printable values.
struct VCardCharsetTests {
    /// Windows-1252 0x80–0x9F (the rest is Latin-1); the five undefined bytes read as the C1
    /// code point of the same number.
    static let windows1252: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152,
        0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122,
        0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]
    /// ISO-8859-15's differences from ISO-8859-1.
    static let latin9: [UInt8: UInt32] = [
        0xA4: 0x20AC, 0xA6: 0x0160, 0xA8: 0x0161, 0xB4: 0x017D, 0xB8: 0x017E, 0xBC: 0x0152, 0xBD: 0x0153, 0xBE: 0x0178,
    ]

    static func decoded(_ charset: String) throws -> [UInt32] {
        let encoded = (0x80...0xFF).map { "=" + String($0, radix: 16, uppercase: true) }.joined()
        let card = try VCard.parseSingle(
            vcard("2.1", "N:x", "NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=\(charset):\(encoded)"))
        return (card.text(of: "NOTE") ?? "").unicodeScalars.map(\.value)
    }

    @Test func windows1252() throws {
        let expected = Self.windows1252 + (0xA0...0xFF).map { UInt32($0) }
        #expect(try Self.decoded("Windows-1252") == expected)
        #expect(try Self.decoded("cp1252") == expected)
    }

    @Test func latin1AndLatin9() throws {
        #expect(try Self.decoded("ISO-8859-1") == (0x80...0xFF).map { UInt32($0) })
        #expect(try Self.decoded("iso-8859-15") == (0x80...0xFF).map { Self.latin9[UInt8($0)] ?? UInt32($0) })
    }

    @Test func utf8AndUnknownCharsets() throws {
        let card = try VCard.parseSingle(
            vcard(
                "2.1", "N:x", "FN;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:Bj=C3=B6rk",
                "NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=X-UNHEARD-OF:Bj=F6rk",
                "TITLE;ENCODING=QUOTED-PRINTABLE:Bj=C3=B6rk =3D =4a=XZ="))
        #expect(card.formattedName == "Björk")
        // An unknown charset reads as UTF-8 when the bytes are UTF-8, else as Windows-1252.
        #expect(card.text(of: "NOTE") == "Björk")
        // Lower-case hex is accepted; "=XZ" and a final "=" are kept as written (RFC 2045 §6.7).
        #expect(card.text(of: "TITLE") == "Björk = J=XZ=")
    }
}
