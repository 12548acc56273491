/// Backslash escaping of TEXT values (RFC 6350 §3.4, RFC 2426 §4 `ESCAPED-CHAR`).
///
/// Both versions escape backslash, comma, semicolon and newline (`\\` `\,` `\;` `\n`, read
/// `\N` too). 4.0 only requires `\;` in compound values but allows it everywhere; writing it
/// everywhere keeps one rule for both versions. Reading is lenient: `\:`, which Google
/// Contacts writes in URLs, reads as `:`; any other unknown escape keeps its backslash; and a
/// vCard 2.1 value (where only `\;` is an escape) reads the same way, which differs only for
/// a literal backslash before a comma, colon or `n`.
enum TextEscaping {
    static func escape(_ text: String) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        var previousWasCR = false
        for byte in text.utf8 {
            switch byte {
            case ASCII.backslash, ASCII.comma, ASCII.semicolon:
                output.append(ASCII.backslash)
                output.append(byte)
            case ASCII.carriageReturn:
                output.append(ASCII.backslash)
                output.append(UInt8(ascii: "n"))
            case ASCII.lineFeed:
                if !previousWasCR {
                    output.append(ASCII.backslash)
                    output.append(UInt8(ascii: "n"))
                }
            default:
                output.append(byte)
            }
            previousWasCR = byte == ASCII.carriageReturn
        }
        return String(decoding: output, as: UTF8.self)
    }

    static func unescape(_ text: some StringProtocol) -> String {
        let bytes = Array(text.utf8)
        guard bytes.contains(ASCII.backslash) else { return String(text) }
        return unescape(bytes, bytes.indices)
    }

    /// Splits at every `separator` that is not escaped, then unescapes each piece.
    static func split(_ text: some StringProtocol, on separator: UInt8) -> [String] {
        let bytes = Array(text.utf8)
        return pieces(bytes, 0..<bytes.count, on: separator).map { unescape(bytes, $0) }
    }

    /// Structured value: fields at `;`, each a list at `,` (RFC 6350 §3.3 `component`).
    static func components(_ text: some StringProtocol) -> [[String]] {
        let bytes = Array(text.utf8)
        return pieces(bytes, 0..<bytes.count, on: ASCII.semicolon).map { field in
            pieces(bytes, field, on: ASCII.comma).map { unescape(bytes, $0) }
        }
    }

    static func joinComponents(_ components: [[String]]) -> String {
        components.map { $0.map(escape).joined(separator: ",") }.joined(separator: ";")
    }

    /// The ranges between unescaped `separator`s within `range`; always at least one.
    private static func pieces(_ bytes: [UInt8], _ range: Range<Int>, on separator: UInt8) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = range.lowerBound
        var index = range.lowerBound
        while index < range.upperBound {
            if bytes[index] == ASCII.backslash {
                index += 2
                continue
            }
            if bytes[index] == separator {
                result.append(start..<index)
                start = index + 1
            }
            index += 1
        }
        result.append(start..<range.upperBound)
        return result
    }

    private static func unescape(_ bytes: [UInt8], _ range: Range<Int>) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(range.count)
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = bytes[index]
            guard byte == ASCII.backslash, index + 1 < range.upperBound else {
                output.append(byte)
                index += 1
                continue
            }
            let next = bytes[index + 1]
            switch next {
            case UInt8(ascii: "n"), UInt8(ascii: "N"): output.append(ASCII.lineFeed)
            case ASCII.backslash, ASCII.comma, ASCII.semicolon, ASCII.colon: output.append(next)
            default:
                output.append(byte)
                output.append(next)
            }
            index += 2
        }
        return String(decoding: output, as: UTF8.self)
    }
}
