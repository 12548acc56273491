import DAVXML
import Foundation
import Testing

@testable import DAV

/// Apple Contacts (macOS AddressBookSourceSync, iOS dataaccessd over CoreDAV): a PROPFIND of the
/// principal, the home with Depth 1 and Apple's properties (me-card, max-resource-size, quota,
/// push), the book's `getctag` to decide whether anything changed, a Depth 1 getetag listing,
/// an addressbook-multiget of what changed, and PUTs of `<UUID>.vcf` in vCard 3.0 with
/// If-None-Match / If-Match. Apple's cards carry grouped properties (`item1.EMAIL` with its
/// `item1.X-ABLabel`), inline photos (`PHOTO;ENCODING=b;TYPE=JPEG`, folded) and groups as cards
/// (`X-ADDRESSBOOKSERVER-KIND:group` with `X-ADDRESSBOOKSERVER-MEMBER:urn:uuid:…`); Contacts
/// compares what it reads back with what it wrote, so they must come back byte for byte. The
/// user's own card is named by the CalendarServer `me-card` property, PROPPATCHed on the home.
/// CoreDAV declares each namespace on the element that uses it.
struct AppleContactsSequenceTests {
    static let book = CardPaths.contacts
    static let personUID = "8B1C2D3E-4F50-6172-8394-A5B6C7D8E9F0"
    static let groupUID = "0F9E8D7C-6B5A-4938-2716-05F4E3D2C1B0"

    static let principalPropfind = """
        <?xml version="1.0" encoding="UTF-8"?>
        <A:propfind xmlns:A="DAV:">
          <A:prop>
            <B:addressbook-home-set xmlns:B="urn:ietf:params:xml:ns:carddav"/>
            <B:directory-gateway xmlns:B="urn:ietf:params:xml:ns:carddav"/>
            <A:displayname/>
            <C:email-address-set xmlns:C="http://calendarserver.org/ns/"/>
            <A:principal-collection-set/>
            <A:principal-URL/>
            <A:resource-id/>
            <A:supported-report-set/>
          </A:prop>
        </A:propfind>
        """

    static let homePropfind = """
        <?xml version="1.0" encoding="UTF-8"?>
        <A:propfind xmlns:A="DAV:">
          <A:prop>
            <A:add-member/>
            <A:current-user-privilege-set/>
            <A:displayname/>
            <B:max-image-size xmlns:B="urn:ietf:params:xml:ns:carddav"/>
            <B:max-resource-size xmlns:B="urn:ietf:params:xml:ns:carddav"/>
            <C:me-card xmlns:C="http://calendarserver.org/ns/"/>
            <A:owner/>
            <C:push-transports xmlns:C="http://calendarserver.org/ns/"/>
            <C:pushkey xmlns:C="http://calendarserver.org/ns/"/>
            <A:quota-available-bytes/>
            <A:quota-used-bytes/>
            <A:resource-id/>
            <A:resourcetype/>
            <A:supported-report-set/>
            <A:sync-token/>
          </A:prop>
        </A:propfind>
        """

    static let ctagPropfind = """
        <?xml version="1.0" encoding="UTF-8"?>
        <A:propfind xmlns:A="DAV:">
          <A:prop>
            <C:getctag xmlns:C="http://calendarserver.org/ns/"/>
          </A:prop>
        </A:propfind>
        """

    static let etagPropfind = """
        <?xml version="1.0" encoding="UTF-8"?>
        <A:propfind xmlns:A="DAV:">
          <A:prop>
            <A:getetag/>
          </A:prop>
        </A:propfind>
        """

