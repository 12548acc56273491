/// Quoted-printable decoding (RFC 2045 §6.7), for vCard 2.1 values and 3.0 values from
/// older clients that say `ENCODING=QUOTED-PRINTABLE`.
enum QuotedPrintable {
    /// Decodes `=XX` octets (either case of hex digit) and drops soft line breaks (`=` before
    /// a line break, rule 5). An `=` not followed by two hex digits is kept as written, the
    /// robust reading that §6.7 recommends for malformed input.
    static func decode(_ text: some StringProtocol) -> [UInt8] {
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == ASCII.equals else {
                output.append(byte)
                index += 1
                continue
            }
            if index + 2 < bytes.count, let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) {
                output.append(high << 4 | low)
                index += 3
            } else if index + 1 < bytes.count, bytes[index + 1] == ASCII.lineFeed {
                index += 2
            } else if index + 2 < bytes.count, bytes[index + 1] == ASCII.carriageReturn,
                bytes[index + 2] == ASCII.lineFeed
            {
                index += 3
            } else {
                output.append(byte)
                index += 1
            }
        }
        return output
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }
}
