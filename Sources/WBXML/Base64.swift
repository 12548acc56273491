/// RFC 4648 §4 base64, for opaque content in the XML form (WBXML must not depend on Foundation).
enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// Values of the alphabet's bytes; 0xFF for every other byte.
    private static let values: [UInt8] = {
        var values = [UInt8](repeating: 0xFF, count: 256)
        for (value, byte) in alphabet.enumerated() { values[Int(byte)] = UInt8(value) }
        return values
    }()

    static func encode(_ data: [UInt8], to output: inout [UInt8]) {
        var index = 0
        while index + 3 <= data.count {
            let group = UInt32(data[index]) << 16 | UInt32(data[index + 1]) << 8 | UInt32(data[index + 2])
            for shift in [18, 12, 6, 0] { output.append(alphabet[Int(group >> UInt32(shift) & 0x3F)]) }
            index += 3
        }
        let rest = data.count - index
        guard rest > 0 else { return }
        let group = UInt32(data[index]) << 16 | (rest == 2 ? UInt32(data[index + 1]) << 8 : 0)
        output.append(alphabet[Int(group >> 18 & 0x3F)])
        output.append(alphabet[Int(group >> 12 & 0x3F)])
        output.append(rest == 2 ? alphabet[Int(group >> 6 & 0x3F)] : UInt8(ascii: "="))
        output.append(UInt8(ascii: "="))
    }

    /// Decodes base64 text, skipping ASCII whitespace; nil when it is not canonical base64
    /// (other characters, a length that is not a multiple of 4, padding before the end, non-zero
    /// bits under the padding).
    static func decode(_ text: some Collection<UInt8>) -> [UInt8]? {
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        let symbols = text.filter { !isSpace($0) }
        guard symbols.count % 4 == 0 else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(symbols.count / 4 * 3)
        var index = 0
        while index < symbols.count {
            let isLast = index + 4 == symbols.count
            let padding =
                isLast && symbols[index + 3] == UInt8(ascii: "=")
                ? (symbols[index + 2] == UInt8(ascii: "=") ? 2 : 1) : 0
            var group: UInt32 = 0
            for offset in 0..<4 {
                let value = offset >= 4 - padding ? 0 : values[Int(symbols[index + offset])]
                guard value != 0xFF else { return nil }
                group = group << 6 | UInt32(value)
            }
            if padding == 2 && group & 0xFFFF != 0 || padding == 1 && group & 0xFF != 0 { return nil }
            output.append(UInt8(truncatingIfNeeded: group >> 16))
            if padding < 2 { output.append(UInt8(truncatingIfNeeded: group >> 8)) }
            if padding < 1 { output.append(UInt8(truncatingIfNeeded: group)) }
            index += 4
        }
        return output
    }
}