    static func multigetBody(_ hrefs: [String]) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <B:addressbook-multiget xmlns:B="urn:ietf:params:xml:ns:carddav">
          <A:prop xmlns:A="DAV:">
            <A:getetag/>
            <B:address-data/>
          </A:prop>
        \(hrefs.map { "  <A:href xmlns:A=\"DAV:\">\($0)</A:href>" }.joined(separator: "\n"))
        </B:addressbook-multiget>
        """
    }

    static func meCardUpdate(_ href: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <A:propertyupdate xmlns:A="DAV:">
          <A:set>
            <A:prop>
              <C:me-card xmlns:C="http://calendarserver.org/ns/"><A:href>\(href)</A:href></C:me-card>
            </A:prop>
          </A:set>
        </A:propertyupdate>
        """
    }

    /// A JPEG-looking photo, base64 (RFC 2426 §3.1.4 ENCODING=b), folded as Apple folds it: 75
    /// octets, then continuation lines that start with a space.
    static let photoLines: [String] = {
        var bytes: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01]
        for index in 0..<600 { bytes.append(UInt8(truncatingIfNeeded: index &* 37 &+ 11)) }
        bytes += [0xFF, 0xD9]
        let line = "PHOTO;ENCODING=b;TYPE=JPEG:" + Data(bytes).base64EncodedString()
        var lines = [String(line.prefix(75))]
        var rest = line.dropFirst(75)
        while !rest.isEmpty {
            lines.append(" " + rest.prefix(74))
            rest = rest.dropFirst(74)
        }
        return lines
    }()

    /// A person as macOS Contacts writes it.
    static func person(phone: String = "+1 (555) 010-0100") -> String {
        vcf(
            [
                "BEGIN:VCARD", "VERSION:3.0", "PRODID:-//Apple Inc.//macOS 14.4//EN", "N:Appleseed;Johnny;;;",
                "FN:Johnny Appleseed", "ORG:Example Corp.;", "item1.EMAIL;type=INTERNET;type=pref:johnny@example.com",
                "item1.X-ABLabel:_$!<Other>!$_", "TEL;type=CELL;type=VOICE;type=pref:\(phone)",
                "item2.TEL:+1 555 0101", "item2.X-ABLabel:Pager & Beeper",
                "item3.ADR;type=HOME;type=pref:;;1 Infinite Loop;Cupertino;CA;95014;United States",
                "item3.X-ABADR:us",
            ] + photoLines + [
                "UID:\(personUID)", "X-ABUID:\(personUID):ABPerson", "REV:2026-11-01T10:00:00Z", "END:VCARD",
            ])
    }

    /// A group as macOS Contacts writes it.
    static func group(members: [String]) -> String {
        vcf(
            [
                "BEGIN:VCARD", "VERSION:3.0", "PRODID:-//Apple Inc.//macOS 14.4//EN", "N:Family", "FN:Family",
                "X-ADDRESSBOOKSERVER-KIND:group",
            ] + members.map { "X-ADDRESSBOOKSERVER-MEMBER:urn:uuid:\($0)" } + [
                "REV:2026-11-01T10:05:00Z", "UID:\(groupUID)", "END:VCARD",
            ])
    }

    func ctag(_ fixture: DAVFixture) async throws -> String {
        let answer = try ClientMultistatus(
            await fixture.request("PROPFIND", Self.book, headers: [("Depth", "0")], body: Self.ctagPropfind))
        #expect(answer[Self.book]?.firstPropstatStatus == ok200)
        return try #require(answer[Self.book]?.text(DAVNames.getctag))
    }

    func etags(_ fixture: DAVFixture) async throws -> [String: String] {
        let listing = try ClientMultistatus(
            await fixture.request("PROPFIND", Self.book, headers: [("Depth", "1")], body: Self.etagPropfind))
        #expect(listing.hrefs.first == Self.book)
        var result: [String: String] = [:]
        for entry in listing.entries.dropFirst() {
            #expect(entry.propstats.count == 1 && entry.firstPropstatStatus == ok200)
            result[entry.href] = entry.text(DAVNames.getetag)
        }
        // The collection has no etag: a 404 propstat, nothing else.
        #expect(listing[Self.book]?.status(of: DAVNames.getetag)?.contains(" 404 ") == true)
        return result
    }

    @Test func accountSetupFindsTheHomeAndItsAddressBook() async throws {
        let fixture = DAVFixture()
        let principal = try ClientMultistatus(
            await fixture.request(
                "PROPFIND", CardPaths.principal, headers: [("Depth", "0")], body: Self.principalPropfind))
        let me = try #require(principal[CardPaths.principal])
        #expect(me.firstPropstatStatus == ok200)
        #expect(me.found(DAVNames.addressbookHomeSet)?.children(DAVNames.href).map(\.text) == [CardPaths.home])
        #expect(me.found(DAVNames.principalURL)?.child(DAVNames.href)?.text == CardPaths.principal)
        #expect(me.text(DAVNames.displayname) == "Demo User")
        #expect(me.status(of: XMLName(Namespaces.cardDAV, "directory-gateway"))?.contains(" 404 ") == true)

        let home = try ClientMultistatus(
            await fixture.request("PROPFIND", CardPaths.home, headers: [("Depth", "1")], body: Self.homePropfind))
        #expect(home.hrefs == [CardPaths.home, Self.book])
        for entry in home.entries {
            #expect(entry.firstPropstatStatus == ok200, "\(entry.href): the 200 propstat first")
            #expect(entry.found(DAVNames.owner)?.child(DAVNames.href)?.text == CardPaths.principal)
        }
        let homeEntry = try #require(home[CardPaths.home])
        #expect(homeEntry.found(DAVNames.resourcetype)?.child(DAVNames.addressbook) == nil)
        #expect(homeEntry.status(of: DAVNames.meCard)?.contains(" 404 ") == true, "no me-card until one is set")
        let book = try #require(home[Self.book])
        #expect(book.found(DAVNames.resourcetype)?.child(DAVNames.addressbook) != nil)
        #expect(book.found(DAVNames.resourcetype)?.child(DAVNames.collection) != nil)
        #expect(book.text(DAVNames.displayname) == "Contacts")
        #expect(book.text(DAVNames.cardMaxResourceSize) == String(DAVLimits().maximumResourceSize))
        #expect(book.privileges.isSuperset(of: [.dav("read"), .dav("write"), .dav("bind"), .dav("unbind")]))
        #expect(book.supportedReports.contains(DAVNames.addressbookMultiget))
        #expect(book.supportedReports.contains(DAVNames.syncCollection))
        #expect(book.text(DAVNames.syncToken)?.isEmpty == false)
        let used = try #require(book.text(DAVNames.quotaUsedBytes).flatMap { Int64($0) })
        let available = try #require(book.text(DAVNames.quotaAvailableBytes).flatMap { Int64($0) })
        #expect(used + available == fixture.principal.quotaBytes)
        #expect(book.status(of: DAVNames.meCard)?.contains(" 404 ") == true)
    }

    @Test func cardsAndGroupsRoundTripByteForByteAndMoveTheCtag() async throws {
        let fixture = DAVFixture()
        let emptyCtag = try await ctag(fixture)
        #expect(try await etags(fixture).isEmpty)

        // A new contact: If-None-Match, text/vcard, named <UID>.vcf.
        let personHref = Self.book + Self.personUID + ".vcf"
        let person = Self.person()
        let created = await fixture.putCard(
            personHref, person, contentType: "text/vcard", headers: [("If-None-Match", "*")])
        #expect(created.status == 201)
        let personETag = try #require(created.header("ETag"))
        let afterPerson = try await ctag(fixture)
        #expect(afterPerson != emptyCtag, "getctag must change after a write")

        // A group with the person and someone not in this book (yet).
        let groupHref = Self.book + Self.groupUID + ".vcf"
        let group = Self.group(members: [Self.personUID, "D1E2F3A4-B5C6-4D7E-8F90-A1B2C3D4E5F6"])
        let groupCreated = await fixture.putCard(
            groupHref, group, contentType: "text/vcard", headers: [("If-None-Match", "*")])
        #expect(groupCreated.status == 201)
        let groupETag = try #require(groupCreated.header("ETag"))
        #expect(try await ctag(fixture) != afterPerson)

        // The getetag listing names both, with the ETags the PUTs returned.
        #expect(try await etags(fixture) == [personHref: personETag, groupHref: groupETag])

        // The multiget returns both as written, byte for byte.
        let fetched = try ClientMultistatus(
            await fixture.request(
                "REPORT", Self.book, headers: [("Depth", "1")], body: Self.multigetBody([personHref, groupHref])))
        #expect(fetched.hrefs == [personHref, groupHref])
        #expect(fetched[personHref]?.addressData == person)
        #expect(fetched[personHref]?.text(DAVNames.getetag) == personETag)
        #expect(fetched[groupHref]?.addressData == group)
        #expect(fetched[groupHref]?.text(DAVNames.getetag) == groupETag)

        // GET gives the same bytes, its media type and the same ETag.
        for (href, body, etag) in [(personHref, person, personETag), (groupHref, group, groupETag)] {
            let got = await fixture.request("GET", href)
            #expect(got.status == 200)
            #expect(got.body == Array(body.utf8))
            #expect(got.header("ETag") == etag)
            #expect(got.header("Content-Type")?.hasPrefix("text/vcard") == true)
        }
        let stored = try await fixture.storedCards()
        #expect(stored[Self.personUID + ".vcf"] == person)
        #expect(stored[Self.groupUID + ".vcf"] == group)

        // An edit with If-Match moves the ctag again and only the person's etag.
        let ctagBeforeEdit = try await ctag(fixture)
        let edited = Self.person(phone: "+1 (555) 010-0199")
        let editResponse = await fixture.putCard(
            personHref, edited, contentType: "text/vcard", headers: [("If-Match", personETag)])
        #expect(editResponse.status == 204)
        let editedETag = try #require(editResponse.header("ETag"))
        #expect(try await ctag(fixture) != ctagBeforeEdit)
        #expect(try await etags(fixture) == [personHref: editedETag, groupHref: groupETag])
        // A second Mac still holding the old etag is refused.
        #expect(
            await fixture.putCard(personHref, person, contentType: "text/vcard", headers: [("If-Match", personETag)])
                .status == 412)
        #expect(String(decoding: await fixture.request("GET", personHref).body, as: UTF8.self) == edited)

        // Removing the person from the group: the group's new membership comes back as sent.
        let smaller = Self.group(members: ["D1E2F3A4-B5C6-4D7E-8F90-A1B2C3D4E5F6"])
        #expect(
            await fixture.putCard(groupHref, smaller, contentType: "text/vcard", headers: [("If-Match", groupETag)])
                .status == 204)
        let refetched = try ClientMultistatus(
            await fixture.request("REPORT", Self.book, headers: [("Depth", "1")], body: Self.multigetBody([groupHref])))
        #expect(refetched[groupHref]?.addressData == smaller)
    }

    @Test func meCardIsSetOnTheHomeAndReadBack() async throws {
        let fixture = DAVFixture()
        let personHref = Self.book + Self.personUID + ".vcf"
        #expect(await fixture.putCard(personHref, Self.person(), contentType: "text/vcard").status == 201)

        let set = await fixture.request("PROPPATCH", CardPaths.home, body: Self.meCardUpdate(personHref))
        let setAnswer = try ClientMultistatus(set)
        #expect(setAnswer.hrefs == [CardPaths.home])
        #expect(setAnswer[CardPaths.home]?.propstats.map(\.status) == [ok200])
        #expect(setAnswer[CardPaths.home]?.status(of: DAVNames.meCard) == ok200)

        let home = try ClientMultistatus(
            await fixture.request("PROPFIND", CardPaths.home, headers: [("Depth", "1")], body: Self.homePropfind))
        let meCard = try #require(home[CardPaths.home]?.found(DAVNames.meCard))
        #expect(meCard.children(DAVNames.href).map(\.text) == [personHref])
        // me-card belongs to the home (CalendarServer's extension); the address book has none.
        #expect(home[Self.book]?.status(of: DAVNames.meCard)?.contains(" 404 ") == true)

        // Another card becomes the me-card; the value is replaced, not added to.
        let otherHref = Self.book + "other.vcf"
        #expect(
            await fixture.putCard(
                otherHref,
                vcf(["BEGIN:VCARD", "VERSION:3.0", "N:Other;Me;;;", "FN:Me Other", "UID:other", "END:VCARD"]),
                contentType: "text/vcard"
            ).status == 201)
        #expect(await fixture.request("PROPPATCH", CardPaths.home, body: Self.meCardUpdate(otherHref)).status == 207)
        let again = try ClientMultistatus(
            await fixture.request("PROPFIND", CardPaths.home, headers: [("Depth", "0")], body: Self.homePropfind))
        #expect(again[CardPaths.home]?.found(DAVNames.meCard)?.children(DAVNames.href).map(\.text) == [otherHref])
    }
}
