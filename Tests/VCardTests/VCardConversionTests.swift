import Foundation
import Testing
import VCard

struct VCardConversionTests {
    @Test func appleContactTo40() throws {
        let card = try fixtureCard("apple-contact.vcf")
        let v4 = card.converted(to: .v4)
        #expect(v4.version == .v4)
        let lines = v4.serialized.components(separatedBy: "\r\n")
        #expect(Array(lines.prefix(2)) == ["BEGIN:VCARD", "VERSION:4.0"])
        #expect(lines.contains("EMAIL;TYPE=INTERNET;TYPE=WORK;PREF=1:asa@nordljus.example"))
        #expect(lines.contains("item2.ADR;TYPE=WORK;PREF=1:;;Storgatan 12;Stockholm;;111 23;Sweden"))
        #expect(lines.contains("BDAY;VALUE=date:19840309"))
        #expect(lines.contains { $0.hasPrefix("PHOTO:data:image/jpeg;base64,/9j/") })
        // Lines with no 4.0 counterpart are written as they were read.
        #expect(lines.contains("item3.X-ABLabel:_$!<HomePage>!$_"))
        #expect(lines.contains("X-ABUID:5E3C1F0A-7B2D-4C8E-9A61-2F4D8B0C7E13:ABPerson"))
        #expect(lines.contains("EMAIL;type=INTERNET;type=HOME:asa.lindqvist@example.net"))
        #expect(v4.photo == card.photo)
        #expect(v4.emails.map(\.preference) == [1, nil, nil])
    }

    @Test func appleGroupBecomesKindGroupAndBack() throws {
        let card = try fixtureCard("apple-group.vcf")
        let v4 = card.converted(to: .v4)
        let names: [String] = v4.properties.map(\.name)
        #expect(names.filter { $0 == "KIND" || $0 == "MEMBER" }.count == 4)
        #expect(v4.text(of: "KIND") == "group")
        #expect(v4.members == card.members)
        #expect(v4.property(named: "X-ADDRESSBOOKSERVER-KIND") == nil)
        let back = v4.converted(to: .v3)
        #expect(back.text(of: "X-ADDRESSBOOKSERVER-KIND") == "group")
        #expect(back.properties(named: "X-ADDRESSBOOKSERVER-MEMBER").count == 3)
        #expect(back.isGroup)
    }

    @Test func bothSpellingsOfKindAndMemberAreNotRepeated() throws {
        let card = try VCard.parseSingle(
            vcard(
                "3.0", "FN:g", "N:g;;;;", "KIND:group", "X-ADDRESSBOOKSERVER-KIND:group", "MEMBER:urn:uuid:1",
                "X-ADDRESSBOOKSERVER-MEMBER:urn:uuid:1", "X-ADDRESSBOOKSERVER-MEMBER:urn:uuid:2"))
        let v4 = card.converted(to: .v4)
        #expect(v4.properties(named: "KIND").map(\.value) == ["group"])
        #expect(v4.properties(named: "MEMBER").map(\.value) == ["urn:uuid:1", "urn:uuid:2"])
        let v3 = v4.converted(to: .v3)
        #expect(v3.properties(named: "X-ADDRESSBOOKSERVER-KIND").count == 1)
        #expect(v3.members == ["urn:uuid:1", "urn:uuid:2"])
    }

