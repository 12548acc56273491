import Foundation
import Testing
import VCard

struct VCardFilteringTests {
    @Test func keepsOnlyNamedPropertiesAndAlwaysBeginVersionEnd() throws {
        let card = try fixtureCard("apple-contact.vcf")
        let filtered = card.filtered(keeping: ["fn", "EMAIL", "Uid"])
        #expect(filtered.properties.map(\.name) == ["FN", "EMAIL", "EMAIL", "EMAIL", "UID"])
        let lines = filtered.serialized.components(separatedBy: "\r\n")
        #expect(
            lines == [
                "BEGIN:VCARD", "VERSION:3.0", "FN:Åsa Maria Lindqvist",
                "EMAIL;type=INTERNET;type=WORK;type=pref:asa@nordljus.example",
                "EMAIL;type=INTERNET;type=HOME:asa.lindqvist@example.net",
                "item1.EMAIL;type=INTERNET:asa@studio.example",
                "UID:5E3C1F0A-7B2D-4C8E-9A61-2F4D8B0C7E13", "END:VCARD", "",
            ])
        #expect(card.filtered(keeping: [String]()).serialized == "BEGIN:VCARD\r\nVERSION:3.0\r\nEND:VCARD\r\n")
        #expect(card.filtered(keeping: ["VERSION"]).properties.isEmpty)
    }

    @Test func noValueKeepsNameAndParameters() throws {
        let card = try fixtureCard("apple-large-photo.vcf")
        let filtered = card.filtered(keeping: [
            VCardPropertyRequest(name: "photo", noValue: true), VCardPropertyRequest(name: "FN"),
        ])
        #expect(
            filtered.serialized
                == "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zofia Kowalczyk\r\nPHOTO;ENCODING=b;TYPE=JPEG:\r\nEND:VCARD\r\n")
        // Asked for both with and without value, the value is sent.
        let both = card.filtered(keeping: [
            VCardPropertyRequest(name: "PHOTO", noValue: true), VCardPropertyRequest(name: "PHOTO"),
        ])
        #expect(both.photo == card.photo)
    }

    @Test func keepingEverythingIsTheSameCard() throws {
        let card = try fixtureCard("thunderbird.vcf")
        let names = Set(card.properties.map(\.name))
        let filtered = card.filtered(keeping: names)
        #expect(filtered.isVerbatim)
        #expect(filtered.serializedBytes == card.serializedBytes)
    }
}
