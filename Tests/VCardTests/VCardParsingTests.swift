import Testing
import VCard

struct VCardParsingTests {
    @Test func unfoldsCRLFBareLFAndTabContinuations() throws {
        let text = "BEGIN:VCARD\nVERSION:4.0\r\nFN:Jane\r\n  Doe\nNOTE:one\r\n\ttwo\r\n three\nUID:1\r\nEND:VCARD\n"
        let card = try VCard.parseSingle(text)
        #expect(card.formattedName == "Jane Doe")
        #expect(card.text(of: "NOTE") == "onetwothree")
        #expect(card.uid == "1")
        #expect(card.version == .v4)
    }

    @Test func foldInsideAUTF8SequenceIsJoinedBack() throws {
        // "é" is C3 A9; the fold puts its two bytes on different physical lines.
        var bytes = Array("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Caf".utf8) + [0xC3, 0x0D, 0x0A, 0x20, 0xA9]
        bytes += Array("\r\nEND:VCARD\r\n".utf8)
        let card = try VCard.parseSingle(bytes)
        #expect(card.formattedName == "Café")
        // The physical lines are not UTF-8 on their own, so the property is rewritten.
        #expect(card.serialized.contains("FN:Café\r\n"))
    }

    @Test func parametersQuotedUnquotedAndRepeated() throws {
        let card = try VCard.parseSingle(
            vcard(
                "4.0", "FN:x",
                "TEL;TYPE=work,voice;TYPE=\"cell\";PREF=1;X-NOTE=\"a;b:c,d\":+1 555 0100",
                "EMAIL;type=\"home,internet\":a@example.com"))
        let tel = try #require(card.property(named: "tel"))
        #expect(tel.types == ["work", "voice", "cell"])
        #expect(tel.parameterValues("TYPE") == ["work", "voice", "cell"])
        #expect(tel.parameter("x-note")?.values == ["a;b:c,d"])
        #expect(tel.preference == 1)
        #expect(tel.isPreferred)
        #expect(tel.value == "+1 555 0100")
        #expect(card.property(named: "EMAIL")?.types == ["home", "internet"])
        #expect(card.property(named: "EMAIL")?.parameters.first?.values == ["home,internet"])
    }

    @Test func caretEscapesAreRFC6868In40Only() throws {
        let parameter = "ADR;LABEL=\"1 Main St^nSpringfield ^'East^' ^^ ^x\":;;1 Main St;Springfield;;;"
        let v4 = try VCard.parseSingle(vcard("4.0", "FN:x", parameter))
        #expect(v4.addresses.first?.deliveryLabel == "1 Main St\nSpringfield \"East\" ^ ^x")
        let v3 = try VCard.parseSingle(vcard("3.0", "FN:x", parameter))
        #expect(v3.property(named: "ADR")?.parameter("LABEL")?.value == "1 Main St^nSpringfield ^'East^' ^^ ^x")
    }

    @Test func bare21ParametersReadAsTypesAndEncodings() throws {
        let card = try VCard.parseSingle(
            vcard(
                "2.1", "N:Doe;Jane", "TEL;WORK;VOICE;PREF:+1 555 0100",
                "NOTE;QUOTED-PRINTABLE;CHARSET=ISO-8859-1:Caf=E9", "PHOTO;URL:https://example.com/p.jpg"))
        let tel = try #require(card.property(named: "TEL"))
        #expect(tel.parameters.map(\.name) == ["TYPE", "TYPE", "TYPE"])
        #expect(tel.types == ["work", "voice", "pref"])
        #expect(tel.isPreferred)
        #expect(card.property(named: "NOTE")?.parameter("ENCODING")?.value == "QUOTED-PRINTABLE")
        #expect(card.text(of: "NOTE") == "Café")
        #expect(card.property(named: "PHOTO")?.valueType == "url")
        #expect(card.photo == .uri("https://example.com/p.jpg"))
        #expect(card.version == .v21)
    }

