import DAVXML
import Foundation
import Testing

@testable import DAV

/// DAVx5's CardDAV (bitfireAT/davx5-ose `ContactsSyncManager` over dav4jvm `DavAddressBook`):
/// OPTIONS on the principal to see `addressbook`, the home set, the home with Depth 1
/// (privileges decide read-only), then per book a Depth 0 PROPFIND of max-resource-size,
/// supported-address-data (a 4.0 entry makes it write and ask for vCard 4.0),
/// supported-report-set (sync-collection makes it use collection sync), getctag and
/// sync-token. It syncs with `reportChanges` (`Depth: 0`, `<sync-token/>` when it has none,
/// getetag, an optional `<limit>`; a 507 on the book's href means "ask again with the new
/// token"), downloads by multiget with `<address-data content-type="text/vcard" version="4.0"/>`
/// (older releases GET a single card with a vCard 4.0 `Accept` and refuse a response without
/// `ETag`: RFC 6352 §6.3.2.3 makes it mandatory), and uploads `<uuid>.vcf` as
/// `text/vcard;version=4.0` with If-None-Match or If-Match. Groups are separate cards
/// (`KIND:group` with `MEMBER:urn:uuid:…`) in its "groups as vCards" mode.
struct DAVx5AddressBookSequenceTests {
    static let book = CardPaths.contacts

    static let capabilitiesPropfind = """
        <?xml version='1.0' encoding='UTF-8' ?><propfind xmlns="DAV:" \
        xmlns:CARD="urn:ietf:params:xml:ns:carddav" xmlns:CS="http://calendarserver.org/ns/"><prop>\
        <CARD:max-resource-size /><CARD:supported-address-data /><supported-report-set />\
        <CS:getctag /><sync-token /></prop></propfind>
        """

    static func reportChanges(_ token: String?, limit: Int?) -> String {
        let tokenElement = token.map { "<sync-token>\($0)</sync-token>" } ?? "<sync-token />"
        let limitElement = limit.map { "<limit><nresults>\($0)</nresults></limit>" } ?? ""
        return """
            <?xml version='1.0' encoding='UTF-8' ?><sync-collection xmlns="DAV:">\(tokenElement)\
            <sync-level>1</sync-level>\(limitElement)<prop><getetag /></prop></sync-collection>
            """
    }

    static func multigetBody(_ hrefs: [String]) -> String {
        """
        <?xml version='1.0' encoding='UTF-8' ?><CARD:addressbook-multiget xmlns="DAV:" \
        xmlns:CARD="urn:ietf:params:xml:ns:carddav"><prop><getcontenttype /><getetag />\
        <CARD:address-data content-type="text/vcard" version="4.0" /></prop>\
        \(hrefs.map { "<href>\($0)</href>" }.joined())</CARD:addressbook-multiget>
        """
    }

    /// A contact as DAVx5 (ez-vcard through vcard4android) writes it in vCard 4.0.
    static func contact(uid: String, given: String, family: String, phone: String = "+49 170 1234567") -> String {
        vcf([
            "BEGIN:VCARD", "VERSION:4.0", "PRODID:DAVx5/4.4.2-ose ez-vcard/0.12.1", "UID:\(uid)",
            "FN:\(given) \(family)", "N:\(family);\(given);;;", "TEL;TYPE=cell:\(phone)",
            "EMAIL;TYPE=home:\(given.lowercased())@example.org", "REV:20261101T100000Z", "END:VCARD",
        ])
    }

    /// A group in DAVx5's "groups as separate vCards" mode.
    static func group(uid: String, name: String, members: [String]) -> String {
        vcf(
            ["BEGIN:VCARD", "VERSION:4.0", "PRODID:DAVx5/4.4.2-ose ez-vcard/0.12.1", "UID:\(uid)", "KIND:group"]
                + ["FN:\(name)"] + members.map { "MEMBER:urn:uuid:\($0)" } + ["REV:20261101T100500Z", "END:VCARD"])
    }

    @discardableResult
    func upload(_ fixture: DAVFixture, _ href: String, _ card: String, headers: [(String, String)]) async
        -> DAVResponse
    {
        await fixture.putCard(href, card, contentType: "text/vcard;version=4.0", headers: headers)
    }

    func reportChanges(_ fixture: DAVFixture, _ token: String?, limit: Int? = nil) async throws -> SyncAnswer {
        let response = await fixture.request(
            "REPORT", Self.book, headers: [("Depth", "0"), ("Content-Type", "application/xml; charset=utf-8")],
            body: Self.reportChanges(token, limit: limit))
        return try SyncAnswer(response, collection: Self.book)
    }

