import Testing

@testable import WBXML

/// WBXML 1.3 §5.1 mb_u_int32: the examples of the specification, the bounds, and every refusal.
struct MultiByteIntegerTests {
    private func read(_ bytes: [UInt8]) throws(WBXMLError) -> MultiByteInteger.Reading {
        try MultiByteInteger.read(bytes, at: 0, offset: 7)
    }

    @Test func readsAndWritesTheBounds() throws {
        let cases: [(UInt32, [UInt8])] = [
            (0, [0x00]), (0x7F, [0x7F]), (0x80, [0x81, 0x00]),
            (0xA0, [0x81, 0x20]),  // WBXML 1.3 §5.1's example
            (0x3FFF, [0xFF, 0x7F]), (0x4000, [0x81, 0x80, 0x00]),
            (UInt32.max, [0x8F, 0xFF, 0xFF, 0xFF, 0x7F]),
        ]
        for (value, encoding) in cases {
            #expect(try read(encoding) == .value(value, length: encoding.count))
            var written: [UInt8] = []
            MultiByteInteger.write(value, to: &written)
            #expect(written == encoding)
        }
    }

    @Test func acceptsLeadingZeroGroupsUpToFiveBytes() throws {
        #expect(try read([0x80, 0x80, 0x80, 0x80, 0x05]) == .value(5, length: 5))
    }

    @Test func refusesOverflow() {
        #expect(throws: WBXMLError(.integerOverflow, at: 7)) { try read([0x80, 0x80, 0x80, 0x80, 0x80, 0x05]) }
        #expect(throws: WBXMLError(.integerOverflow, at: 7)) { try read([0x90, 0x80, 0x80, 0x80, 0x00]) }
        #expect(throws: WBXMLError(.integerOverflow, at: 7)) { try read([0xFF, 0xFF, 0xFF, 0xFF, 0x7F]) }
        #expect(throws: WBXMLError(.integerOverflow, at: 7)) { try read([0x80, 0x80, 0x80, 0x80, 0x80]) }
    }

    @Test func reportsIncompleteIntegers() throws {
        #expect(try read([]) == .needMore)
        #expect(try read([0x81]) == .needMore)
        #expect(try read([0x8F, 0xFF, 0xFF, 0xFF]) == .needMore)
    }
}
