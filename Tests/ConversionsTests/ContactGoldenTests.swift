import Testing
import VCard
import WBXML

@testable import Conversions

/// Golden pairs under Golden/contacts/: `NAME.vcf`, a card as a client or a CardDAV export writes
/// it, and `NAME.16.1.xml`, the ApplicationData children Almanac sends for it at 16.1, in the compact
/// XML form.
/// Both ways: the card gives the XML, and the XML merged back into the card leaves it as it was.
/// `NAME.add.xml` is a phone's Add, which must give `NAME.vcf` exactly.
struct ContactGoldenTests {
    static let cards = [
        "apple-ios", "google-export", "outlook-2016", "thunderbird-4", "davx5-android", "many-phones", "new-from-phone",
    ]
    static let adds = ["new-from-phone"]

    let converter = ContactConverter(makeUID: { fixedUID })

    @Test(arguments: cards) func cardGivesGoldenApplicationData(_ name: String) throws {
        let output = try converter.applicationData(from: try golden("contacts/\(name).vcf"), context: plainContext())
        #expect(applicationDataXML(output) == (try goldenXML("contacts/\(name).16.1.xml")))
        #expect(try goldenApplicationData("contacts/\(name).16.1.xml") == output)
    }

    @Test(arguments: cards) func goldenApplicationDataMergedBackKeepsTheCardByteForByte(_ name: String) throws {
        let stored = try golden("contacts/\(name).vcf")
        let fields = try goldenApplicationData("contacts/\(name).16.1.xml")
        let everything = Set(ContactFieldTable.rows.map(\.element.description))
        for supported in [nil, [], everything] as [Set<String>?] {
            let merged = try converter.merge(fields, into: stored, context: plainContext(supported: supported))
            #expect(merged.body == stored, "\(name), Supported \(supported.map { "\($0.count)" } ?? "absent")")
            #expect(merged.uid == (try VCard.parseSingle(stored).uid ?? ""))
        }
    }

    @Test(arguments: adds) func addGivesGoldenCard(_ name: String) throws {
        let fields = try goldenApplicationData("contacts/\(name).add.xml")
        let added = try converter.merge(fields, into: nil, context: plainContext())
        let expected = try golden("contacts/\(name).vcf")
        #expect(String(decoding: added.body, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
        #expect(added.uid == fixedUID)
    }

    /// Every element the table names is a tag of its code page (MS-ASWBXML), so a misspelt name
    /// cannot reach a phone.
    @Test func tableElementsAreCodePageTags() throws {
        for row in ContactFieldTable.rows {
            let page = try #require(WBXMLCodePage.page(named: row.element.namespace), "\(row.element)")
            #expect(page.token(forTagName: row.element.name) != nil, "\(row.element)")
        }
        for (container, item) in ContactFieldTable.listItems {
            #expect(WBXMLCodePage.page(named: container.namespace)?.token(forTagName: item) != nil)
        }
        #expect(Set(ContactFieldTable.rows.map(\.element)).count == ContactFieldTable.rows.count)
    }
}
