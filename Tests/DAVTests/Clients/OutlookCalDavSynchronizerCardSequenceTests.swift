import DAVXML
import Foundation
import Testing

@testable import DAV

/// The Outlook CalDAV Synchronizer in CardDAV mode (aluxnimm/outlookcaldavsynchronizer,
/// `CardDavDataAccess` over `WebDavDataAccess`). The connection test: OPTIONS on the address
/// book looking for `addressbook`, an allprop PROPFIND for `resourcetype/A:addressbook`, the
/// privileges (write-content, bind, unbind), and the book list from `/.well-known/carddav/`
/// (current-user-principal, addressbook-home-set, the home with Depth 1: resourcetype and
/// displayname). A sync: `GetContacts` (Depth 1, getetag and getcontenttype; the collection is
/// told apart by its href, and `getcontenttype` is read without a null check, so it must be in
/// every response, if only in a 404 propstat), `GetEntities` (an addressbook-multiget with
/// `Depth: 0` of getetag, getcontenttype and address-data; it reads `getcontenttype` of each
/// response the same way), then `CreateEntity` (`<uid>.vcf`, If-None-Match: *), `UpdateEntity`
/// (If-Match) and `DeleteEntity` (If-Match), each reading the new ETag from the response
/// headers (it falls back to a GET when there is none).
struct OutlookCalDavSynchronizerCardSequenceTests {
    static let book = CardPaths.contacts

    static let getContacts = """
        <?xml version='1.0'?>
                                <D:propfind xmlns:D="DAV:">
                                    <D:prop>
                                      <D:getetag/>
                                      <D:getcontenttype/>
                                    </D:prop>
                                </D:propfind>
        """

    static func getEntities(_ hrefs: [String]) -> String {
        """
        <?xml version="1.0" encoding="utf-8" ?>
           <A:addressbook-multiget xmlns:D="DAV:" xmlns:A="urn:ietf:params:xml:ns:carddav">
             <D:prop>
               <D:getetag/>
               <D:getcontenttype/>
               <A:address-data/>
             </D:prop>
             \(hrefs.map { "<D:href>\($0)</D:href>" }.joined(separator: "\r\n"))
           </A:addressbook-multiget>
        """
    }

    /// A contact as the synchronizer writes an Outlook contact (vCard 3.0).
    static func outlookContact(uid: String, title: String = "Sales Manager") -> String {
        vcf([
            "BEGIN:VCARD", "VERSION:3.0", "UID:\(uid)", "N:Mustermann;Max;;Dr.;", "FN:Dr. Max Mustermann",
            "ORG:Contoso Ltd.;Sales", "TITLE:\(title)", "EMAIL;TYPE=INTERNET,WORK:max.mustermann@contoso.example",
            "TEL;TYPE=WORK,VOICE:+43 1 2345678", "TEL;TYPE=CELL:+43 664 1234567",
            "ADR;TYPE=WORK:;;Hauptstraße 1;Wien;;1010;Österreich", "X-MS-OL-DEFAULT-POSTAL-ADDRESS:2",
            "NOTE:Met at the trade fair\\, booth 12", "REV:2026-11-01T08:00:00Z", "END:VCARD",
        ])
    }

    /// `GetContacts`: href → etag of every card, skipping the collection itself.
    func getContacts(_ fixture: DAVFixture) async throws -> [String: String] {
        let answer = try ClientMultistatus(
            await fixture.request(
                "PROPFIND", Self.book, headers: [("Depth", "1"), ("Content-Type", "application/xml")],
                body: Self.getContacts))
        var versions: [String: String] = [:]
        for entry in answer.entries {
            let allProperties = entry.propstats.flatMap(\.properties).map(\.name)
            #expect(allProperties.contains(DAVNames.getetag), "\(entry.href): getetag must be named")
            #expect(allProperties.contains(DAVNames.getcontenttype), "\(entry.href): getcontenttype must be named")
            if entry.href == Self.book {
                #expect(entry.text(DAVNames.getetag) == nil)
                continue
            }
            #expect(entry.firstPropstatStatus == ok200)
            #expect(entry.text(DAVNames.getcontenttype)?.hasPrefix("text/vcard") == true)
            let etag = try #require(entry.text(DAVNames.getetag))
            versions[entry.href] = etag
        }
        return versions
    }

    @Test func connectionTestFindsAWritableAddressBook() async throws {
        let fixture = DAVFixture()
        // IsAddressBookAccessSupported.
        let options = await fixture.request("OPTIONS", Self.book)
        #expect(options.status == 200)
        #expect(complianceClasses(options).contains("addressbook"))

        // IsResourceAddressBook: allprop, Depth 0.
        let allprop = try ClientMultistatus(
            await fixture.request(
                "PROPFIND", Self.book, headers: [("Depth", "0")],
                body: "<?xml version='1.0'?><D:propfind xmlns:D=\"DAV:\"><D:allprop/></D:propfind>"))
        #expect(allprop.hrefs == [Self.book])
        #expect(allprop[Self.book]?.firstPropstatStatus == ok200)
        #expect(allprop[Self.book]?.found(DAVNames.resourcetype)?.child(DAVNames.addressbook) != nil)

        // IsWriteable.
        let privileges = try ClientMultistatus(
            await fixture.cardPropfind(Self.book, "<d:current-user-privilege-set/>"))
        #expect(
            privileges[Self.book]?.privileges.isSuperset(of: [.dav("write-content"), .dav("bind"), .dav("unbind")])
                == true)

