import Testing

@testable import DAVXML

/// Random and mutated documents: the parser must return or throw `XMLError`, never trap or hang, and whatever
/// it accepts must survive a trip through `fragment` and through `XMLWriter`.
struct XMLDocumentFuzzTests {
    /// SplitMix64: small, seeded, the same sequence on every platform.
    private struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    private static let corpus: [[UInt8]] = [
        RFCBodies.propfindNamed, RFCBodies.propfindPropname, RFCBodies.propfindAllprop, RFCBodies.calendarQuery,
        RFCBodies.syncCollection,
        #"<a xmlns="urn:x" xmlns:p="urn:p" p:k="&amp;v" k='w'>t<![CDATA[<c>]]><p:b>é&#x263A;</p:b><!-- c --><?pi x?></a>"#,
    ].map { Array($0.utf8) }

    private static let tokens: [[UInt8]] = [
        "<", ">", "/>", "</", "&", "&amp;", "&#0;", "&#x110000;", "&#xD800;", "<![CDATA[", "]]>", "<!--", "-->", "<?",
        "?>", "xmlns:a=\"urn:a\"", "xmlns=\"\"", "a:", "xml:", "\"", "'", "=", "<!DOCTYPE", "<!ENTITY", "\u{FEFF}",
        "\u{0}", "\u{1}", "<a>", "</a>", "<b:c>", "encoding=\"UTF-16\"", "<?xml version=\"1.0\" encoding=\"latin1\"?>",
    ].map { Array($0.utf8) }

    private func mutate(_ bytes: [UInt8], with generator: inout Generator) -> [UInt8] {
        var bytes = bytes
        for _ in 0..<Int.random(in: 1...2, using: &generator) {
            let position = Int.random(in: 0...bytes.count, using: &generator)
            switch Int.random(in: 0..<6, using: &generator) {
            case 0 where position < bytes.count:
                bytes[position] = UInt8.random(in: 0...255, using: &generator)
            case 1:
                bytes.insert(UInt8.random(in: 0...255, using: &generator), at: position)
            case 2:
                let end = min(bytes.count, position + Int.random(in: 1...16, using: &generator))
                bytes.removeSubrange(position..<end)
            case 3:
                bytes.insert(contentsOf: Self.tokens.randomElement(using: &generator)!, at: position)
            case 4:
                let end = min(bytes.count, position + Int.random(in: 1...64, using: &generator))
                bytes.insert(contentsOf: bytes[position..<end], at: position)
            default:
                bytes.removeSubrange(position...)
            }
        }
        return bytes
    }

    @Test func randomAndMutatedDocumentsReturnOrThrow() throws {
        var generator = Generator(state: 0xA1_3A_AC)
        var accepted = 0
        var refused = 0
        for round in 0..<6_000 {
            let bytes: [UInt8]
            if round % 8 == 0 {
                bytes = (0..<Int.random(in: 0...256, using: &generator)).map { _ in
                    UInt8.random(in: 0...255, using: &generator)
                }
            } else {
                bytes = mutate(Self.corpus[round % Self.corpus.count], with: &generator)
            }
            let root: XMLElement
            do {
                root = try XMLDocument.parse(bytes)
            } catch {
                refused += 1
                continue
            }
            accepted += 1
            #expect(try XMLDocument.parse(root.fragment) == root, "fragment of \(bytes)")
            var writer = XMLWriter()
            writer.element(root)
            #expect(try XMLDocument.parse(writer.bytes) == root, "writer output of \(bytes)")
        }
        #expect(accepted > 200)
        #expect(refused > 200)
    }
}
