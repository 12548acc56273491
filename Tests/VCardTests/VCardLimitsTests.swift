import Testing
import VCard

struct VCardLimitsTests {
    @Test func eachLimitIsEnforcedWithATypedError() {
        let card = vcard("4.0", "FN:x", "TEL;TYPE=a,b,c;PREF=1:1", "NOTE:" + String(repeating: "n", count: 200))
        #expect(throws: VCardError.tooLarge(bytes: card.utf8.count, limit: 100)) {
            try VCard.parseSingle(card, limits: VCardLimits(maxBytes: 100))
        }
        #expect(throws: VCardError.limitExceeded(what: "bytes in one content line", limit: 100, line: 5)) {
            try VCard.parseSingle(card, limits: VCardLimits(maxLineBytes: 100))
        }
        #expect(throws: VCardError.limitExceeded(what: "lines", limit: 3, line: 4)) {
            try VCard.parseSingle(card, limits: VCardLimits(maxLines: 3))
        }
        #expect(throws: VCardError.limitExceeded(what: "properties in one vCard", limit: 1, line: 4)) {
            try VCard.parseSingle(card, limits: VCardLimits(maxPropertiesPerCard: 1))
        }
        #expect(throws: VCardError.limitExceeded(what: "parameters on one property", limit: 1, line: 4)) {
            try VCard.parseSingle(card, limits: VCardLimits(maxParametersPerProperty: 1))
        }
        #expect(throws: VCardError.limitExceeded(what: "values of one parameter", limit: 2, line: 4)) {
            try VCard.parseSingle(card, limits: VCardLimits(maxValuesPerParameter: 2))
        }
        #expect(throws: VCardError.limitExceeded(what: "vCards", limit: 1, line: 7)) {
            try VCard.parseAll(card + card, limits: VCardLimits(maxCards: 1))
        }
        #expect(throws: Never.self) { try VCard.parseAll(card + card, limits: VCardLimits(maxCards: 2)) }
    }

    @Test func nestingOfInlineAgentCardsIsBounded() throws {
        func nested(_ depth: Int) -> String {
            var lines = ["BEGIN:VCARD", "VERSION:2.1", "N:Level;1"]
            for level in 2...max(depth, 2) where depth >= 2 {
                lines += ["AGENT:", "BEGIN:VCARD", "VERSION:2.1", "N:Level;\(level)"]
            }
            lines += Array(repeating: "END:VCARD", count: max(depth, 1))
            return crlf(lines)
        }
        #expect(throws: Never.self) { try VCard.parseSingle(nested(3)) }
        #expect(throws: VCardError.limitExceeded(what: "levels of BEGIN:VCARD nesting", limit: 3, line: 13)) {
            try VCard.parseSingle(nested(4))
        }
        #expect(throws: VCardError.limitExceeded(what: "levels of BEGIN:VCARD nesting", limit: 1, line: 5)) {
            try VCard.parseSingle(nested(2), limits: VCardLimits(maxNesting: 1))
        }
        // Deep nesting costs a bounded amount of work and then throws.
        #expect(throws: VCardError.limitExceeded(what: "levels of BEGIN:VCARD nesting", limit: 3, line: 13)) {
            try VCard.parseSingle(nested(10_000))
        }
    }

    @Test func oneMegabyteFoldedLineParsesInLinearTime() throws {
        let note = String(repeating: "0123456789abcdef", count: 65_536)  // 1 MiB
        let text = VCard(
            version: .v4, properties: [VCardProperty(name: "FN", text: "x"), VCardProperty(name: "NOTE", text: note)]
        ).serialized
        #expect(text.utf8.count > 1_048_576)
        let clock = ContinuousClock()
        var card: VCard?
        let elapsed = clock.measure { card = try? VCard.parseSingle(text) }
        print("1 MiB value folded over \(text.utf8.count / 76) lines: parsed in \(elapsed)")
        #expect(card?.text(of: "NOTE") == note)
        #expect(elapsed < .seconds(2))
    }

    @Test func oneMegabyteUnfoldedLineAndManyTinyFolds() throws {
        let long =
            "BEGIN:VCARD\r\nVERSION:4.0\r\nNOTE:" + String(repeating: "x", count: 1_048_576) + "\r\nEND:VCARD\r\n"
        let folds =
            "BEGIN:VCARD\r\nVERSION:4.0\r\nNOTE:" + String(repeating: "\r\n y", count: 200_000) + "\r\nEND:VCARD\r\n"
        let clock = ContinuousClock()
        var lengths: [Int] = []
        let elapsed = clock.measure {
            for text in [long, folds] {
                lengths.append((try? VCard.parseSingle(text))?.text(of: "NOTE")?.utf8.count ?? -1)
            }
        }
        print("1 MiB physical line + 200,000 one-byte folds: parsed in \(elapsed)")
        #expect(lengths == [1_048_576, 200_000])
        #expect(elapsed < .seconds(4))
    }

    @Test func hundredThousandShortLinesParseInLinearTime() throws {
        var lines: [String] = []
        lines.reserveCapacity(100_000)
        for index in 0..<20_000 {
            lines += ["BEGIN:VCARD", "VERSION:3.0", "FN:Person \(index)", "UID:\(index)", "END:VCARD"]
        }
        let text = crlf(lines)
        let clock = ContinuousClock()
        var cards: [VCard] = []
        let elapsed = clock.measure { cards = (try? VCard.parseAll(text)) ?? [] }
        print("100,000 lines in 20,000 cards: parsed in \(elapsed)")
        #expect(cards.count == 20_000)
        #expect(cards.last?.formattedName == "Person 19999")
        #expect(elapsed < .seconds(2))

        // And 100,000 properties in one card, past the default property limit.
        let many = crlf(["BEGIN:VCARD", "VERSION:4.0"] + (0..<100_000).map { "X-N:\($0)" } + ["END:VCARD"])
        var single: VCard?
        let singleElapsed = clock.measure {
            single = try? VCard.parseSingle(many, limits: VCardLimits(maxPropertiesPerCard: 100_000))
        }
        print("100,000 properties in one card: parsed in \(singleElapsed)")
        #expect(single?.properties.count == 100_000)
        #expect(singleElapsed < .seconds(2))
        #expect(throws: VCardError.limitExceeded(what: "properties in one vCard", limit: 10_000, line: 10_003)) {
            try VCard.parseSingle(many)
        }
    }
}
