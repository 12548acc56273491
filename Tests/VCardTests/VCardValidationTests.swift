import Testing
import VCard

struct VCardValidationTests {
    @Test(arguments: [
        ("", VCardError.empty),
        ("\r\n\r\n", .empty),
        ("FN:x\r\n", .expectedBegin(line: 1)),
        ("\u{89}PNG\r\n\u{1A}\n", .expectedBegin(line: 1)),
        ("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", .expectedBegin(line: 1)),
        ("END:VCARD\r\n", .unexpectedEnd(line: 1)),
        ("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:x\r\n", .unclosed(line: 1)),
        ("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:x\r\nBEGIN:VCARD\r\nVERSION:4.0\r\nEND:VCARD\r\n", .nestedBegin(line: 4)),
        ("BEGIN:VCARD\r\nFN:x\r\nEND:VCARD\r\n", .missingVersion(line: 1)),
        ("BEGIN:VCARD\r\nVERSION:5.0\r\nEND:VCARD\r\n", .unsupportedVersion("5.0", line: 2)),
        ("BEGIN:VCARD\r\nVERSION:3.0\r\nVERSION:4.0\r\nEND:VCARD\r\n", .duplicateProperty("VERSION", line: 3)),
        (
            "BEGIN:VCARD\r\nVERSION:4.0\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:4.0\r\nEND:VCARD\r\n",
            .multipleCards(line: 4)
        ),
        (
            "BEGIN:VCARD\r\nVERSION:4.0\r\nEND:VCARD\r\nFN:stray\r\n",
            .malformed(line: 4, reason: "content after END:VCARD")
        ),
        (
            "BEGIN:VCARD\r\nVERSION:4.0\r\nno colon here\r\nEND:VCARD\r\n",
            .malformed(line: 3, reason: "unexpected \" \" in the name or parameters of NO")
        ),
        (
            "BEGIN:VCARD\r\nVERSION:4.0\r\nFN\r\nEND:VCARD\r\n",
            .malformed(line: 3, reason: "FN has no \":\" before its value")
        ),
        (
            "BEGIN:VCARD\r\nVERSION:4.0\r\nFNé:x\r\nEND:VCARD\r\n",
            .malformed(line: 3, reason: "unexpected byte 0xC3 in the name or parameters of FN")
        ),
        (
            "BEGIN:VCARD\r\nVERSION:4.0\r\n:x\r\nEND:VCARD\r\n",
            .malformed(line: 3, reason: "a content line must start with a property name")
        ),
        (
            "BEGIN:VCARD\r\nVERSION:4.0\r\nitem1.:x\r\nEND:VCARD\r\n",
            .malformed(line: 3, reason: "no property name after the group \"item1\"")
        ),
        (
            "BEGIN:VCARD\r\nVERSION:4.0\r\nTEL;;TYPE=x:1\r\nEND:VCARD\r\n",
            .malformed(line: 3, reason: "an empty parameter name in TEL")
        ),
        (
            "BEGIN:VCARD\r\nVERSION:4.0\r\nTEL;TYPE=\"x:1\r\nEND:VCARD\r\n",
            .malformed(line: 3, reason: "unterminated quoted value of TYPE in TEL")
        ),
        (
            "BEGIN:VCARD\r\nVERSION:4.0\r\nTEL;TYPE=\"x\"y:1\r\nEND:VCARD\r\n",
            .malformed(line: 3, reason: "text after the quoted value of TYPE in TEL")
        ),
        ("BEGIN:VCARD\r\nVERSION:4.0\r\nNOTE:a\u{0}b\r\nEND:VCARD\r\n", .controlCharacter(0, line: 3)),
        (" BEGIN:VCARD\r\n", .malformed(line: 1, reason: "a continuation line with no line to continue")),
        (
            "BEGIN:VCARD\r\nVERSION:4.0\r\nEND:VCALENDAR\r\n",
            .malformed(line: 3, reason: "END:VCALENDAR inside a vCard")
        ),
    ])
    func structuralErrors(text: String, error: VCardError) {
        #expect(throws: error) { try VCard.parseSingle(text) }
    }

