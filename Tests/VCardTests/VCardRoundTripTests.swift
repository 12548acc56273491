import Foundation
import Testing
import VCard

struct VCardRoundTripTests {
    /// Fixtures whose every line is UTF-8: parse then serialise gives the input back byte for
    /// byte, line ends made CRLF (google-export.vcf has bare LF).
    static let utf8Fixtures = fixtureNames.filter { $0 != "outlook-21.vcf" }

    @Test(arguments: utf8Fixtures)
    func unmodifiedCardsComeBackIdentical(name: String) throws {
        let input = try fixture(name)
        let cards = try VCard.parseAll(input)
        #expect(!cards.isEmpty)
        #expect(cards.allSatisfy { $0.isVerbatim })
        #expect(Array(VCard.serialize(cards).utf8) == withCRLF(input))
        if cards.count == 1 { #expect(cards[0].serializedBytes == withCRLF(input)) }
    }

    @Test func everyFixtureIsInTheList() throws {
        for name in fixtureNames {
            let bytes = try fixture(name)
            #expect(!bytes.isEmpty, "\(name)")
        }
    }

    @Test func legacyCharsetLinesAreRewrittenAndTheRestKept() throws {
        let input = try fixture("outlook-21.vcf")
        let card = try VCard.parseSingle(input)
        let rewritten = card.properties.filter { !$0.isVerbatim }.map(\.name)
        #expect(rewritten == ["N", "FN", "ORG"])
        let expected = String(decoding: input, as: UTF8.self).components(separatedBy: "\r\n").map { line in
            switch line.prefix(3) {
            case "N;L": "N;LANGUAGE=de-de:Müller;Jürgen"
            case "FN;": "FN:Jürgen Müller"
            case "ORG": "ORG:Bäckerei Müller & Söhne GmbH"
            default: line
            }
        }
        #expect(card.serialized == expected.joined(separator: "\r\n"))
    }

    @Test func changingOnePropertyRewritesOnlyThatLine() throws {
        let input = try fixture("apple-contact.vcf")
        var card = try VCard.parseSingle(input)
        let index = try #require(card.properties.firstIndex { $0.name == "TITLE" })
        card.properties[index].setText("Creative Director, Partner")
        #expect(!card.isVerbatim)
        let before = String(decoding: input, as: UTF8.self).components(separatedBy: "\r\n")
        let after = card.serialized.components(separatedBy: "\r\n")
        #expect(after.count == before.count)
        let changed = zip(before, after).filter { $0 != $1 }
        #expect(changed.count == 1)
        #expect(changed.first?.1 == "TITLE:Creative Director\\, Partner")
    }

    @Test func settingAnEqualValueThroughAccessorsKeepsTheCardVerbatim() throws {
        var card = try fixtureCard("thunderbird.vcf")
        card.formattedName = "Chloé Dubois-Lefèvre"
        card.uid = "3b9f4c1e-8d2a-4f57-b0c6-91e7a5d2c8f4"
        #expect(card.isVerbatim)
        card.formattedName = "Chloé Lefèvre"
        #expect(!card.isVerbatim)
        #expect(card.serialized.contains("\r\nFN:Chloé Lefèvre\r\n"))
    }

    @Test func builtCardsSerialiseInOrderWithVersionFirst() throws {
        var card = VCard(version: .v4)
        card.uid = "urn:uuid:0b3c4a12-9c1e-4f35-9a7e-1f2d3c4b5a69"
        card.formattedName = "Ada Lovelace"
        card.name = VCardName(familyNames: ["Lovelace"], givenNames: ["Ada"], honorificPrefixes: ["Countess"])
        card.properties.append(
            VCardProperty(
                name: "EMAIL", parameters: [VCardParameter(name: "PREF", value: "1")], value: "ada@example.org"))
        #expect(
            card.serialized
                == crlf([
                    "BEGIN:VCARD", "VERSION:4.0", "UID:urn:uuid:0b3c4a12-9c1e-4f35-9a7e-1f2d3c4b5a69",
                    "FN:Ada Lovelace",
                    "N:Lovelace;Ada;;Countess;", "EMAIL;PREF=1:ada@example.org", "END:VCARD",
                ]))
        #expect(try VCard.parseSingle(card.serialized) == card)
    }

    /// 3.0 → 4.0 → 3.0, through the written text at each step, keeps what every 3.0 card in
    /// the corpus says.
    @Test(arguments: [
        "apple-contact.vcf", "apple-group.vcf", "apple-large-photo.vcf", "davx5-contact.vcf", "google-export.vcf",
        "nextcloud.vcf", "outlook-30.vcf",
    ])
    func v3ToV4ToV3KeepsMeaning(name: String) throws {
        for card in try VCard.parseAll(fixture(name)) {
            #expect(card.version == .v3)
            let v4 = try VCard.parseSingle(card.converted(to: .v4).serialized)
            #expect(v4.version == .v4)
            let back = try VCard.parseSingle(v4.converted(to: .v3).serialized)
            #expect(back.version == .v3)
            #expect(meanings(back) == meanings(card), "\(name): \(card.formattedName ?? "")")
        }
    }

    /// 4.0 → 3.0 → 4.0, through the written text, keeps what the 4.0 cards say, except what
    /// 3.0 cannot write (a double quote in a parameter value).
    @Test(arguments: ["davx5-group.vcf", "thunderbird.vcf"])
    func v4ToV3ToV4KeepsMeaning(name: String) throws {
        let card = try fixtureCard(name)
        let v3 = try VCard.parseSingle(card.converted(to: .v3).serialized)
        let back = try VCard.parseSingle(v3.converted(to: .v4).serialized)
        let custom = "X-CUSTOM1"
        #expect(meanings(back).filter { $0.key.name != custom } == meanings(card).filter { $0.key.name != custom })
        if name == "thunderbird.vcf" {
            // 3.0 has no way to write a double quote in a parameter: it becomes an apostrophe.
            #expect(card.property(named: custom)?.parameter("X-LABEL")?.value == "surnom \"atelier\"")
            #expect(back.property(named: custom)?.parameter("X-LABEL")?.value == "surnom 'atelier'")
            #expect(back.text(of: custom) == "La Lilas")
        }
    }
}
