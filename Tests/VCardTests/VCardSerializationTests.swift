import Foundation
import Testing
import VCard

struct VCardSerializationTests {
    @Test func foldsAt75OctetsWithoutSplittingUTF8() throws {
        // "NOTE:" is 5 octets; each "é" is 2 and each "🎻" is 4, so naive cuts would split them.
        let text =
            String(repeating: "é", count: 40) + String(repeating: "🎻", count: 30) + String(repeating: "a", count: 100)
        let card = VCard(version: .v4, properties: [VCardProperty(name: "NOTE", text: text)])
        let output = card.serialized
        let lines = output.components(separatedBy: "\r\n").dropLast()
        #expect(lines.allSatisfy { $0.utf8.count <= 75 })
        #expect(lines.filter { $0.hasPrefix(" ") }.count >= 4)
        // Every physical line is valid UTF-8 by itself: no sequence was cut.
        for line in lines { #expect(String(validating: Array(line.utf8), as: UTF8.self) != nil) }
        #expect(lines[2] == "NOTE:" + String(repeating: "é", count: 35))
        #expect(try VCard.parseSingle(output).text(of: "NOTE") == text)
        #expect(output.hasSuffix("END:VCARD\r\n"))
        #expect(hasOnlyCRLF(output))
    }

    @Test func foldNeverEndsAPhysicalLineWithAnEqualsSign() throws {
        // A quoted-printable value kept as written: a physical line ending in "=" would read
        // back as a soft line break.
        let value = String(repeating: "=C3=A9", count: 30)
        var property = VCardProperty(
            name: "NOTE",
            parameters: [
                VCardParameter(name: "ENCODING", value: "QUOTED-PRINTABLE"),
                VCardParameter(name: "CHARSET", value: "UTF-8"),
            ], value: value)
        property.group = "a"
        let card = VCard(version: .v3, properties: [VCardProperty(name: "FN", text: "x"), property])
        let lines = card.serialized.components(separatedBy: "\r\n")
        #expect(lines.allSatisfy { !$0.hasSuffix("=") })
        #expect(try VCard.parseSingle(card.serialized).text(of: "NOTE") == String(repeating: "é", count: 30))
    }

    @Test func textEscapingIsTheSameInBothVersions() throws {
        for version in [VCardVersion.v3, .v4] {
            let card = VCard(version: version, properties: [VCardProperty(name: "NOTE", text: "a\\b,c;d\ne\r\nf")])
            #expect(card.serialized.contains("\r\nNOTE:a\\\\b\\,c\\;d\\ne\\nf\r\n"))
            #expect(try VCard.parseSingle(card.serialized).text(of: "NOTE") == "a\\b,c;d\ne\nf")
        }
    }

    @Test func parameterValuesAreQuotedAndEscapedPerVersion() throws {
        let property = VCardProperty(
            name: "ADR",
            parameters: [
                VCardParameter(name: "LABEL", value: "Line 1\nLine \"2\"; ^caret"),
                VCardParameter(name: "TYPE", values: ["home", "x:y"]),
            ],
            components: [[""], [""], ["1 Main St"], ["Town"], [""], [""], [""]])
        #expect(
            property.contentLine(for: .v4)
                == "ADR;LABEL=\"Line 1^nLine ^'2^'; ^^caret\";TYPE=home,\"x:y\":;;1 Main St;Town;;;")
        #expect(
            property.contentLine(for: .v3)
                == "ADR;LABEL=\"Line 1 Line '2'; ^caret\";TYPE=home,\"x:y\":;;1 Main St;Town;;;")
        let v4 = try VCard.parseSingle(VCard(version: .v4, properties: [property]).serialized)
        #expect(v4.properties == [property])
    }

    @Test func rawValuesWithLineBreaksOrControlsStillWriteOneLine() throws {
        let property = VCardProperty(group: "g 1", name: "x-raw value", value: "a\r\nb\u{0}c\u{7F}d")
        #expect(property.contentLine(for: .v4) == "g1.X-RAWVALUE:a\\nbcd")
        let card = VCard(version: .v4, properties: [property])
        #expect(try VCard.parseSingle(card.serialized).properties.count == 1)
    }

    @Test func streamsWriteCardsOneAfterAnother() throws {
        let cards = try VCard.parseAll(fixture("google-export.vcf"))
        let text = VCard.serialize(cards)
        #expect(text.components(separatedBy: "BEGIN:VCARD").count == 4)
        #expect(try VCard.parseAll(text) == cards)
    }
}
