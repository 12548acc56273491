/// Parameter values on the wire: quoting (RFC 6350 §5, RFC 2426 §4) and RFC 6868 caret
/// escapes, which only 4.0 has.
enum ParameterEncoding {
    /// RFC 6868 §3: `^n` is a newline, `^^` a caret, `^'` a double quote; any other caret
    /// is kept as written.
    static func decodeCaret(_ value: String) -> String {
        guard value.utf8.contains(ASCII.caret) else { return value }
        var output: [UInt8] = []
        var iterator = value.utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == ASCII.caret else {
                output.append(byte)
                continue
            }
            switch iterator.next() {
            case UInt8(ascii: "n"): output.append(ASCII.lineFeed)
            case ASCII.caret: output.append(ASCII.caret)
            case UInt8(ascii: "'"): output.append(ASCII.quote)
            case let other?:
                output.append(ASCII.caret)
                output.append(other)
            case nil:
                output.append(ASCII.caret)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Writes one parameter value for `version`, quoted when it holds `,` `;` or `:`.
    /// 4.0 escapes newline, caret and double quote with carets (RFC 6868 §3). 3.0 has no
    /// way to write a newline or a double quote in a parameter (RFC 2426 §4 `QSAFE-CHAR`):
    /// they become a space and an apostrophe. Other control characters are dropped.
    static func encode(_ value: String, version: VCardVersion, into output: inout [UInt8]) {
        let needsQuotes = value.utf8.contains { $0 == ASCII.comma || $0 == ASCII.semicolon || $0 == ASCII.colon }
        if needsQuotes { output.append(ASCII.quote) }
        var previousWasCR = false
        for byte in value.utf8 {
            defer { previousWasCR = byte == ASCII.carriageReturn }
            switch byte {
            case ASCII.carriageReturn, ASCII.lineFeed:
                if byte == ASCII.lineFeed, previousWasCR { continue }
                if version == .v4 {
                    output.append(ASCII.caret)
                    output.append(UInt8(ascii: "n"))
                } else {
                    output.append(ASCII.space)
                }
            case ASCII.caret where version == .v4:
                output.append(ASCII.caret)
                output.append(ASCII.caret)
            case ASCII.quote:
                if version == .v4 {
                    output.append(ASCII.caret)
                    output.append(UInt8(ascii: "'"))
                } else {
                    output.append(UInt8(ascii: "'"))
                }
            default:
                if !ASCII.isForbiddenControl(byte) { output.append(byte) }
            }
        }
        if needsQuotes { output.append(ASCII.quote) }
    }
}