        // GetUserAddressBooksNoThrow(useWellKnownUrl: true): /.well-known/carddav/ lands on /dav/.
        let entry = try ClientMultistatus(
            await fixture.cardPropfind(
                DAVPath.root, "<d:current-user-principal/><d:principal-URL/><d:resourcetype/>"))
        let principal = try #require(
            entry.entries.first?.found(DAVNames.currentUserPrincipal)?.child(DAVNames.href)?.text)
        #expect(principal == CardPaths.principal)
        let homeSet = try ClientMultistatus(await fixture.cardPropfind(principal, "<card:addressbook-home-set/>"))
        let home = try #require(homeSet.entries.first?.found(DAVNames.addressbookHomeSet)?.child(DAVNames.href)?.text)
        let listing = try ClientMultistatus(
            await fixture.cardPropfind(home, depth: "1", "<d:resourcetype/><d:displayname/>"))
        let books = listing.entries.filter {
            $0.found(DAVNames.displayname) != nil && $0.found(DAVNames.resourcetype)?.child(DAVNames.addressbook) != nil
        }
        #expect(books.map(\.href) == [Self.book])
        #expect(books.map { $0.text(DAVNames.displayname) } == ["Contacts"])
    }

    @Test func listFetchCreateUpdateDelete() async throws {
        let fixture = DAVFixture()
        // Two contacts already there (from the phone).
        let phoneHrefs = ["a.vcf", "b.vcf"].map { Self.book + $0 }
        for (index, href) in phoneHrefs.enumerated() {
            #expect(
                await fixture.putCard(
                    href,
                    vcf([
                        "BEGIN:VCARD", "VERSION:3.0", "UID:phone-\(index)", "FN:Phone \(index)", "N:\(index);Phone;;;",
                        "END:VCARD",
                    ])
                ).status == 201)
        }
        let listed = try await getContacts(fixture)
        #expect(Set(listed.keys) == Set(phoneHrefs))

        // GetEntities of every href, as the listing spelled them.
        let fetched = try ClientMultistatus(
            await fixture.request(
                "REPORT", Self.book, headers: [("Depth", "0"), ("Content-Type", "application/xml")],
                body: Self.getEntities(Array(listed.keys).sorted())))
        #expect(fetched.hrefs == phoneHrefs)
        for entry in fetched.entries {
            #expect(entry.firstPropstatStatus == ok200)
            #expect(entry.text(DAVNames.getcontenttype)?.hasPrefix("text/vcard") == true)
            #expect(entry.text(DAVNames.getetag) == listed[entry.href])
            #expect(entry.addressData?.contains("BEGIN:VCARD") == true)
        }

        // CreateEntity: <uid>.vcf with If-None-Match: *; the ETag comes back in the headers.
        let uid = "6f1b3c2a-8d4e-4f5a-9b6c-7d8e9f0a1b2c"
        let href = Self.book + uid + ".vcf"
        let contact = Self.outlookContact(uid: uid)
        let created = await fixture.request(
            "PUT", href, headers: [("If-None-Match", "*"), ("Content-Type", "text/vcard")], body: contact)
        #expect(created.status == 201)
        let createdETag = try #require(created.header("ETag"))
        #expect(created.header("Location") == nil, "the href is the one the synchronizer chose")
        #expect(try await getContacts(fixture)[href] == createdETag)
        let roundTrip = try ClientMultistatus(
            await fixture.request("REPORT", Self.book, headers: [("Depth", "0")], body: Self.getEntities([href])))
        #expect(roundTrip[href]?.addressData == contact)

        // UpdateEntity with the etag; a second update with the old one is refused.
        let promoted = Self.outlookContact(uid: uid, title: "Head of Sales")
        let updated = await fixture.request(
            "PUT", href, headers: [("If-Match", createdETag), ("Content-Type", "text/vcard")], body: promoted)
        #expect(updated.status == 204)
        let updatedETag = try #require(updated.header("ETag"))
        #expect(updatedETag != createdETag)
        let stale = await fixture.request(
            "PUT", href, headers: [("If-Match", createdETag), ("Content-Type", "text/vcard")], body: contact)
        #expect(stale.status == 412)
        #expect(try await fixture.storedCards()[uid + ".vcf"] == promoted)

        // DeleteEntity with If-Match: a stale etag is refused; the right one removes the card.
        #expect(await fixture.request("DELETE", href, headers: [("If-Match", createdETag)]).status == 412)
        let deleted = await fixture.request("DELETE", href, headers: [("If-Match", updatedETag)])
        #expect(deleted.status == 204)
        #expect(deleted.header("X-Dav-Error") == nil)
        #expect(try await getContacts(fixture) == listed)
    }
}