    @Test func invalidUTF8WithoutCharsetIsRefused() {
        let bytes = Array("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:M".utf8) + [0xFC] + Array("ller\r\nEND:VCARD\r\n".utf8)
        #expect(throws: VCardError.invalidUTF8(line: 3)) { try VCard.parseSingle(bytes) }
        let parameter = Array("BEGIN:VCARD\r\nVERSION:3.0\r\nFN;X-A=".utf8) + [0xFF] + Array(":x\r\nEND:VCARD\r\n".utf8)
        #expect(throws: VCardError.invalidUTF8(line: 3)) { try VCard.parseSingle(parameter) }
    }

    @Test func cardDAVNeedsVersion3Or4FNAndOneUID() throws {
        try VCard.parseSingle(vcard("3.0", "FN:x", "UID:1")).validateForCardDAV()
        try VCard.parseSingle(vcard("4.0", "UID:urn:uuid:1", "FN:x")).validateForCardDAV()
        #expect(throws: VCardError.missingProperty("FN", line: 1)) {
            try VCard.parseSingle(vcard("4.0", "UID:1", "N:x;;;;")).validateForCardDAV()
        }
        #expect(throws: VCardError.missingProperty("UID", line: 1)) {
            try VCard.parseForCardDAV(Array(vcard("3.0", "FN:x").utf8))
        }
        #expect(throws: VCardError.missingProperty("UID", line: 4)) {
            try VCard.parseSingle(vcard("3.0", "FN:x", "UID: ")).validateForCardDAV()
        }
        #expect(throws: VCardError.duplicateProperty("UID", line: 5)) {
            try VCard.parseSingle(vcard("3.0", "FN:x", "UID:1", "UID:2")).validateForCardDAV()
        }
        // 2.1 parses, so an import may take it, but is flagged for CardDAV.
        let legacy = try fixtureCard("outlook-21.vcf")
        #expect(legacy.version == .v21)
        #expect(throws: VCardError.unsupportedVersion("2.1", line: 2)) { try legacy.validateForCardDAV() }
        // Google's export has no UID.
        #expect(throws: VCardError.missingProperty("UID", line: 1)) {
            try fixtureCard("google-export.vcf").validateForCardDAV()
        }
    }

    @Test func errorsRenderAndMapToCardDAVPreconditions() {
        #expect(VCardError.missingProperty("UID", line: 7).description == "line 7: the vCard has no UID")
        #expect(
            VCardError.controlCharacter(0x1B, line: 2).description == "line 2: control character U+001B is not allowed")
        #expect(
            VCardError.tooLarge(bytes: 20, limit: 10).description == "vCard data of 20 bytes exceeds the limit of 10")
        #expect(VCardError.missingProperty("FN", line: 0).description == "the vCard has no FN")
        #expect(VCardError.missingProperty("FN", line: 0).line == nil)
        #expect(VCardError.unsupportedVersion("2.1", line: 2).cardDAVPrecondition == .supportedAddressData)
        #expect(VCardError.tooLarge(bytes: 20, limit: 10).cardDAVPrecondition == .maxResourceSize)
        #expect(VCardError.multipleCards(line: 9).cardDAVPrecondition == .validAddressData)
        #expect(CardDAVPrecondition.validAddressData.rawValue == "valid-address-data")
    }

    @Test func everyFixtureParsesAsOneResourceOrAStream() throws {
        for name in fixtureNames where name != "google-export.vcf" {
            #expect(throws: Never.self) { try VCard.parseSingle(fixture(name)) }
        }
        #expect(throws: VCardError.multipleCards(line: 16)) { try VCard.parseSingle(fixture("google-export.vcf")) }
        #expect(try VCard.parseAll(fixture("google-export.vcf")).count == 3)
    }
}
