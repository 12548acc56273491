import Testing
import WBXML

/// 20,000 mutations of the corpus bodies (fixed seed): each decodes or throws `WBXMLError`, never
/// traps or hangs; fed in random chunks it gives the same outcome; whatever decodes survives a
/// trip through the encoder and through the XML form.
struct WBXMLDecoderFuzzTests {
    /// Bytes that matter to the decoder, to splice in.
    private static let tokens: [[UInt8]] = [
        [0x00], [0x01], [0x02], [0x03], [0x04], [0x00, 0x11], [0x00, 0x1A], [0x00, 0xFF], [0x83, 0x00],
        [0xC3, 0x05], [0xC3, 0x8F, 0xFF, 0xFF, 0xFF, 0x7F], [0xC3, 0x81, 0x80, 0x80, 0x80, 0x80, 0x00], [0x45],
        [0x85], [0xC5], [0x40], [0x43], [0xFF], [0x03, 0xC3, 0x28, 0x00], [0x03, 0x01, 0x6A, 0x00],
    ]

    private func mutate(_ bytes: [UInt8], with generator: inout SplitMix64) -> [UInt8] {
        var bytes = bytes
        for _ in 0..<Int.random(in: 1...3, using: &generator) {
            let position = Int.random(in: 0...bytes.count, using: &generator)
            switch Int.random(in: 0..<6, using: &generator) {
            case 0 where position < bytes.count:
                bytes[position] = UInt8.random(in: 0...255, using: &generator)
            case 1:
                bytes.insert(UInt8.random(in: 0...255, using: &generator), at: position)
            case 2:
                let end = min(bytes.count, position + Int.random(in: 1...8, using: &generator))
                bytes.removeSubrange(position..<end)
            case 3:
                bytes.insert(contentsOf: Self.tokens.randomElement(using: &generator)!, at: position)
            case 4:
                let end = min(bytes.count, position + Int.random(in: 1...32, using: &generator))
                bytes.insert(contentsOf: bytes[position..<end], at: position)
            default:
                bytes.removeSubrange(position...)
            }
        }
        return bytes
    }

    @Test func mutatedCorpusBodiesDecodeOrThrow() throws {
        let corpus = try WBXMLCorpusTests.bodies() + AnnotatedBodies.all.map(\.bytes)
        var generator = SplitMix64(state: 0xA1_3A_AC)
        var decoded = 0
        var refused: [String: Int] = [:]
        for round in 0..<20_000 {
            let bytes = mutate(corpus[round % corpus.count], with: &generator)
            let whole = Outcome.whole(bytes)
            switch whole {
            case .tree(let tree):
                decoded += 1
                let encoded = try WBXMLEncoder().encode(tree)
                #expect(try WBXMLDecoder().decode(encoded) == tree)
                #expect(try WBXMLXMLReader().read(tree.xml()) == tree)
            case .failure(let error):
                refused["\(error.reason)".prefix { $0 != "(" }.description, default: 0] += 1
                #expect(error.offset.map { (0...bytes.count).contains($0) } == true)
            }
            if round % 10 == 0 {
                #expect(Outcome.randomSplits(bytes, generator: &generator) == whole)
            }
            if round % 100 == 0 {
                #expect(Outcome.byteByByte(bytes) == whole)
            }
        }
        // The run exercised both sides: some mutations still decode, and many kinds of fault occur.
        #expect(decoded > 100)
        #expect(refused.count >= 10, "\(refused)")
    }

    @Test func randomBytesAfterAValidHeaderDecodeOrThrow() {
        var generator = SplitMix64(state: 42)
        for _ in 0..<5_000 {
            let count = Int.random(in: 0...64, using: &generator)
            let body = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let bytes = AnnotatedBodies.header + body
            #expect(Outcome.randomSplits(bytes, generator: &generator) == Outcome.whole(bytes))
        }
    }
}
