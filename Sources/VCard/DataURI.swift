/// `data:` URIs (RFC 2397), how 4.0 carries inline PHOTO, LOGO, SOUND and KEY data
/// (RFC 6350 §6.2.4): `data:[<mediatype>][;base64],<data>`.
enum DataURI {
    /// The bytes and media type of a `data:` URI; nil when it is not one or does not decode.
    static func parse(_ text: some StringProtocol) -> (data: [UInt8], mediaType: String?)? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 5, ASCII.equalsIgnoringCase(bytes, 0..<5, "DATA:"),
            let comma = bytes[5...].firstIndex(of: ASCII.comma)
        else { return nil }
        let header = String(decoding: bytes[5..<comma], as: UTF8.self)
        var parts = header.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
        let isBase64 = parts.count > 1 && parts.last?.lowercased() == "base64"
        if isBase64 { parts.removeLast() }
        let mediaType = parts.first.flatMap { $0.contains("/") ? $0.lowercased() : nil }
        let payload = percentDecoded(bytes[(comma + 1)...])
        if isBase64 {
            guard let data = Base64.decode(String(decoding: payload, as: UTF8.self)) else { return nil }
            return (data, mediaType)
        }
        return (payload, mediaType)
    }

    /// `data:<mediaType>;base64,<data>`.
    static func make(data: [UInt8], mediaType: String?) -> String {
        "data:" + (mediaType ?? "application/octet-stream") + ";base64," + Base64.encode(data)
    }

    private static func percentDecoded(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        guard bytes.contains(UInt8(ascii: "%")) else { return Array(bytes) }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.endIndex,
                let high = hex(bytes[index + 1]), let low = hex(bytes[index + 2])
            {
                output.append(high << 4 | low)
                index += 3
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return output
    }

    private static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }
}
