import Foundation
import Testing
import VCard
import WBXML

@testable import Conversions

/// Bad stored text and bad client values give ``ConversionError``s naming them; nothing traps.
struct ContactErrorTests {
    let converter = ContactConverter(makeUID: { fixedUID })

    @Test func unreadableStoredCards() throws {
        for stored in ["", "not a card", "BEGIN:VCARD\r\nFN:x\r\n", "BEGIN:VCARD\r\nVERSION:9.9\r\nEND:VCARD\r\n"] {
            #expect(throws: ConversionError.self) {
                try converter.applicationData(from: Array(stored.utf8), context: plainContext())
            }
            do {
                _ = try converter.merge([], into: Array(stored.utf8), context: plainContext())
                Issue.record("merged into \(stored.debugDescription)")
            } catch {
                guard case .unreadableStoredItem(let reason) = error else {
                    Issue.record("\(error)")
                    continue
                }
                #expect(!reason.isEmpty)
            }
        }
    }

    @Test func badClientValues() throws {
        let cases: [(WBXMLElement, ConversionError)] = [
            (
                field("Contacts", "Birthday", "17/05/1980"),
                .invalidField(name: "Birthday", value: "17/05/1980")
            ),
            (
                field("Contacts", "Anniversary", "2023-02-29T00:00:00.000Z"),
                .invalidField(name: "Anniversary", value: "2023-02-29T00:00:00.000Z")
            ),
            (
                field("Contacts", "Picture", "not base64!"),
                .invalidField(name: "Picture", value: "not base64!")
            ),
            (field("Contacts", "Picture", "===="), .invalidField(name: "Picture", value: "====")),
        ]
        for (element, expected) in cases {
            #expect(throws: expected) { try converter.merge([element], into: nil, context: plainContext()) }
            #expect(throws: expected) {
                try converter.merge([element], into: try golden("contacts/apple-ios.vcf"), context: plainContext())
            }
        }
        let container = WBXMLElement("Contacts", "FirstName", children: [field("Contacts", "LastName", "x")])
        #expect(throws: ConversionError.invalidField(name: "FirstName", value: "<elements>")) {
            try converter.merge([container], into: nil, context: plainContext())
        }
    }

    @Test func oversizedValuesAreTooLarge() throws {
        let small = ContactConverter(
            limits: ContactLimits(maxPictureBytes: 1000, maxFieldBytes: 100, maxListItems: 3, maxCardBytes: 5000),
            makeUID: { fixedUID })
        let picture = Data(repeating: 0x42, count: 1001).base64EncodedString()
        let categories = WBXMLElement(
            "Contacts", "Categories", children: (1...4).map { field("Contacts", "Category", "c\($0)") })
        let oversized: [[WBXMLElement]] = [
            [field("Contacts", "Picture", picture)],
            [field("Contacts", "Picture", String(repeating: "QUJD", count: 10_000))],
            [field("Contacts", "FirstName", String(repeating: "é", count: 51))],
            [categories],
            [plainBody(String(repeating: "x", count: 6000))],
        ]
        for fields in oversized {
            #expect {
                try small.merge(fields, into: nil, context: plainContext())
            } throws: { error in
                guard case .tooLarge = error as? ConversionError else { return false }
                return true
            }
        }
        #expect(throws: ConversionError.self) {
            try small.applicationData(from: Array(repeating: 0x41, count: 5001), context: plainContext())
        }
    }

    /// Random fields with random values, into nothing and into every golden card: each merge either
    /// gives a card that parses and converts back, or a typed error. Never a trap.
    @Test func randomGarbageFieldsGiveCardsOrTypedErrors() throws {
        var generator = SeededGenerator(state: 0xBAD_F00D)
        let names = ContactFieldTable.rows.map(\.element) + [.contacts("Alias"), .contacts2("Nonsense")]
        let stored: [[UInt8]?] = [nil] + (try ContactGoldenTests.cards.map { try golden("contacts/\($0).vcf") })
        var merged = 0
        var refused = 0
        for round in 0..<3_000 {
            var fields: [WBXMLElement] = []
            for _ in 0..<Int.random(in: 0...12, using: &generator) {
                let element = names.randomElement(using: &generator)!
                fields.append(Self.garbage(for: element, using: &generator))
            }
            let target = stored[round % stored.count]
            let supported: Set<String>? =
                Bool.random(using: &generator)
                ? nil : Set(names.filter { _ in Bool.random(using: &generator) }.map(\.description))
            let result: ConvertedItem
            do {
                result = try converter.merge(fields, into: target, context: plainContext(supported: supported))
            } catch {
                refused += 1
                continue
            }
            // What was merged must be a card Almanac reads again.
            let card = try VCard.parseSingle(result.body)
            #expect(!result.uid.isEmpty || target != nil)
            _ = try converter.applicationData(from: card.serializedBytes, context: plainContext())
            merged += 1
        }
        #expect(merged > 1_000)
        #expect(refused > 50)
    }

    /// A card at the parser's property limit, every property a candidate for some field, converts
    /// and merges in work linear in its size.
    @Test func aCardOfTenThousandPropertiesConverts() throws {
        var lines = ["BEGIN:VCARD", "VERSION:3.0", "FN:Many", "N:Many;;;;", "UID:many"]
        let kinds = [
            "TEL;TYPE=CELL:+1 555 %d", "EMAIL:%d@example.org", "X-CHILD:Child %d", "CATEGORIES:c%d",
            "item%d.X-ABRELATEDNAMES:Friend", "item%d.X-ABLabel:_$!<Child>!$_", "ADR;TYPE=WORK:;;%d Main St;;;;",
            "IMPP:xmpp:%d@example.org",
        ]
        for index in 0..<9_990 {
            lines.append(kinds[index % kinds.count].replacingOccurrences(of: "%d", with: String(index / kinds.count)))
        }
        lines.append("END:VCARD")
        let stored = Array((lines.joined(separator: "\r\n") + "\r\n").utf8)
        let fields = try converter.applicationData(from: stored, context: plainContext())
        #expect(text(fields, "MobilePhoneNumber") == "+1 555 0")
        // MS-ASCNTC 2.2.2.20, 2.2.2.22: at most 300 children and categories are sent.
        #expect(fields.first { $0.name == "Children" }?.children.count == 300)
        #expect(fields.first { $0.name == "Categories" }?.children.count == 300)
        #expect(try converter.merge(fields, into: stored, context: plainContext()).body == stored)
        let cleared = try converter.merge([field("Contacts", "FileAs", "Many")], into: stored, context: plainContext())
        #expect(try VCard.parseSingle(cleared.body).properties.count < 9_000)
    }

    static func garbage(for element: EASElement, using generator: inout SeededGenerator) -> WBXMLElement {
        let alphabet = Array("aé;,:\\\n\r\t\"<>&=^ 0123456789-TZ.+/🌸\u{0}\u{1F}\u{7F}")
        func randomText() -> String {
            switch Int.random(in: 0..<8, using: &generator) {
            case 0: return ""
            case 1: return String(repeating: "x", count: Int.random(in: 0...40_000, using: &generator))
            case 2:
                return Data(
                    (0..<Int.random(in: 1...300, using: &generator)).map { _ in
                        UInt8.random(in: 0...255, using: &generator)
                    }
                ).base64EncodedString()
            case 3:
                return [
                    "1980-05-17T00:00:00.000Z", "19800517T000000Z", "1980-02-30", "9999-12-31T23:59:59Z", "0000-01-01",
                ]
                .randomElement(using: &generator)!
            default:
                return String(
                    (0..<Int.random(in: 1...60, using: &generator)).map { _ in
                        alphabet.randomElement(using: &generator)!
                    })
            }
        }
        switch Int.random(in: 0..<10, using: &generator) {
        case 0: return WBXMLElement(element.namespace, element.name)
        case 1: return WBXMLElement(element.namespace, element.name, .opaque(Array(randomText().utf8)))
        case 2:
            let items = (0..<Int.random(in: 0...5, using: &generator)).map { _ in
                WBXMLElement(
                    element.namespace, ["Category", "Child", "Data", "Type"].randomElement(using: &generator)!,
                    text: randomText())
            }
            return WBXMLElement(element.namespace, element.name, children: items)
        default: return WBXMLElement(element.namespace, element.name, text: randomText())
        }
    }
}
