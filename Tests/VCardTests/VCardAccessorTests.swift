import Testing
import VCard

struct VCardAccessorTests {
    @Test func appleContact() throws {
        let card = try fixtureCard("apple-contact.vcf")
        #expect(card.version == .v3)
        #expect(card.uid == "5E3C1F0A-7B2D-4C8E-9A61-2F4D8B0C7E13")
        #expect(card.formattedName == "Åsa Maria Lindqvist")
        #expect(card.name == VCardName(familyNames: ["Lindqvist"], givenNames: ["Åsa"], additionalNames: ["Maria"]))
        #expect(card.kind == .individual)
        #expect(!card.isGroup)
        #expect(card.organization == VCardOrganization(name: "Nordljus Design AB", units: ["Studio Söder"]))
        #expect(
            card.emails.map(\.value) == ["asa@nordljus.example", "asa.lindqvist@example.net", "asa@studio.example"])
        #expect(card.emails[0].types == ["internet", "work", "pref"])
        #expect(card.emails[0].isPreferred)
        #expect(!card.emails[1].isPreferred)
        #expect(card.emails[2].label == "Studio")
        #expect(card.emails[2].group == "item1")
        #expect(card.telephones.map(\.value) == ["+46 70 123 45 67", "+46 8 555 010 20"])
        #expect(card.telephones[0].preference == 1)
        let address = try #require(card.addresses.first)
        #expect(address.street == "Storgatan 12")
        #expect(address.locality == "Stockholm")
        #expect(address.postalCode == "111 23")
        #expect(address.country == "Sweden")
        #expect(address.types == ["work", "pref"])
        #expect(card.label(forGroup: "ITEM3") == "HomePage")
        #expect(card.birthday == VCardDate(year: 1984, month: 3, day: 9))
        #expect(card.text(of: "NOTE")?.hasPrefix("Prefers email, not calls.\nMet at Formex 2019 – ask") == true)
        #expect(card.categories == ["Work", "Design"])
        #expect(card.text(of: "X-ABUID") == "5E3C1F0A-7B2D-4C8E-9A61-2F4D8B0C7E13:ABPerson")
        guard case .inline(let data, let mediaType)? = card.photo else {
            Issue.record("no inline photo")
            return
        }
        #expect(mediaType == "image/jpeg")
        #expect(data.count == 1243)
        #expect(Array(data.prefix(3)) == [0xFF, 0xD8, 0xFF])
        #expect(Array(data.suffix(2)) == [0xFF, 0xD9])
    }

    @Test func appleGroupAndYearlessBirthdayAndLargePhoto() throws {
        let group = try fixtureCard("apple-group.vcf")
        #expect(group.kind == .group)
        #expect(group.isGroup)
        #expect(group.members.count == 3)
        #expect(group.members.first == "urn:uuid:5E3C1F0A-7B2D-4C8E-9A61-2F4D8B0C7E13")
        let zofia = try fixtureCard("apple-large-photo.vcf")
        #expect(zofia.birthday == VCardDate(month: 11, day: 2))
        guard case .inline(let data, "image/jpeg")? = zofia.photo else {
            Issue.record("no inline JPEG")
            return
        }
        #expect(data.count == 51_380)
        #expect(data.count > 48 * 1024)
        #expect(Array(data.suffix(2)) == [0xFF, 0xD9])
    }

    @Test func googleExport() throws {
        let cards = try VCard.parseAll(fixture("google-export.vcf"))
        #expect(cards.map(\.formattedName) == ["Marcus Oyelaran", "王秀英", "ليلى حداد"])
        #expect(cards.allSatisfy { $0.uid == nil })
        #expect(cards[0].telephones.map(\.label) == [nil, "Office reception"])
        #expect(cards[0].text(of: "URL") == "https://marcus.example.org/blog")
        #expect(cards[0].label(forGroup: "item2") == "blog")
        #expect(cards[0].categories == ["myContacts", "Running club"])
        #expect(cards[1].name?.familyNames == ["王"])
        #expect(cards[1].organization?.name == "上海星河贸易有限公司")
        #expect(cards[1].text(of: "X-PHONETIC-LAST-NAME") == "Wáng")
        #expect(
            cards[2].text(of: "NOTE") == "مهندسة معمارية في بيروت، تعمل على ترميم المباني التراثية. تفضّل الاتصال صباحاً."
        )
    }

    @Test func outlookQuotedPrintableAndLegacyCharsets() throws {
        let outlook21 = try fixtureCard("outlook-21.vcf")
        #expect(outlook21.version == .v21)
        #expect(outlook21.formattedName == "Jürgen Müller")
        #expect(outlook21.organization?.name == "Bäckerei Müller & Söhne GmbH")
        #expect(outlook21.addresses.first?.street == "Hauptstraße 5")
        #expect(outlook21.addresses.first?.locality == "München")
        #expect(outlook21.addresses.first?.types == ["work", "pref"])
        #expect(outlook21.addresses.first?.preference == 1)
        #expect(outlook21.text(of: "LABEL") == "Hauptstraße 5\n80331 München\nDeutschland")
        #expect(
            outlook21.text(of: "NOTE")
                == "Liefert jeden Dienstag – Brötchen und Brezen.\nRechnung per E-Mail, Beträge in €.")
        #expect(outlook21.telephones.map(\.types) == [["work", "voice"], ["cell", "voice"]])
        #expect(outlook21.emails.first?.isPreferred == true)
        let outlook30 = try fixtureCard("outlook-30.vcf")
        #expect(outlook30.name?.honorificPrefixes == ["Dr."])
        #expect(outlook30.addresses.first?.street == "Calle de Alcalá 48")
        #expect(outlook30.addresses.first?.country == "España")
        #expect(outlook30.text(of: "NOTE") == "Citas sólo por la mañana “nunca en agosto”.")
        #expect(outlook30.emails.first?.types == ["internet", "pref"])
        #expect(outlook30.text(of: "X-MS-ASSISTANT") == "Lucía Moreno")
        guard case .inline(let png, "image/png")? = outlook30.photo else {
            Issue.record("no PNG")
            return
        }
        #expect(Array(png.prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
    }

    @Test func thunderbird40() throws {
        let card = try fixtureCard("thunderbird.vcf")
        #expect(card.version == .v4)
        #expect(card.property(named: "NICKNAME")?.textList == ["Clo", "Cloclo"])
        #expect(card.emails.map(\.preference) == [1, nil])
        #expect(card.telephones.map(\.value) == ["+33 6 12 34 56 78", "+33-1-55-55-01-23"])
        let address = try #require(card.addresses.first)
        #expect(address.deliveryLabel == "Atelier Lefèvre\n12 rue des Lilas\n75011 Paris\nFrance")
        #expect(card.birthday == VCardDate(year: 1991, month: 7, day: 22))
        #expect(card.anniversary == VCardDate(month: 9, day: 14))
        #expect(
            card.text(of: "NOTE")
                == "Illustratrice, travaille surtout le week-end.\nAime les carnets \"Moleskine\"; préfère le papier 200 g."
        )
        #expect(card.property(named: "X-CUSTOM1")?.parameter("X-LABEL")?.value == "surnom \"atelier\"")
        guard case .inline(let png, "image/png")? = card.photo else {
            Issue.record("no PNG")
            return
        }
        #expect(png.count == 217)
    }

    @Test func davx5AndNextcloud() throws {
        let contact = try fixtureCard("davx5-contact.vcf")
        #expect(contact.categories == ["Family", "Hà Nội, Việt Nam"])
        #expect(contact.text(of: "NICKNAME") == "Khai 🌸")
        #expect(contact.birthday == VCardDate(month: 3, day: 8))
        #expect(contact.anniversary == VCardDate(year: 2015, month: 10, day: 10))
        #expect(contact.text(of: "X-SIP") == "sip:minhkhai@voip.example.vn")
        #expect(contact.telephones[1].types == ["work", "voice"])
        // The fold (CRLF + tab) is removed with its one tab: "prefers" and "Zalo" join.
        #expect(
            contact.text(of: "NOTE")
                == "Bún chả on Fridays 🍜. Allergic to peanuts – ask before ordering; prefersZalo over SMS.")
        let group = try fixtureCard("davx5-group.vcf")
        #expect(group.kind == .group)
        #expect(
            group.members == [
                "urn:uuid:8f2d0c7a-2e64-4b1f-9d35-6a0e4b7c1f92", "urn:uuid:3b9f4c1e-8d2a-4f57-b0c6-91e7a5d2c8f4",
            ])
        let nextcloud = try fixtureCard("nextcloud.vcf")
        #expect(nextcloud.formattedName == "Ingrid Søndergaard 🎻🎶")
        #expect(nextcloud.telephones.first?.types == ["home", "voice"])
        #expect(nextcloud.addresses.first?.street == "Nørrebrogade 44, 2. tv.")
        guard case .inline(let png, "image/png")? = nextcloud.photo else {
            Issue.record("no PNG")
            return
        }
        #expect(png.count == 170)
    }

    @Test func settersWriteEscapedValuesAndRemoveTransferEncodings() throws {
        var card = try fixtureCard("outlook-30.vcf")
        card.formattedName = "José Luis Fernández; DDS"
        card.name = VCardName(familyNames: ["Fernández", "García"], givenNames: ["José Luis"])
        card.organization = VCardOrganization(name: "Clínica, S.L.", units: ["Orto"])
        let addressIndex = try #require(card.properties.firstIndex { $0.name == "ADR" })
        card.properties[addressIndex].setComponents([
            [""], [""], ["Gran Vía 1", "3º"], ["Madrid"], [""], ["28013"], ["España"],
        ])
        let text = card.serialized
        #expect(text.contains("\r\nFN:José Luis Fernández\\; DDS\r\n"))
        #expect(text.contains("\r\nN:Fernández,García;José Luis;;;\r\n"))
        #expect(text.contains("\r\nORG:Clínica\\, S.L.;Orto\r\n"))
        #expect(text.contains("\r\nADR;TYPE=WORK:;;Gran Vía 1,3º;Madrid;;28013;España\r\n"))
        let again = try VCard.parseSingle(text)
        #expect(again.formattedName == "José Luis Fernández; DDS")
        #expect(again.addresses.first?.street == "Gran Vía 1,3º")
        card.uid = nil
        card.formattedName = nil
        #expect(card.uid == nil)
        #expect(card.property(named: "FN") == nil)
    }

    @Test func setPhotoWritesEachVersionsForm() throws {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00]
        var v3 = VCard(version: .v3, properties: [VCardProperty(name: "FN", text: "x")])
        v3.setPhoto(.inline(data: png, mediaType: "image/png"))
        #expect(v3.property(named: "PHOTO")?.contentLine(for: .v3) == "PHOTO;ENCODING=b;TYPE=PNG:iVBORw0KGgoA")
        var v4 = VCard(version: .v4, properties: [VCardProperty(name: "FN", text: "x")])
        v4.setPhoto(.inline(data: png, mediaType: "image/png"))
        #expect(v4.property(named: "PHOTO")?.value == "data:image/png;base64,iVBORw0KGgoA")
        v4.setPhoto(.uri("https://example.com/me.png"))
        #expect(v4.properties(named: "PHOTO").map(\.value) == ["https://example.com/me.png"])
        v3.setPhoto(.uri("https://example.com/me.png"))
        #expect(v3.property(named: "PHOTO")?.contentLine(for: .v3) == "PHOTO;VALUE=uri:https://example.com/me.png")
        #expect(try VCard.parseSingle(v3.serialized).photo == .uri("https://example.com/me.png"))
        v3.setPhoto(nil)
        #expect(v3.photo == nil)
    }
}
