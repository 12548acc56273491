/// The global tokens of WBXML 1.3 §7.1, present on every code page. EAS uses SWITCH_PAGE, END,
/// STR_I and OPAQUE; STR_T is accepted with a string table; the rest are refused.
enum WBXMLToken {
    static let switchPage: UInt8 = 0x00
    static let end: UInt8 = 0x01
    static let entity: UInt8 = 0x02
    static let stringInline: UInt8 = 0x03
    static let literal: UInt8 = 0x04
    static let stringTable: UInt8 = 0x83
    static let opaque: UInt8 = 0xC3

    /// A tag token with content follows until END (WBXML 1.3 §5.8.2).
    static let contentBit: UInt8 = 0x40
    /// A tag token with attributes (WBXML 1.3 §5.8.2).
    static let attributeBit: UInt8 = 0x80

    /// The header EAS sends: version 1.3, public identifier 1 (unknown), charset 106 (UTF-8),
    /// an empty string table (MS-ASWBXML §2.1.2.1, WBXML 1.3 §5.4).
    static let header: [UInt8] = [0x03, 0x01, 0x6A, 0x00]
    static let version: UInt8 = 0x03
    static let publicIDUnknown: UInt32 = 0x01
    static let charsetUTF8: UInt32 = 106

    /// Whether a byte in tag state is one of the global tokens (0x00–0x04 in each quarter).
    static func isGlobal(_ byte: UInt8) -> Bool {
        byte & 0x3F <= 0x04
    }
}
