import Testing
import VCard

/// Randomised robustness: corpus cards with bytes flipped, inserted, deleted, truncated and
/// duplicated must each parse or throw a ``VCardError``; never trap, never hang. What parses
/// must also survive everything else the target does with a card.
struct VCardMutationTests {
    /// SplitMix64: a small seeded generator, so a failure reproduces.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Bytes that matter to the grammar, more likely to hit an edge than a random byte.
    static let interesting: [UInt8] = Array("\r\n :;,=.\"\\^\t".utf8) + [0x00, 0x7F, 0xC3, 0xA9, 0xFF, 0xF0, 0x80]

    static func mutate(_ input: [UInt8], using generator: inout SeededGenerator) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...4, using: &generator) {
            guard !bytes.isEmpty else { break }
            let position = Int.random(in: 0..<bytes.count, using: &generator)
            switch Int.random(in: 0..<6, using: &generator) {
            case 0:
                bytes[position] ^= UInt8(1) << UInt8.random(in: 0..<8, using: &generator)
            case 1:
                let byte =
                    Bool.random(using: &generator)
                    ? interesting.randomElement(using: &generator) ?? 0 : UInt8.random(in: 0...255, using: &generator)
                bytes.insert(byte, at: position)
            case 2:
                let count = min(Int.random(in: 1...16, using: &generator), bytes.count - position)
                bytes.removeSubrange(position..<(position + count))
            case 3:
                bytes.removeSubrange(position...)
            case 4:
                let count = min(Int.random(in: 1...64, using: &generator), bytes.count - position)
                bytes.insert(contentsOf: bytes[position..<(position + count)], at: position)
            default:
                bytes[position] = interesting.randomElement(using: &generator) ?? 0
            }
        }
        return bytes
    }

    @Test func twentyThousandMutationsParseOrThrowTypedErrors() throws {
        // The 70 KB photo card is left out: the others cover its syntax at a tenth of the time.
        let corpus = try fixtureNames.filter { $0 != "apple-large-photo.vcf" }.map(fixture)
        var generator = SeededGenerator(state: 0x5EED_CA4D)
        var parsed = 0
        var refused = 0
        for _ in 0..<20_000 {
            let source = corpus[Int.random(in: 0..<corpus.count, using: &generator)]
            let input = Self.mutate(source, using: &generator)
            do {
                let cards = try VCard.parseAll(input)
                parsed += 1
                for card in cards { try Self.exercise(card) }
            } catch {
                refused += 1
                #expect(!error.description.isEmpty)
                if let line = error.line { #expect(line >= 1 && line <= input.count + 1) }
            }
        }
        print("mutations: \(parsed) parsed, \(refused) refused with a VCardError")
        #expect(parsed + refused == 20_000)
        #expect(parsed > 1_000)
        #expect(refused > 1_000)
    }

    /// Every accessor, both conversions, validation and filtering; the written forms must
    /// parse again.
    static func exercise(_ card: VCard) throws(VCardError) {
        _ = (card.uid, card.formattedName, card.name, card.kind, card.members, card.emails, card.telephones)
        _ = (card.addresses, card.organization, card.photo, card.birthday, card.anniversary, card.categories)
        for property in card.properties {
            _ = (property.text, property.textList, property.components, property.fields, property.binary)
            _ = (property.types, property.preference)
        }
        try? card.validateForCardDAV()
        _ = card.filtered(keeping: ["FN", "EMAIL"])
        let reparsed = try VCard.parseSingle(card.serializedBytes)
        #expect(reparsed.properties.count == card.properties.count)
        for target in [VCardVersion.v3, .v4] {
            let converted = card.converted(to: target)
            _ = try VCard.parseSingle(converted.serializedBytes)
        }
    }
}
