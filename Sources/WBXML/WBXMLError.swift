/// Why a body could not be decoded, encoded or read as XML, and where: `offset` is the byte offset
/// in the input of the token (or XML construct) at fault, nil for encoding errors, which name the
/// element instead.
public struct WBXMLError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        // WBXML 1.3 §5.4: the header.
        /// The version byte is not 0x03 (WBXML 1.3).
        case unsupportedVersion(UInt8)
        /// The public identifier is not 0x01 (unknown), the only one EAS sends (MS-ASWBXML §2.1.2.1).
        case unsupportedPublicID(UInt32)
        /// The charset is not 106 (UTF-8), the only one EAS sends.
        case unsupportedCharset(UInt32)

        // WBXML 1.3 §5.8: the body.
        /// The input ended inside the header, a token or an open element.
        case truncated
        /// A multi-byte integer (WBXML 1.3 §5.1 mb_u_int32) is longer than 5 bytes or exceeds 2³²−1.
        case integerOverflow
        /// SWITCH_PAGE to a page MS-ASWBXML does not define.
        case unknownCodePage(UInt8)
        /// A tag token the current code page does not define.
        case unknownToken(codePage: UInt8, token: UInt8)
        /// A tag token with the attribute bit (0x80); EAS bodies have no attributes.
        case attributesNotAllowed(token: UInt8)
        /// A global token EAS does not use: ENTITY, LITERAL…, EXT…, PI.
        case unsupportedToken(UInt8)
        /// END with no element open.
        case endWithoutElement
        /// A string or opaque data outside every element.
        case contentOutsideElement
        /// An element holding child elements and text or opaque data, or both text and opaque data.
        case mixedContent
        /// Bytes after the root element ended.
        case trailingBytes
        /// A string that is not valid UTF-8.
        case invalidUTF8
        /// STR_T pointing past the string table, or at an entry without a terminating NUL.
        case badStringTableReference(UInt32)

        // WBXMLLimits.
        case documentTooLarge(limit: Int)
        case depthLimitExceeded(limit: Int)
        case elementLimitExceeded(limit: Int)
        case stringTooLong(limit: Int)
        case opaqueTooLong(limit: Int)

        // Encoding a tree.
        /// A namespace that names no code page.
        case unknownNamespace(String)
        /// A tag name the element's code page does not define.
        case unknownTag(namespace: String, name: String)
        /// Text containing U+0000, which an inline string (STR_I, NUL-terminated) cannot carry.
        case textContainsNull(namespace: String, name: String)

        // Reading the XML form.
        /// XML outside the restricted form the reader accepts; the text says what was expected.
        case malformedXML(String)
    }

    public let reason: Reason
    public let offset: Int?

    public init(_ reason: Reason, at offset: Int?) {
        self.reason = reason
        self.offset = offset
    }

    public var description: String {
        let place = offset.map { " at byte \($0)" } ?? ""
        return "\(reasonText)\(place)"
    }

    private var reasonText: String {
        switch reason {
        case .unsupportedVersion(let version): "WBXML version 0x\(hex(version)) is not 1.3 (0x03)"
        case .unsupportedPublicID(let id): "public identifier \(id) is not 1 (unknown)"
        case .unsupportedCharset(let charset): "charset \(charset) is not 106 (UTF-8)"
        case .truncated: "the body ends early"
        case .integerOverflow: "multi-byte integer longer than 5 bytes or above 2^32-1"
        case .unknownCodePage(let page): "unknown code page \(page)"
        case .unknownToken(let page, let token):
            "token 0x\(hex(token)) is not defined on code page \(page)"
                + (WBXMLCodePage.page(number: page).map { " (\($0.name))" } ?? "")
        case .attributesNotAllowed(let token): "tag token 0x\(hex(token)) has attributes, which EAS never uses"
        case .unsupportedToken(let token): "global token 0x\(hex(token)) is not used by EAS"
        case .endWithoutElement: "END with no element open"
        case .contentOutsideElement: "string or opaque data outside every element"
        case .mixedContent: "an element mixes child elements, text and opaque data"
        case .trailingBytes: "bytes after the root element"
        case .invalidUTF8: "string is not valid UTF-8"
        case .badStringTableReference(let index): "string table reference \(index) is not a terminated entry"
        case .documentTooLarge(let limit): "body larger than \(limit) bytes"
        case .depthLimitExceeded(let limit): "elements nested deeper than \(limit)"
        case .elementLimitExceeded(let limit): "more than \(limit) elements"
        case .stringTooLong(let limit): "text longer than \(limit) bytes"
        case .opaqueTooLong(let limit): "opaque data longer than \(limit) bytes"
        case .unknownNamespace(let namespace): "unknown namespace \(namespace)"
        case .unknownTag(let namespace, let name): "\(namespace):\(name) is not a tag of code page \(namespace)"
        case .textContainsNull(let namespace, let name): "text of \(namespace):\(name) contains U+0000"
        case .malformedXML(let what): "malformed XML: \(what)"
        }
    }

    private func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}
