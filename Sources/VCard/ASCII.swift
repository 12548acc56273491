/// Byte constants and ASCII helpers shared by the reader and the writer.
enum ASCII {
    static let tab: UInt8 = 0x09
    static let lineFeed: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let quote: UInt8 = 0x22
    static let comma: UInt8 = 0x2C
    static let hyphen: UInt8 = 0x2D
    static let period: UInt8 = 0x2E
    static let colon: UInt8 = 0x3A
    static let semicolon: UInt8 = 0x3B
    static let equals: UInt8 = 0x3D
    static let backslash: UInt8 = 0x5C
    static let caret: UInt8 = 0x5E
    static let underscore: UInt8 = 0x5F
    static let delete: UInt8 = 0x7F

    /// Name characters (RFC 6350 §3.3: ALPHA / DIGIT / "-"); "_" is accepted too, as some
    /// exporters write it in X- names.
    static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
            || byte == hyphen || byte == underscore
    }

    /// RFC 6350 §3.3 VALUE-CHAR excludes every control except HTAB.
    static func isForbiddenControl(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != tab) || byte == delete
    }

    static func uppercased(_ byte: UInt8) -> UInt8 {
        byte >= 0x61 && byte <= 0x7A ? byte - 0x20 : byte
    }

    /// Whether `bytes[range]` equals the upper-case ASCII `word`, ignoring case.
    static func equalsIgnoringCase(_ bytes: [UInt8], _ range: Range<Int>, _ word: StaticString) -> Bool {
        guard range.count == word.utf8CodeUnitCount else { return false }
        return word.withUTF8Buffer { expected in
            var index = range.lowerBound
            for byte in expected {
                guard uppercased(bytes[index]) == byte else { return false }
                index += 1
            }
            return true
        }
    }

    /// The ASCII string `bytes[range]`, upper-cased; only called on name bytes.
    static func upperString(_ bytes: [UInt8], _ range: Range<Int>) -> String {
        String(decoding: bytes[range].lazy.map(uppercased), as: UTF8.self)
    }

    /// Whether `haystack` contains the upper-case ASCII `needle`, ignoring case.
    static func contains(_ haystack: ArraySlice<UInt8>, ignoringCase needle: StaticString) -> Bool {
        needle.withUTF8Buffer { wanted in
            guard let first = wanted.first, haystack.count >= wanted.count else { return false }
            var start = haystack.startIndex
            let last = haystack.endIndex - wanted.count
            while start <= last {
                if uppercased(haystack[start]) == first {
                    var offset = 1
                    while offset < wanted.count, uppercased(haystack[start + offset]) == wanted[offset] { offset += 1 }
                    if offset == wanted.count { return true }
                }
                start += 1
            }
            return false
        }
    }
}