    @Test func kindGroupFrom40WithoutNGetsNAndAppleNames() throws {
        let card = try VCard.parseSingle(
            vcard(
                "4.0", "UID:urn:uuid:1", "KIND:group", "FN:Ski Trip",
                "MEMBER:urn:uuid:aaaaaaaa-0000-4000-8000-000000000001", "MEMBER:mailto:guest@example.com"))
        let v3 = card.converted(to: .v3)
        #expect(
            v3.serialized
                == vcard(
                    "3.0", "UID:urn:uuid:1", "X-ADDRESSBOOKSERVER-KIND:group", "FN:Ski Trip", "N:Ski Trip;;;;",
                    "X-ADDRESSBOOKSERVER-MEMBER:urn:uuid:aaaaaaaa-0000-4000-8000-000000000001",
                    "X-ADDRESSBOOKSERVER-MEMBER:mailto:guest@example.com"))
    }

    @Test func nAndFNAreSynthesisedWhenMissing() throws {
        let person = try VCard.parseSingle(vcard("4.0", "UID:1", "FN:María José Carreño Quiñones"))
        #expect(
            person.converted(to: .v3).name
                == VCardName(familyNames: ["Quiñones"], givenNames: ["María José Carreño"]))
        let single = try VCard.parseSingle(vcard("4.0", "UID:1", "FN:Prince"))
        #expect(single.converted(to: .v3).name == VCardName(familyNames: ["Prince"]))
        let noFN = try VCard.parseSingle(vcard("3.0", "UID:1", "N:Curie;Marie;Salomea;Mme;"))
        #expect(noFN.converted(to: .v4).formattedName == "Mme Marie Salomea Curie")
        let orgOnly = try VCard.parseSingle(vcard("4.0", "UID:1", "ORG:Acme;Sales"))
        let orgV3 = orgOnly.converted(to: .v3)
        #expect(orgV3.formattedName == "Acme")
        #expect(orgV3.properties.map(\.name) == ["FN", "N", "UID", "ORG"])
    }

    @Test(arguments: [
        ("BDAY:1985-04-15", "BDAY:19850415", "BDAY:1985-04-15"),
        ("BDAY:19850415", "BDAY:19850415", "BDAY:1985-04-15"),
        ("BDAY;X-APPLE-OMIT-YEAR=1604:1604-04-15", "BDAY:--0415", "BDAY;X-APPLE-OMIT-YEAR=1604:1604-04-15"),
        ("BDAY:--04-15", "BDAY:--0415", "BDAY;X-APPLE-OMIT-YEAR=1604:1604-04-15"),
        ("BDAY:1985-04-15T10:22:00Z", "BDAY:19850415T102200Z", "BDAY:1985-04-15T10:22:00Z"),
        ("BDAY:1985-04-15T10:22-05:00", "BDAY:19850415T1022-0500", "BDAY:1985-04-15T10:22-05:00"),
        ("X-ANNIVERSARY:2010-06-12", "ANNIVERSARY:20100612", "X-ANNIVERSARY:2010-06-12"),
        ("BDAY;VALUE=text:circa 1800", "BDAY;VALUE=text:circa 1800", "BDAY;VALUE=text:circa 1800"),
        ("BDAY:1985", "BDAY:1985", "BDAY:1985"),
    ])
    func dates(v3: String, v4: String, back: String) throws {
        let card = try VCard.parseSingle(vcard("3.0", "FN:x", "N:x;;;;", v3))
        let converted = card.converted(to: .v4)
        #expect(converted.properties.last?.contentLine(for: .v4) == v4)
        #expect(converted.converted(to: .v3).properties.last?.contentLine(for: .v3) == back)
    }

    @Test func labelPropertiesAndADRLabelParameter() throws {
        let card = try VCard.parseSingle(
            vcard(
                "3.0", "FN:x", "N:x;;;;", "ADR;TYPE=HOME:;;1 Elm St;Springfield;IL;62701;USA",
                "ADR;TYPE=WORK:;;9 Oak Ave;Chicago;IL;60601;USA", "LABEL;TYPE=WORK:9 Oak Ave\\nChicago IL 60601",
                "item1.ADR:;;Flat 2;Leeds;;LS1;UK", "item1.LABEL:Flat 2\\nLeeds LS1", "LABEL;TYPE=PARCEL:Nowhere"))
        let v4 = card.converted(to: .v4)
        #expect(v4.addresses.map(\.deliveryLabel) == [nil, "9 Oak Ave\nChicago IL 60601", "Flat 2\nLeeds LS1"])
        // A LABEL that matches no ADR has no 4.0 counterpart and stays.
        #expect(v4.properties(named: "LABEL").map(\.text) == ["Nowhere"])
        #expect(v4.serialized.contains("ADR;TYPE=WORK;LABEL=9 Oak Ave^nChicago IL 60601:;;9 Oak Ave;"))
        let back = v4.converted(to: .v3)
        #expect(back.properties(named: "ADR").allSatisfy { $0.parameter("LABEL") == nil })
        #expect(
            Set(back.properties(named: "LABEL").map(\.text)) == [
                "9 Oak Ave\nChicago IL 60601", "Flat 2\nLeeds LS1", "Nowhere",
            ])
        #expect(meanings(back) == meanings(card))
    }

    @Test func quotedPrintableAndCharsetAreDecodedAway() throws {
        let card = try fixtureCard("outlook-21.vcf")
        for target in [VCardVersion.v3, .v4] {
            let converted = card.converted(to: target)
            #expect(converted.version == target)
            let text = converted.serialized
            #expect(!text.contains("QUOTED-PRINTABLE"))
            #expect(!text.contains("CHARSET"))
            #expect(!text.contains("=0D=0A"))
            #expect(converted.formattedName == "Jürgen Müller")
            #expect(converted.text(of: "NOTE") == card.text(of: "NOTE"))
            #expect(converted.properties.allSatisfy { !$0.isVerbatim })
            // 2.1 bare parameters become TYPE=, and 2.1's unescaped commas are escaped.
            #expect(text.contains("\r\nTEL;TYPE=WORK;TYPE=VOICE:+49 89 5550 1234\r\n"))
            #expect(text.contains("Rechnung per E-Mail\\"))
            #expect(try VCard.parseSingle(text) == converted)
        }
        #expect(card.converted(to: .v4).addresses.first?.deliveryLabel == "Hauptstraße 5\n80331 München\nDeutschland")
        #expect(card.converted(to: .v3).properties(named: "EMAIL").first?.types == ["pref", "internet"])
    }

    @Test func photosBetweenBinaryAndDataURI() throws {
        let v4 = try fixtureCard("thunderbird.vcf")
        let v3 = v4.converted(to: .v3)
        let photo = try #require(v3.property(named: "PHOTO"))
        #expect(
            photo.parameters == [
                VCardParameter(name: "ENCODING", value: "b"), VCardParameter(name: "TYPE", value: "PNG"),
            ])
        #expect(v3.photo == v4.photo)
        let uri = try VCard.parseSingle(
            vcard("4.0", "FN:x", "LOGO:https://example.com/logo.svg", "SOUND:data:audio/ogg;base64,T2dnUw=="))
        let uriV3 = uri.converted(to: .v3)
        #expect(uriV3.property(named: "LOGO")?.contentLine(for: .v3) == "LOGO;VALUE=uri:https://example.com/logo.svg")
        #expect(uriV3.property(named: "SOUND")?.contentLine(for: .v3) == "SOUND;ENCODING=b;TYPE=OGG:T2dnUw==")
        let nextcloud = try fixtureCard("nextcloud.vcf").converted(to: .v4)
        #expect(nextcloud.property(named: "PHOTO")?.value.hasPrefix("data:image/png;base64,iVBOR") == true)
    }

    @Test func telephoneURIsGeoAndPreferences() throws {
        let card = try VCard.parseSingle(
            vcard(
                "4.0", "FN:x", "TEL;VALUE=uri;TYPE=work;PREF=1:tel:+1-555-555-0100;ext=42", "TEL;PREF=2:+1 555 0101",
                "GEO:geo:37.386013,-122.082932"))
        let v3 = card.converted(to: .v3)
        #expect(
            v3.properties(named: "TEL").map { $0.contentLine(for: .v3) } == [
                "TEL;TYPE=work,pref:+1-555-555-0100 x42", "TEL;PREF=2:+1 555 0101",
            ])
        #expect(v3.text(of: "GEO") == "37.386013;-122.082932")
        let v4 = v3.converted(to: .v4)
        #expect(v4.property(named: "GEO")?.value == "geo:37.386013,-122.082932")
        #expect(v4.telephones.map(\.preference) == [1, 2])
    }

    @Test func parametersWithCaretsAreRewrittenFor40() throws {
        // In 3.0 a caret is plain text; written verbatim into 4.0 it would read as an escape.
        let card = try VCard.parseSingle(vcard("3.0", "FN:x", "N:x;;;;", "X-THING;X-P=a^nb:v"))
        let v4 = card.converted(to: .v4)
        #expect(v4.property(named: "X-THING")?.isVerbatim == false)
        #expect(v4.serialized.contains("\r\nX-THING;X-P=a^^nb:v\r\n"))
        #expect(try VCard.parseSingle(v4.serialized).property(named: "X-THING")?.parameter("X-P")?.value == "a^nb")
    }

    @Test func sameVersionOr21TargetReturnsTheCard() throws {
        let card = try fixtureCard("apple-contact.vcf")
        #expect(card.converted(to: .v3).serializedBytes == card.serializedBytes)
        #expect(card.converted(to: .v21) == card)
    }
}
