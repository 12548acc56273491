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

    /// Linear time, measured so that a loaded machine slows both runs alike: the input at full
    /// size parses in under 8× the time of a quarter of it (quadratic work would take 16×); the
    /// better of three runs each, plus 50 ms of slack for tiny timings.
    private func expectLinear(_ label: String, _ parse: (Int) -> Bool, size: Int) {
        let clock = ContinuousClock()
        func best(_ size: Int) -> Duration {
            (0..<3).map { _ in clock.measure { #expect(parse(size), "\(label) at \(size)") } }.min()!
        }
        let quarter = best(size / 4)
        let full = best(size)
        print("\(label): \(size / 4) in \(quarter), \(size) in \(full)")
        #expect(full < quarter * 8 + .milliseconds(50), "\(label): \(full) for \(size), \(quarter) for \(size / 4)")
    }

    @Test func oneMegabyteFoldedLineParsesInLinearTime() throws {
        expectLinear(
            "a value folded over lines",
            { blocks in
                let note = String(repeating: "0123456789abcdef", count: blocks)
                let text = VCard(
                    version: .v4,
                    properties: [VCardProperty(name: "FN", text: "x"), VCardProperty(name: "NOTE", text: note)]
                ).serialized
                return (try? VCard.parseSingle(text))?.text(of: "NOTE") == note
            }, size: 65_536)  // 1 MiB
    }

    @Test func oneMegabyteUnfoldedLineAndManyTinyFolds() throws {
        expectLinear(
            "one physical line",
            { bytes in
                let long =
                    "BEGIN:VCARD\r\nVERSION:4.0\r\nNOTE:" + String(repeating: "x", count: bytes) + "\r\nEND:VCARD\r\n"
                return (try? VCard.parseSingle(long))?.text(of: "NOTE")?.utf8.count == bytes
            }, size: 1_048_576)
        expectLinear(
            "one-byte folds",
            { folds in
                let text =
                    "BEGIN:VCARD\r\nVERSION:4.0\r\nNOTE:" + String(repeating: "\r\n y", count: folds)
                    + "\r\nEND:VCARD\r\n"
                return (try? VCard.parseSingle(text))?.text(of: "NOTE")?.utf8.count == folds
            }, size: 200_000)
    }

    @Test func hundredThousandShortLinesParseInLinearTime() throws {
        expectLinear(
            "short lines in many cards",
            { count in
                var lines: [String] = []
                lines.reserveCapacity(count * 5)
                for index in 0..<count {
                    lines += ["BEGIN:VCARD", "VERSION:3.0", "FN:Person \(index)", "UID:\(index)", "END:VCARD"]
                }
                let cards = (try? VCard.parseAll(crlf(lines))) ?? []
                return cards.count == count && cards.last?.formattedName == "Person \(count - 1)"
            }, size: 20_000)

        // And 100,000 properties in one card, past the default property limit.
        expectLinear(
            "properties in one card",
            { count in
                let many = crlf(["BEGIN:VCARD", "VERSION:4.0"] + (0..<count).map { "X-N:\($0)" } + ["END:VCARD"])
                return (try? VCard.parseSingle(many, limits: VCardLimits(maxPropertiesPerCard: count)))?.properties
                    .count == count
            }, size: 100_000)
        let many = crlf(["BEGIN:VCARD", "VERSION:4.0"] + (0..<100_000).map { "X-N:\($0)" } + ["END:VCARD"])
        #expect(throws: VCardError.limitExceeded(what: "properties in one vCard", limit: 10_000, line: 10_003)) {
            try VCard.parseSingle(many)
        }
    }
}