    @Test func groupsKeepTheirSpellingAndLabelsResolve() throws {
        let card = try VCard.parseSingle(
            vcard(
                "3.0", "FN:x", "item1.EMAIL;type=INTERNET:a@example.com", "ITEM1.X-ABLabel:_$!<Other>!$_",
                "item2.TEL:+1 555 0100", "item2.X-ABLABEL:Boat"))
        #expect(card.properties[1].group == "item1")
        #expect(card.properties[1].name == "EMAIL")
        #expect(card.properties[2].name == "X-ABLABEL")
        #expect(
            card.emails == [
                VCardLabeledValue(value: "a@example.com", types: ["internet"], label: "Other", group: "item1")
            ])
        #expect(card.telephones.first?.label == "Boat")
    }

    @Test func structuredValuesAndEscapes() throws {
        let card = try VCard.parseSingle(
            vcard(
                "3.0", "FN:x", "N:O\\;Brien;Seán;Q.,R.;Dr.;",
                "ADR;TYPE=home:;Apt 4\\, rear;12 Main St\\nBuilding B;Cork;;T12;Ireland",
                "ORG:Acme\\, Inc.;R&D\\; Labs;Team, A", "NOTE:a\\\\b\\,c\\;d\\ne\\Nf\\:g\\xh",
                "CATEGORIES:one,two\\,three,four"))
        let name = try #require(card.name)
        #expect(name.familyNames == ["O;Brien"])
        #expect(name.givenNames == ["Seán"])
        #expect(name.additionalNames == ["Q.", "R."])
        #expect(name.honorificPrefixes == ["Dr."])
        #expect(name.honorificSuffixes == [])
        let address = try #require(card.addresses.first)
        #expect(address.extendedAddress == "Apt 4, rear")
        #expect(address.street == "12 Main St\nBuilding B")
        #expect(address.country == "Ireland")
        #expect(address.types == ["home"])
        #expect(card.organization == VCardOrganization(name: "Acme, Inc.", units: ["R&D; Labs", "Team, A"]))
        #expect(card.text(of: "NOTE") == "a\\b,c;d\ne\nf:g\\xh")
        #expect(card.categories == ["one", "two,three", "four"])
        #expect(card.property(named: "N")?.components.count == 5)
    }

    @Test func quotedPrintableSoftBreaksAndCharsets() throws {
        let text = crlf([
            "BEGIN:VCARD", "VERSION:2.1", "N:x",
            "NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=Windows-1252:=93Quoted=94 =80 5=0D=0A=",
            "second line=",
            " with a space",
            "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:J=C3=B6rg",
            "TITLE;ENCODING=QUOTED-PRINTABLE;CHARSET=ISO-8859-15:=A4 and =BD",
            "ROLE;ENCODING=QUOTED-PRINTABLE:ends with a stray =",
            "END:VCARD",
        ])
        let card = try VCard.parseSingle(text)
        #expect(card.text(of: "NOTE") == "\u{201C}Quoted\u{201D} € 5\nsecond line with a space")
        #expect(card.formattedName == "Jörg")
        #expect(card.text(of: "TITLE") == "€ and œ")
        // A soft break before END:VCARD is not followed: the card still closes.
        #expect(card.text(of: "ROLE") == "ends with a stray =")
        #expect(card.serialized == text)
    }

    @Test func rawLegacyBytesAreDecodedThroughCharset() throws {
        var bytes = Array("BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=ISO-8859-1:M".utf8) + [0xFC]
        bytes += Array("ller\r\nFN;CHARSET=Windows-1252:".utf8) + [0x93, 0x4A, 0x94] + Array("\r\nEND:VCARD\r\n".utf8)
        let card = try VCard.parseSingle(bytes)
        #expect(card.name?.familyNames == ["Müller"])
        #expect(card.formattedName == "\u{201C}J\u{201D}")
        // Decoded to Unicode, the CHARSET label is gone and the line is rewritten in UTF-8.
        #expect(card.property(named: "N")?.parameter("CHARSET") == nil)
        #expect(card.property(named: "N")?.isVerbatim == false)
        #expect(card.serialized.contains("N:Müller\r\n"))
    }

    @Test func base64AndDataURIPhotos() throws {
        let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46]
        let v3 = try VCard.parseSingle(vcard("3.0", "FN:x", "PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkY="))
        #expect(v3.photo == .inline(data: jpeg, mediaType: "image/jpeg"))
        let v3Base64 = try VCard.parseSingle(vcard("3.0", "FN:x", "PHOTO;ENCODING=BASE64:/9j/4AAQ", " SkY="))
        #expect(v3Base64.photo == .inline(data: jpeg, mediaType: "image/jpeg"))
        let v4 = try VCard.parseSingle(vcard("4.0", "FN:x", "PHOTO:data:image/jpeg;base64,/9j/4AAQSkY="))
        #expect(v4.photo == .inline(data: jpeg, mediaType: "image/jpeg"))
        let percent = try VCard.parseSingle(vcard("4.0", "FN:x", "LOGO:data:text/plain,a%20b"))
        #expect(percent.property(named: "LOGO")?.binary == .inline(data: Array("a b".utf8), mediaType: "text/plain"))
        let uri = try VCard.parseSingle(vcard("3.0", "FN:x", "PHOTO;VALUE=uri:https://example.com/a.png"))
        #expect(uri.photo == .uri("https://example.com/a.png"))
        let broken = try VCard.parseSingle(vcard("3.0", "FN:x", "PHOTO;ENCODING=b:not*base64"))
        #expect(broken.photo == nil)
    }

    @Test func agentCardWrittenInlineIn21IsTheAgentsValue() throws {
        let card = try fixtureCard("agent-21.vcf")
        let agent = try #require(card.property(named: "AGENT"))
        #expect(
            agent.text == "BEGIN:VCARD\nVERSION:2.1\nN:Vogel;Paul\nFN:Paul Vogel\nTEL;WORK:+49 30 555 0101\nEND:VCARD")
        #expect(card.properties.map(\.name) == ["N", "FN", "TEL", "AGENT", "EMAIL"])
        #expect(card.emails.first?.value == "greta.hartmann@example.de")
        // A 3.0 AGENT holds its card as escaped text on one line: a value, not nesting.
        let v3 = try VCard.parseSingle(vcard("3.0", "FN:x", "AGENT:BEGIN:VCARD\\nFN:Joe\\nEND:VCARD"))
        #expect(v3.text(of: "AGENT") == "BEGIN:VCARD\nFN:Joe\nEND:VCARD")
    }

    @Test func streamsSkipBlankLinesAndByteOrderMark() throws {
        let text = "\u{FEFF}\r\n" + vcard("3.0", "FN:A", "UID:a") + "\r\n\r\n" + vcard("4.0", "FN:B", "UID:b") + "\r\n"
        let cards = try VCard.parseAll(text)
        #expect(cards.map(\.formattedName) == ["A", "B"])
        #expect(cards.map(\.line) == [2, 9])
        #expect(try VCard.parseAll("").isEmpty)
        #expect(try VCard.parseAll("\r\n \r\n").isEmpty)
    }

    @Test func namesAreCaseInsensitiveAndStoredUppercased() throws {
        let card = try VCard.parseSingle(
            "begin:vcard\r\nversion:3.0\r\nfn:Low Case\r\nx-Custom;x-p=1:v\r\nend:VCard\r\n")
        #expect(card.formattedName == "Low Case")
        #expect(card.properties.map(\.name) == ["FN", "X-CUSTOM"])
        #expect(card.property(named: "x-custom")?.parameter("X-P")?.values == ["1"])
        #expect(card.serialized == "begin:vcard\r\nversion:3.0\r\nfn:Low Case\r\nx-Custom;x-p=1:v\r\nend:VCard\r\n")
    }
}
