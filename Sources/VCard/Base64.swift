/// Base64 (RFC 4648 §4; RFC 2045 §6.8) for inline PHOTO, LOGO, SOUND and KEY values and
/// `data:` URIs (RFC 2397); public for other codecs of the same values (an EAS contact Picture).
public enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// Each ASCII byte's 6-bit value, or 0xFF for bytes outside the alphabet.
    private static let values: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (index, byte) in alphabet.enumerated() { table[Int(byte)] = UInt8(index) }
        return table
    }()

    public static func encode(_ bytes: [UInt8]) -> String {
        var output: [UInt8] = []
        output.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index + 2 < bytes.count {
            let chunk = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2])
            output.append(alphabet[Int(chunk >> 18 & 0x3F)])
            output.append(alphabet[Int(chunk >> 12 & 0x3F)])
            output.append(alphabet[Int(chunk >> 6 & 0x3F)])
            output.append(alphabet[Int(chunk & 0x3F)])
            index += 3
        }
        let rest = bytes.count - index
        if rest > 0 {
            var chunk = UInt32(bytes[index]) << 16
            if rest == 2 { chunk |= UInt32(bytes[index + 1]) << 8 }
            output.append(alphabet[Int(chunk >> 18 & 0x3F)])
            output.append(alphabet[Int(chunk >> 12 & 0x3F)])
            output.append(rest == 2 ? alphabet[Int(chunk >> 6 & 0x3F)] : ASCII.equals)
            output.append(ASCII.equals)
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Decodes base64, skipping white space (folded and indented values) and accepting missing
    /// padding. Nil when a byte outside the alphabet appears, or data follows the padding.
    public static func decode(_ text: some StringProtocol) -> [UInt8]? {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count / 4 * 3)
        var accumulator: UInt32 = 0
        var count = 0
        var padding = 0
        for byte in text.utf8 {
            switch byte {
            case ASCII.space, ASCII.tab, ASCII.carriageReturn, ASCII.lineFeed:
                continue
            case ASCII.equals:
                padding += 1
                guard padding <= 2 else { return nil }
                continue
            default:
                let value = values[Int(byte)]
                guard value != 0xFF, padding == 0 else { return nil }
                accumulator = accumulator << 6 | UInt32(value)
                count += 1
                if count == 4 {
                    output.append(UInt8(accumulator >> 16 & 0xFF))
                    output.append(UInt8(accumulator >> 8 & 0xFF))
                    output.append(UInt8(accumulator & 0xFF))
                    accumulator = 0
                    count = 0
                }
            }
        }
        switch count {
        case 0: break
        case 2: output.append(UInt8(accumulator >> 4 & 0xFF))
        case 3:
            output.append(UInt8(accumulator >> 10 & 0xFF))
            output.append(UInt8(accumulator >> 2 & 0xFF))
        default: return nil
        }
        return output
    }
}
