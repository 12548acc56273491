extension Charset {
    /// CHARSET parameter values (lower-cased) and the charset each names (IANA charset registry).
    static let names: [String: Charset] = [
        "utf-8": .utf8, "utf8": .utf8,
        "us-ascii": .usASCII, "ascii": .usASCII,
        "iso-8859-1": .latin1, "iso8859-1": .latin1, "iso_8859-1": .latin1, "latin1": .latin1,
        "l1": .latin1, "cp819": .latin1,
        "iso-8859-15": .latin9, "iso8859-15": .latin9, "iso_8859-15": .latin9, "latin-9": .latin9,
        "latin9": .latin9,
        "windows-1252": .windows1252, "cp1252": .windows1252, "x-cp1252": .windows1252,
        "ms-ansi": .windows1252,
    ]

    /// Windows-1252 bytes 0x80–0x9F (the rest is Latin-1). The five bytes Windows leaves
    /// undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) read as the C1 code points of the same number.
    static let windows1252Overrides: [UInt8: Unicode.Scalar] = [
        0x80: "\u{20AC}", 0x82: "\u{201A}", 0x83: "\u{0192}", 0x84: "\u{201E}", 0x85: "\u{2026}",
        0x86: "\u{2020}", 0x87: "\u{2021}", 0x88: "\u{02C6}", 0x89: "\u{2030}", 0x8A: "\u{0160}",
        0x8B: "\u{2039}", 0x8C: "\u{0152}", 0x8E: "\u{017D}", 0x91: "\u{2018}", 0x92: "\u{2019}",
        0x93: "\u{201C}", 0x94: "\u{201D}", 0x95: "\u{2022}", 0x96: "\u{2013}", 0x97: "\u{2014}",
        0x98: "\u{02DC}", 0x99: "\u{2122}", 0x9A: "\u{0161}", 0x9B: "\u{203A}", 0x9C: "\u{0153}",
        0x9E: "\u{017E}", 0x9F: "\u{0178}",
    ]

    /// ISO-8859-15 bytes that differ from ISO-8859-1.
    static let latin9Overrides: [UInt8: Unicode.Scalar] = [
        0xA4: "\u{20AC}", 0xA6: "\u{0160}", 0xA8: "\u{0161}", 0xB4: "\u{017D}", 0xB8: "\u{017E}",
        0xBC: "\u{0152}", 0xBD: "\u{0153}", 0xBE: "\u{0178}",
    ]
}