    func multiget(_ fixture: DAVFixture, _ hrefs: [String]) async throws -> ClientMultistatus {
        try ClientMultistatus(
            await fixture.request(
                "REPORT", Self.book, headers: [("Depth", "0"), ("Content-Type", "application/xml; charset=utf-8")],
                body: Self.multigetBody(hrefs)))
    }

    /// Pages until the book is no longer answered 507.
    func syncUntilComplete(_ fixture: DAVFixture, from token: String?, limit: Int) async throws
        -> (changed: [String], removed: [String], rounds: Int, token: String)
    {
        var token = token
        var changed: [String] = []
        var removed: [String] = []
        var rounds = 0
        while rounds < 50 {
            let answer = try await reportChanges(fixture, token, limit: limit)
            rounds += 1
            #expect(answer.allMembers.count <= limit, "nresults \(limit) answered with \(answer.allMembers.count)")
            #expect(!answer.token.isEmpty && answer.token != token)
            changed += answer.changed
            removed += answer.removed
            token = answer.token
            if !answer.truncated { break }
        }
        return (changed, removed, rounds, token ?? "")
    }

    @Test func serviceDetectionAndCapabilities() async throws {
        let fixture = DAVFixture()
        let options = await fixture.request("OPTIONS", CardPaths.principal)
        #expect(options.status == 200)
        #expect(complianceClasses(options).contains("addressbook"))

        let principal = try ClientMultistatus(
            await fixture.cardPropfind(
                CardPaths.principal, "<card:addressbook-home-set/><d:group-membership/><d:displayname/>"))
        let entry = try #require(principal[CardPaths.principal])
        #expect(entry.firstPropstatStatus == ok200)
        #expect(entry.found(DAVNames.addressbookHomeSet)?.child(DAVNames.href)?.text == CardPaths.home)

        let home = try ClientMultistatus(
            await fixture.cardPropfind(
                CardPaths.home, depth: "1",
                """
                <d:resourcetype/><d:displayname/><d:owner/><d:current-user-privilege-set/>\
                <card:addressbook-description/><cs:source/>
                """))
        let books = home.entries.filter { $0.found(DAVNames.resourcetype)?.child(DAVNames.addressbook) != nil }
        #expect(books.map(\.href) == [Self.book])
        for entry in home.entries {
            #expect(entry.firstPropstatStatus == ok200)
        }
        // Read-only unless write (or write-content, bind and unbind) is granted.
        #expect(books.first?.privileges.isSuperset(of: [.dav("write-content"), .dav("bind"), .dav("unbind")]) == true)

        // queryCapabilities.
        let capabilities = try ClientMultistatus(
            await fixture.request(
                "PROPFIND", Self.book, headers: [("Depth", "0")], body: Self.capabilitiesPropfind))
        let book = try #require(capabilities[Self.book])
        #expect(book.propstats.count == 1 && book.firstPropstatStatus == ok200)
        let types =
            book.found(DAVNames.supportedAddressData)?.children(DAVNames.addressDataType).map {
                ($0.attributes[XMLName("", "content-type")] ?? "", $0.attributes[XMLName("", "version")] ?? "")
            } ?? []
        // hasVCard4(): an address-data-type of text/vcard 4.0.
        #expect(types.contains { $0 == ("text/vcard", "4.0") })
        #expect(types.contains { $0 == ("text/vcard", "3.0") })
        #expect(book.text(DAVNames.cardMaxResourceSize).flatMap { Int($0) } == DAVLimits().maximumResourceSize)
        #expect(book.supportedReports.contains(DAVNames.syncCollection))
        #expect(book.text(DAVNames.syncToken)?.isEmpty == false)
        #expect(book.text(DAVNames.getctag)?.isEmpty == false)
    }

