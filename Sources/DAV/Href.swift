/// Hrefs are absolute paths (never full URLs), each segment percent-encoded
/// (RFC 3986 §3.3: unreserved characters and sub-delims, ":" and "@" stay).
enum Href {
    static func principal(_ address: String) -> String {
        DAVPath.root + "principals/" + encode(address) + "/"
    }

    static func home(_ kind: DAVPath.HomeKind, _ address: String) -> String {
        DAVPath.root + kind.rawValue + "/" + encode(address) + "/"
    }

    static func collection(_ kind: DAVPath.HomeKind, _ address: String, _ name: String) -> String {
        home(kind, address) + encode(name) + "/"
    }

    static func member(_ kind: DAVPath.HomeKind, _ address: String, _ collection: String, _ name: String) -> String {
        self.collection(kind, address, collection) + encode(name)
    }

    /// Percent-encodes one path segment.
    static func encode(_ segment: String) -> String {
        var out = ""
        out.reserveCapacity(segment.utf8.count)
        for byte in segment.utf8 {
            if isAllowed(byte) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += "%" + String(hexDigits[Int(byte >> 4)]) + String(hexDigits[Int(byte & 0x0F)])
            }
        }
        return out
    }

    /// Decodes one percent-encoded segment; nil for a broken escape or bytes that are not UTF-8.
    static func decode(_ segment: Substring) -> String? {
        guard segment.contains("%") else { return String(segment) }
        var bytes: [UInt8] = []
        var iterator = Array(segment.utf8)[...]
        while let byte = iterator.popFirst() {
            if byte == UInt8(ascii: "%") {
                guard iterator.count >= 2, let high = hexValue(iterator.removeFirst()),
                    let low = hexValue(iterator.removeFirst())
                else { return nil }
                bytes.append(high << 4 | low)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789ABCDEF")

    private static func isAllowed(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "@"),
            UInt8(ascii: "!"), UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("),
            UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ";"),
            UInt8(ascii: "="), UInt8(ascii: ":"):
            true
        default:
            false
        }
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
