import WBXML

/// SplitMix64: small, seeded, the same sequence on every platform.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Decoding outcomes, compared whole: the tree, or the error with its offset.
enum Outcome: Equatable {
    case tree(WBXMLElement)
    case failure(WBXMLError)

    init(_ body: () throws(WBXMLError) -> WBXMLElement) {
        do {
            self = .tree(try body())
        } catch {
            self = .failure(error)
        }
    }

    static func whole(_ bytes: [UInt8], limits: WBXMLLimits = .default) -> Outcome {
        Outcome { () throws(WBXMLError) in try WBXMLDecoder(limits: limits).decode(bytes) }
    }

    static func byteByByte(_ bytes: [UInt8], limits: WBXMLLimits = .default) -> Outcome {
        Outcome { () throws(WBXMLError) in
            var decoder = WBXMLDecoder(limits: limits)
            for byte in bytes { try decoder.feed(CollectionOfOne(byte)) }
            return try decoder.finish()
        }
    }

    /// Fed in chunks cut at random points (empty chunks included).
    static func randomSplits(
        _ bytes: [UInt8], limits: WBXMLLimits = .default, generator: inout SplitMix64
    ) -> Outcome {
        var cuts = (0..<Int.random(in: 0...8, using: &generator)).map { _ in
            Int.random(in: 0...bytes.count, using: &generator)
        }
        cuts.sort()
        return Outcome { () throws(WBXMLError) in
            var decoder = WBXMLDecoder(limits: limits)
            var start = 0
            for cut in cuts + [bytes.count] {
                try decoder.feed(bytes[start..<cut])
                start = cut
            }
            return try decoder.finish()
        }
    }
}