    @Test func uploadSyncAndDownloadVCard4() async throws {
        let fixture = DAVFixture()
        let initial = try await reportChanges(fixture, nil)
        #expect(initial.allMembers.isEmpty && !initial.truncated && !initial.token.isEmpty)

        // Two contacts and a group made on the phone.
        let janeUID = "4fbe8971-0bc3-424c-9c26-36c3e1eff6b1"
        let maxUID = "9a7c1d2e-3b4f-4a5b-8c6d-7e8f9a0b1c2d"
        let groupUID = "c0ffee00-1234-4abc-9def-0123456789ab"
        let jane = Self.contact(uid: janeUID, given: "Jane", family: "Doe")
        let maxCard = Self.contact(uid: maxUID, given: "Max", family: "Mustermann", phone: "+43 660 7654321")
        let friends = Self.group(uid: groupUID, name: "Friends", members: [janeUID, maxUID])
        var etags: [String: String] = [:]
        for (uid, card) in [(janeUID, jane), (maxUID, maxCard), (groupUID, friends)] {
            let href = Self.book + uid + ".vcf"
            let response = await upload(fixture, href, card, headers: [("If-None-Match", "*")])
            #expect(response.status == 201)
            let etag = try #require(response.header("ETag"))
            etags[href] = etag
        }

        // The next sync names the three, with the etags the uploads returned.
        let afterUpload = try await reportChanges(fixture, initial.token)
        #expect(Set(afterUpload.changed) == Set(etags.keys))
        for (href, etag) in etags {
            #expect(afterUpload.multistatus[href]?.text(DAVNames.getetag) == etag)
        }

        // The multiget in vCard 4.0: the stored 4.0 cards, untouched, text/vcard.
        let hrefs = [janeUID, maxUID, groupUID].map { Self.book + $0 + ".vcf" }
        let fetched = try await multiget(fixture, hrefs)
        #expect(fetched.hrefs == hrefs)
        for (href, card) in zip(hrefs, [jane, maxCard, friends]) {
            let entry = try #require(fetched[href])
            #expect(entry.firstPropstatStatus == ok200)
            #expect(entry.addressData == card)
            #expect(entry.text(DAVNames.getetag) == etags[href])
            #expect(entry.text(DAVNames.getcontenttype)?.hasPrefix("text/vcard") == true)
        }
        let group = try #require(fetched[hrefs[2]]?.addressData)
        #expect(group.contains("\r\nKIND:group\r\n"))
        #expect(group.contains("\r\nMEMBER:urn:uuid:\(janeUID)\r\nMEMBER:urn:uuid:\(maxUID)\r\n"))

        // Jane's number changes on the phone: If-Match; a second upload with the old etag is refused.
        let janeHref = hrefs[0]
        let oldETag = try #require(etags[janeHref])
        let newJane = Self.contact(uid: janeUID, given: "Jane", family: "Doe", phone: "+49 170 7777777")
        let updated = await upload(fixture, janeHref, newJane, headers: [("If-Match", oldETag)])
        #expect(updated.status == 204)
        let newETag = try #require(updated.header("ETag"))
        #expect(await upload(fixture, janeHref, jane, headers: [("If-Match", oldETag)]).status == 412)

        // Max is deleted on the phone (If-Match), and removed from the group.
        #expect(
            await fixture.request("DELETE", hrefs[1], headers: [("If-Match", "\"not-the-etag\"")]).status == 412)
        let maxETag = try #require(etags[hrefs[1]])
        #expect(await fixture.request("DELETE", hrefs[1], headers: [("If-Match", maxETag)]).status == 204)
        let smaller = Self.group(uid: groupUID, name: "Friends", members: [janeUID])
        let groupETag = try #require(etags[hrefs[2]])
        #expect(await upload(fixture, hrefs[2], smaller, headers: [("If-Match", groupETag)]).status == 204)

