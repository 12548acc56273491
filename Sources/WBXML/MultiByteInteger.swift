/// WBXML 1.3 §5.1 mb_u_int32: an unsigned 32-bit integer in big-endian groups of 7 bits, the high
/// bit of every byte but the last set. At most 5 bytes; a value above 2³²−1 is an overflow.
enum MultiByteInteger {
    /// The longest encoding of a 32-bit value.
    static let maxLength = 5

    enum Reading: Equatable {
        /// The value and how many bytes it took.
        case value(UInt32, length: Int)
        /// The bytes end before the integer does.
        case needMore
    }

    /// Reads the integer starting at `start`; throws `integerOverflow` (at `offset`) for more than
    /// 5 bytes or a value past 2³²−1.
    static func read(
        _ bytes: [UInt8], at start: Int, offset: Int
    ) throws(WBXMLError) -> Reading {
        var value: UInt64 = 0
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            value = value << 7 | UInt64(byte & 0x7F)
            index += 1
            if byte & 0x80 == 0 {
                guard value <= UInt64(UInt32.max) else { throw WBXMLError(.integerOverflow, at: offset) }
                return .value(UInt32(value), length: index - start)
            }
            if index - start == maxLength { throw WBXMLError(.integerOverflow, at: offset) }
        }
        return .needMore
    }

    /// Appends the shortest encoding of `value`.
    static func write(_ value: UInt32, to bytes: inout [UInt8]) {
        var shift = 28
        while shift > 0 && value >> UInt32(shift) == 0 { shift -= 7 }
        while shift > 0 {
            bytes.append(UInt8(truncatingIfNeeded: value >> UInt32(shift)) & 0x7F | 0x80)
            shift -= 7
        }
        bytes.append(UInt8(truncatingIfNeeded: value) & 0x7F)
    }
}