        let afterEdits = try await reportChanges(fixture, afterUpload.token)
        #expect(Set(afterEdits.changed) == [janeHref, hrefs[2]])
        #expect(afterEdits.removed == [hrefs[1]])
        #expect(afterEdits.multistatus[janeHref]?.text(DAVNames.getetag) == newETag)
        let refetched = try await multiget(fixture, [janeHref, hrefs[2]])
        #expect(refetched[janeHref]?.addressData == newJane)
        #expect(refetched[hrefs[2]]?.addressData == smaller)
    }

    /// A card another client stored in vCard 3.0 (an Apple group) is downloaded in 4.0: converted
    /// in the multiget, and by a GET with DAVx5's `Accept`, which must still carry the card's
    /// ETag (RFC 6352 §6.3.2.3; DAVx5 stops with "Received CardDAV GET response without ETag").
    @Test(arguments: [
        "text/vcard;version=4.0, text/vcard;charset=utf-8;q=0.8",
        "text/vcard;version=4.0, text/vcard;charset=utf-8;q=0.8, text/vcard;q=0.5",
    ])
    func vCard3IsDownloadedAsVCard4(accept: String) async throws {
        let fixture = DAVFixture()
        let href = Self.book + "apple-group.vcf"
        let apple = vcf([
            "BEGIN:VCARD", "VERSION:3.0", "PRODID:-//Apple Inc.//iPhone OS 17.4//EN", "N:Team", "FN:Team",
            "X-ADDRESSBOOKSERVER-KIND:group",
            "X-ADDRESSBOOKSERVER-MEMBER:urn:uuid:11111111-2222-3333-4444-555555555555",
            "UID:apple-group", "END:VCARD",
        ])
        let created = await fixture.putCard(href, apple, contentType: "text/vcard")
        #expect(created.status == 201)
        let etag = try #require(created.header("ETag"))

        let fetched = try await multiget(fixture, [href])
        let data = try #require(fetched[href]?.addressData)
        #expect(fetched[href]?.text(DAVNames.getetag) == etag)
        #expect(data.hasPrefix("BEGIN:VCARD\r\nVERSION:4.0\r\n"))
        #expect(data.contains("\r\nKIND:group\r\n"))
        #expect(data.contains("\r\nMEMBER:urn:uuid:11111111-2222-3333-4444-555555555555\r\n"))
        #expect(!data.contains("X-ADDRESSBOOKSERVER-"))
        #expect(data.contains("\r\nUID:apple-group\r\n") && data.contains("\r\nFN:Team\r\n"))

        let got = await fixture.request("GET", href, headers: [("Accept", accept)])
        #expect(got.status == 200)
        let body = String(decoding: got.body, as: UTF8.self)
        #expect(body == data, "GET and multiget convert alike")
        #expect(got.header("Content-Type")?.hasPrefix("text/vcard") == true)
        #expect(got.header("Content-Type")?.contains("version=4.0") == true)
        #expect(got.header("ETag") == etag, "a GET of a card must carry its ETag (RFC 6352 §6.3.2.3)")
        // The stored card is still Apple's 3.0.
        #expect(try await fixture.storedCards()["apple-group.vcf"] == apple)
        // And a 4.0 card is served as stored, with its ETag, under the same Accept.
        let native = Self.book + "native.vcf"
        let card = Self.contact(uid: "native", given: "Nat", family: "Ive")
        let nativeETag = try #require(
            await upload(fixture, native, card, headers: [("If-None-Match", "*")]).header("ETag"))
        let nativeGet = await fixture.request("GET", native, headers: [("Accept", accept)])
        #expect(nativeGet.body == Array(card.utf8))
        #expect(nativeGet.header("ETag") == nativeETag)
    }

    @Test func pagedSyncThroughTruncationLosesNothing() async throws {
        let fixture = DAVFixture()
        let names = (1...7).map { "card-\($0).vcf" }
        for (index, name) in names.enumerated() {
            #expect(
                await upload(
                    fixture, Self.book + name, Self.contact(uid: "u\(index)", given: "P\(index)", family: "Q"),
                    headers: [("If-None-Match", "*")]
                ).status == 201)
        }
        let first = try await syncUntilComplete(fixture, from: nil, limit: 3)
        #expect(first.rounds == 3)
        #expect(first.changed.count == names.count, "each card once over the pages: \(first.changed)")
        #expect(Set(first.changed) == Set(names.map { Self.book + $0 }))
        #expect(first.removed.isEmpty)

        // Changes after the last page, paged by two: an edit, a delete, two new cards.
        #expect(
            await upload(
                fixture, Self.book + "card-2.vcf", Self.contact(uid: "u1", given: "Edited", family: "Q"), headers: []
            )
            .status == 204)
        #expect(await fixture.request("DELETE", Self.book + "card-5.vcf").status == 204)
        for name in ["card-8.vcf", "card-9.vcf"] {
            #expect(
                await upload(fixture, Self.book + name, Self.contact(uid: name, given: "New", family: "Q"), headers: [])
                    .status == 201)
        }
        let second = try await syncUntilComplete(fixture, from: first.token, limit: 2)
        #expect(second.rounds == 2)
        #expect(Set(second.changed) == Set(["card-2.vcf", "card-8.vcf", "card-9.vcf"].map { Self.book + $0 }))
        #expect(second.removed == [Self.book + "card-5.vcf"])

        let quiet = try await reportChanges(fixture, second.token, limit: 2)
        #expect(quiet.allMembers.isEmpty && !quiet.truncated)
        #expect(quiet.token == second.token)
    }

    /// A card changed while DAVx5 is between pages is reported by a later page.
    @Test func changeBetweenPagesIsNotLost() async throws {
        let fixture = DAVFixture()
        for index in 0..<4 {
            await upload(
                fixture, Self.book + "\(index).vcf", Self.contact(uid: "u\(index)", given: "G\(index)", family: "F"),
                headers: [])
        }
        let page1 = try await reportChanges(fixture, nil, limit: 2)
        #expect(page1.truncated)
        #expect(page1.changed.count == 2)
        #expect(page1.multistatus.entries.last?.href == Self.book, "the 507 response comes after the members")
        await upload(
            fixture, Self.book + "0.vcf", Self.contact(uid: "u0", given: "Meanwhile", family: "F"), headers: [])
        await upload(fixture, Self.book + "new.vcf", Self.contact(uid: "new", given: "New", family: "F"), headers: [])
        let rest = try await syncUntilComplete(fixture, from: page1.token, limit: 2)
        #expect(Set(page1.changed + rest.changed) == Set(["0", "1", "2", "3", "new"].map { Self.book + $0 + ".vcf" }))
        #expect(rest.changed.contains(Self.book + "0.vcf"), "the edit after page 1 must be reported")
    }
}
