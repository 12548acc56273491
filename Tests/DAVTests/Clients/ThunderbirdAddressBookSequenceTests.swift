import DAVXML
import Foundation
import Store
import Testing

@testable import DAV

/// Thunderbird's CardDAV address books (comm-central `mailnews/addrbook/modules`,
/// `CardDAVUtils.detectAddressBooks` and `CardDAVDirectory`). Discovery: a Depth 0 PROPFIND of
/// the typed URL (resourcetype, displayname, current-user-principal, privileges), else of
/// `/.well-known/carddav` (current-user-principal only), then addressbook-home-set on the
/// principal and a Depth 1 PROPFIND of the home; a response counts as an address book only when
/// its *first* `status` is `HTTP/1.1 200 OK` and its resourcetype has `addressbook`. The first
/// fill lists the book (Depth 1: resourcetype, getetag, getctag), multigets what it lacks and
/// reads the book's `sync-token`; later syncs are sync-collection (`Depth: 1`, sync-level 1,
/// getetag and address-data). Thunderbird accepts 207 and 400 there: on 400 it refetches
/// everything; a card without address-data in the answer is multigot. Its namespaces are
/// `d`, `card` and `cs`, with `DAV:` also the default.
struct ThunderbirdAddressBookSequenceTests {
    static let book = CardPaths.contacts
    static let userAgent = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Thunderbird/128.5.0"
    static let namespaces =
        "xmlns:card=\"urn:ietf:params:xml:ns:carddav\" xmlns:cs=\"http://calendarserver.org/ns/\" xmlns:d=\"DAV:\""

    // MARK: Thunderbird's request bodies

    /// The first request of `detectAddressBooks`, on the URL the user typed.
    static let typedURLPropfind = """
        <propfind xmlns="DAV:">
                  <prop>
                    <resourcetype/>
                    <displayname/>
                    <current-user-principal/>
                    <current-user-privilege-set/>
                  </prop>
                </propfind>
        """
    static let wellKnownPropfind = """
        <propfind xmlns="DAV:">
                <prop>
                  <current-user-principal/>
                </prop>
              </propfind>
        """
    static let homeSetPropfind = """
        <propfind xmlns="DAV:" xmlns:card="urn:ietf:params:xml:ns:carddav">
                <prop>
                  <card:addressbook-home-set/>
                </prop>
              </propfind>
        """
    static let bookListPropfind = """
        <propfind xmlns="DAV:">
                <prop>
                  <resourcetype/>
                  <displayname/>
                  <current-user-privilege-set/>
                </prop>
              </propfind>
        """
    /// `fetchAllFromServer` and `updateAllFromServerV1`, Depth 1.
    static let etagListing = """
        <propfind xmlns="DAV:" \(namespaces)>
              <prop>
                <resourcetype/>
                <getetag/>
                <cs:getctag/>
              </prop>
            </propfind>
        """
    /// `_getSyncToken`, Depth 0.
    static let syncTokenPropfind = """
        <propfind xmlns="DAV:" \(namespaces)>
              <prop>
                 <displayname/>
                 <cs:getctag/>
                 <sync-token/>
              </prop>
            </propfind>
        """

    /// `updateAllFromServerV2`.
    static func syncBody(_ token: String) -> String {
        """
        <sync-collection xmlns="DAV:" \(namespaces)>
              <sync-token>\(token)</sync-token>
              <sync-level>1</sync-level>
              <prop>
                <getetag/>
                <card:address-data/>
              </prop>
            </sync-collection>
        """
    }

    /// `_multigetRequest`.
    static func multigetBody(_ hrefs: [String]) -> String {
        """
        <card:addressbook-multiget \(namespaces)>
              <d:prop>
                <d:getetag/>
                <card:address-data/>
              </d:prop>
              \(hrefs.map { "      <d:href>\($0)</d:href>" }.joined(separator: "\n"))
            </card:addressbook-multiget>
        """
    }

    /// A card as Thunderbird's VCardUtils writes it (vCard 4.0).
    static func thunderbirdCard(uid: String, name: (given: String, family: String), email: String) -> String {
        vcf([
            "BEGIN:VCARD", "VERSION:4.0", "N:\(name.family);\(name.given);;;", "FN:\(name.given) \(name.family)",
            "EMAIL;PREF=1:\(email)", "UID:\(uid)", "END:VCARD",
        ])
    }

    /// A card another device wrote (vCard 3.0).
    static func phoneCard(uid: String, fullName: String, tel: String) -> String {
        vcf([
            "BEGIN:VCARD", "VERSION:3.0", "PRODID:-//Almanac tests//phone//EN", "UID:\(uid)", "FN:\(fullName)",
            "N:\(fullName.split(separator: " ").last ?? "");\(fullName.split(separator: " ").first ?? "");;;",
            "TEL;TYPE=CELL:\(tel)", "END:VCARD",
        ])
    }

    // MARK: Helpers

    func propfind(_ fixture: DAVFixture, _ path: String, depth: String, _ body: String) async throws
        -> ClientMultistatus
    {
        try ClientMultistatus(await fixture.request("PROPFIND", path, headers: [("Depth", depth)], body: body))
    }

    func sync(_ fixture: DAVFixture, _ token: String, book: String = Self.book) async -> DAVResponse {
        await fixture.request(
            "REPORT", book,
            headers: [("Depth", "1"), ("Content-Type", "text/xml"), ("User-Agent", Self.userAgent)],
            body: Self.syncBody(token))
    }

    func multiget(_ fixture: DAVFixture, _ hrefs: [String], book: String = Self.book) async throws
        -> ClientMultistatus
    {
        try ClientMultistatus(
            await fixture.request("REPORT", book, headers: [("Depth", "1")], body: Self.multigetBody(hrefs)))
    }

    /// `fetchAllFromServer`: the etag listing (skipping the collection), a multiget of every card, and
    /// the book's sync-token. Returns the cards (href → (etag, vCard)) and the token.
    func fetchAll(_ fixture: DAVFixture, book: String = Self.book) async throws
        -> (cards: [String: (etag: String, card: String)], token: String)
    {
        let listing = try await propfind(fixture, book, depth: "1", Self.etagListing)
        var hrefs: [String] = []
        for entry in listing.entries {
            #expect(entry.firstPropstatStatus == ok200, "\(entry.href): first propstat must be 200")
            let resourcetype = try #require(entry.found(DAVNames.resourcetype), "\(entry.href): resourcetype")
            if resourcetype.child(DAVNames.collection) != nil {
                #expect(entry.href == book)
                continue
            }
            #expect(entry.text(DAVNames.getetag)?.hasPrefix("\"") == true)
            hrefs.append(entry.href)
        }
        var cards: [String: (etag: String, card: String)] = [:]
        if !hrefs.isEmpty {
            let fetched = try await multiget(fixture, hrefs, book: book)
            #expect(fetched.hrefs == hrefs)
            for entry in fetched.entries {
                #expect(entry.firstPropstatStatus == ok200)
                cards[entry.href] = (try #require(entry.text(DAVNames.getetag)), try #require(entry.addressData))
                #expect(cards[entry.href]?.etag == listing[entry.href]?.text(DAVNames.getetag))
            }
        }
        let tokenAnswer = try await propfind(fixture, book, depth: "0", Self.syncTokenPropfind)
        let token = try #require(tokenAnswer[book]?.text(DAVNames.syncToken))
        #expect(tokenAnswer[book]?.firstPropstatStatus == ok200)
        return (cards, token)
    }

    // MARK: Discovery

    /// The URL typed into the dialog is `/carddav` (a path, so Thunderbird PROPFINDs it first);
    /// `/.well-known/carddav` is redirected to `/dav/` by the HTTP front (RFC 6764 §5), and a bare
    /// host is tried at `/`. From each, the principal, the home and the one address book.
    @Test(arguments: [
        ("/carddav", ThunderbirdAddressBookSequenceTests.typedURLPropfind),
        ("/dav/", ThunderbirdAddressBookSequenceTests.wellKnownPropfind),
        ("/", ThunderbirdAddressBookSequenceTests.wellKnownPropfind),
    ])
    func discoveryFindsTheAddressBook(entry: String, body: String) async throws {
        let fixture = DAVFixture()
        let first = await fixture.request("PROPFIND", entry, headers: [("Depth", "0")], body: body)
        #expect(first.status == 207)
        let entryAnswer = try ClientMultistatus(first)
        #expect(entryAnswer.entries.count == 1)
        // `response.dom.querySelector("current-user-principal href")`.
        let principal = try #require(
            entryAnswer.entries.first?.found(DAVNames.currentUserPrincipal)?.child(DAVNames.href)?.text)
        #expect(principal == CardPaths.principal)
        #expect(entryAnswer.entries.first?.found(DAVNames.resourcetype)?.child(DAVNames.addressbook) == nil)

        let homeSet = try await propfind(fixture, principal, depth: "0", Self.homeSetPropfind)
        #expect(homeSet.entries.first?.firstPropstatStatus == ok200)
        let home = try #require(homeSet[principal]?.found(DAVNames.addressbookHomeSet)?.child(DAVNames.href)?.text)
        #expect(home == CardPaths.home)

        let list = try await propfind(fixture, home, depth: "1", Self.bookListPropfind)
        #expect(list.hrefs == [CardPaths.home, Self.book], "the home lists address books only")
        var found: [(href: String, name: String)] = []
        for entry in list.entries {
            // `r.querySelector("status")`: the first status in the response.
            guard (entry.status ?? entry.firstPropstatStatus) == ok200,
                entry.found(DAVNames.resourcetype)?.child(DAVNames.addressbook) != nil
            else { continue }
            // Read-only unless write or write-content is granted; skipped unless read is.
            #expect(entry.privileges.contains(.dav("read")))
            #expect(entry.privileges.contains(.dav("write")) && entry.privileges.contains(.dav("write-content")))
            found.append((entry.href, try #require(entry.text(DAVNames.displayname))))
        }
        #expect(found.map(\.href) == [Self.book])
        #expect(found.map(\.name) == ["Contacts"])
    }

    /// The address book URL pasted as it is shown (no discovery): the first PROPFIND must show
    /// `resourcetype addressbook`, with the 200 propstat first.
    @Test func addressBookURLTypedDirectly() async throws {
        let fixture = DAVFixture()
        let answer = try await propfind(fixture, Self.book, depth: "0", Self.typedURLPropfind)
        let entry = try #require(answer[Self.book])
        #expect(entry.propstats.count == 1)
        #expect(entry.firstPropstatStatus == ok200)
        #expect(entry.found(DAVNames.resourcetype)?.child(DAVNames.addressbook) != nil)
        #expect(entry.found(DAVNames.resourcetype)?.child(DAVNames.collection) != nil)
    }

    /// The home with Depth 1 and the properties a sync client asks: the home has no ctag or token
    /// (a 404 propstat), and that propstat comes after the 200 one in every response.
    @Test func homeListingPutsThe200PropstatFirst() async throws {
        let fixture = DAVFixture()
        #expect(await fixture.makeAddressBook("work", displayName: "Work").status == 201)
        let answer = try ClientMultistatus(
            await fixture.cardPropfind(
                CardPaths.home, depth: "1",
                "<d:resourcetype/><d:displayname/><cs:getctag/><d:sync-token/><card:supported-address-data/>"))
        #expect(answer.hrefs == [CardPaths.home, Self.book, CardPaths.book("work")])
        for entry in answer.entries {
            #expect(entry.status == nil)
            #expect(entry.propstats.map(\.status).first == ok200, "\(entry.href)")
        }
        let home = try #require(answer[CardPaths.home])
        #expect(home.propstats.map(\.status) == [ok200, "HTTP/1.1 404 Not Found"])
        #expect(home.status(of: DAVNames.getctag)?.contains(" 404 ") == true)
        #expect(home.status(of: DAVNames.syncToken)?.contains(" 404 ") == true)
        for book in [Self.book, CardPaths.book("work")] {
            let entry = try #require(answer[book])
            #expect(entry.propstats.count == 1, "every property asked is defined on an address book")
            #expect(entry.text(DAVNames.getctag)?.isEmpty == false)
            #expect(entry.text(DAVNames.syncToken)?.hasPrefix("urn:x-almanac:sync:") == true)
        }
        #expect(answer[CardPaths.book("work")]?.text(DAVNames.displayname) == "Work")
    }

    // MARK: Sync

    @Test func firstFillThenWebdavSyncAndConditionalWrites() async throws {
        let fixture = DAVFixture()
        let phone1 = Self.book + "phone-1.vcf"
        let phone2 = Self.book + "phone-2.vcf"
        let phone1Card = Self.phoneCard(uid: "phone-1", fullName: "Bob Builder", tel: "+49 170 1111111")
        #expect(await fixture.putCard(phone1, phone1Card).status == 201)
        #expect(
            await fixture.putCard(phone2, Self.phoneCard(uid: "phone-2", fullName: "Carol Jones", tel: "+1 555 0100"))
                .status == 201)

        // The first fill: every card, byte for byte, and a token.
        let first = try await fetchAll(fixture)
        #expect(Set(first.cards.keys) == [phone1, phone2])
        #expect(first.cards[phone1]?.card == phone1Card)
        let firstCtag = try await propfind(fixture, Self.book, depth: "0", Self.syncTokenPropfind)[Self.book]?.text(
            DAVNames.getctag)

        // Nothing changed: the same token and no members.
        let quietResponse = await sync(fixture, first.token)
        let quiet = try SyncAnswer(quietResponse, collection: Self.book)
        #expect(quiet.allMembers.isEmpty && !quiet.truncated)
        #expect(quiet.token == first.token)

        // An empty token is the initial state of RFC 6578 §3.2: every member with its data.
        let everything = try SyncAnswer(await sync(fixture, ""), collection: Self.book)
        #expect(Set(everything.changed) == [phone1, phone2])
        #expect(everything.multistatus[phone1]?.addressData == phone1Card)
        #expect(everything.token == first.token)

        // A new card: If-None-Match: *, named after its UID; the replay of the same add is refused.
        let aliceUID = "4e3a6c1e-2b8f-4a57-9b0c-1f2d3e4a5b6c"
        let alice = Self.book + aliceUID + ".vcf"
        let aliceCard = Self.thunderbirdCard(
            uid: aliceUID, name: ("Alice", "Example"), email: "alice@example.org")
        let created = await fixture.putCard(
            alice, aliceCard, contentType: "text/vcard", headers: [("If-None-Match", "*")])
        #expect(created.status == 201)
        let createdETag = try #require(created.header("ETag"))
        #expect(createdETag.hasPrefix("\"") && createdETag.hasSuffix("\""))
        let replayed = await fixture.putCard(
            alice, aliceCard.replacingOccurrences(of: "Alice", with: "Alicia"), contentType: "text/vcard",
            headers: [("If-None-Match", "*")])
        #expect(replayed.status == 412)

        // After a PUT Thunderbird multigets the href to store the server's copy and etag.
        let readBack = try await multiget(fixture, [alice])
        #expect(readBack[alice]?.text(DAVNames.getetag) == createdETag)
        #expect(readBack[alice]?.addressData == aliceCard)

        // An edit with If-Match; then the same edit from a stale copy.
        let edited = aliceCard.replacingOccurrences(
            of: "EMAIL;PREF=1:alice@example.org", with: "EMAIL;PREF=1:alice@work.example")
        let editResponse = await fixture.putCard(
            alice, edited, contentType: "text/vcard", headers: [("If-Match", createdETag)])
        #expect(editResponse.status == 204)
        let editedETag = try #require(editResponse.header("ETag"))
        #expect(editedETag != createdETag)
        #expect(
            await fixture.putCard(alice, aliceCard, contentType: "text/vcard", headers: [("If-Match", createdETag)])
                .status == 412)

        // Meanwhile the phone edits one card; Thunderbird deletes the other (no condition).
        #expect(
            await fixture.putCard(
                phone1, phone1Card.replacingOccurrences(of: "+49 170 1111111", with: "+49 170 2222222")
            )
            .status == 204)
        #expect(await fixture.request("DELETE", phone2).status == 204)
        #expect(await fixture.request("DELETE", phone2).status == 404)

        let secondCtag = try await propfind(fixture, Self.book, depth: "0", Self.syncTokenPropfind)[Self.book]?.text(
            DAVNames.getctag)
        #expect(secondCtag != nil && secondCtag != firstCtag)

        // The incremental sync: each change once, removals as a 404 response without propstat.
        let response = await sync(fixture, first.token)
        let incremental = try SyncAnswer(response, collection: Self.book)
        #expect(Set(incremental.changed) == [alice, phone1])
        #expect(incremental.removed == [phone2])
        #expect(incremental.multistatus[phone2]?.propstats.isEmpty == true)
        #expect(incremental.allMembers.count == Set(incremental.allMembers).count)
        for href in incremental.changed {
            let entry = try #require(incremental.multistatus[href])
            #expect(entry.firstPropstatStatus == ok200)
            #expect(entry.propstats.count == 1)
        }
        #expect(incremental.multistatus[alice]?.text(DAVNames.getetag) == editedETag)
        #expect(incremental.multistatus[alice]?.addressData == edited)
        #expect(incremental.multistatus[phone1]?.addressData?.contains("TEL;TYPE=CELL:+49 170 2222222") == true)
        #expect(incremental.token != first.token)

        // Thunderbird keeps the answer's token; the next sync is quiet.
        let after = try SyncAnswer(await sync(fixture, incremental.token), collection: Self.book)
        #expect(after.allMembers.isEmpty)
        #expect(after.token == incremental.token)
    }

    /// `_sendCardToServer` as Thunderbird sends it: no If-Match or If-None-Match, `text/vcard`,
    /// then a multiget of the href (Google moves cards, so it never trusts a GET); a deleted
    /// card's href in a multiget is a 404 response, which Thunderbird skips.
    @Test func unconditionalPutThenMultigetReadBack() async throws {
        let fixture = DAVFixture()
        let uid = "b1946ac9-2fa9-4a2c-8c1e-0d0e5f1a2b3c"
        let href = Self.book + uid + ".vcf"
        let card = Self.thunderbirdCard(uid: uid, name: ("Dora", "Explorer"), email: "dora@example.org")
        let created = await fixture.putCard(href, card, contentType: "text/vcard")
        #expect(created.status == 201)
        let changed = card.replacingOccurrences(of: "Dora Explorer", with: "Dora M. Explorer")
        let updated = await fixture.putCard(href, changed, contentType: "text/vcard")
        #expect(updated.status == 204)
        let fetched = try await multiget(fixture, [href])
        #expect(fetched.hrefs == [href])
        #expect(fetched[href]?.text(DAVNames.getetag) == updated.header("ETag"))
        #expect(fetched[href]?.addressData == changed)

        #expect(await fixture.request("DELETE", href).status == 204)
        let gone = try await multiget(fixture, [href])
        #expect(gone[href]?.status == "HTTP/1.1 404 Not Found")
        #expect(gone[href]?.propstats.isEmpty == true)
        #expect(try await fixture.storedCards().isEmpty)
    }

    /// A token the server no longer honours gets `DAV:valid-sync-token` (RFC 6578 §3.2) with 400,
    /// the status on which Thunderbird refetches (other clients get the RFC's 403). After
    /// the full refetch, the token Thunderbird then holds must work, even though the change log
    /// was pruned past it while this address book was quiet and a calendar kept changing.
    @Test func outdatedTokenIsRefusedAndTheRefetchedTokenWorks() async throws {
        let fixture = DAVFixture()
        let eve = Self.book + "eve.vcf"
        #expect(
            await fixture.putCard(eve, Self.phoneCard(uid: "eve", fullName: "Eve Adams", tel: "+1 555 0199")).status
                == 201)
        let held = try await fetchAll(fixture).token

        // A card changes, then only the calendar does; the kept log is pruned to now.
        let frank = Self.book + "frank.vcf"
        #expect(
            await fixture.putCard(frank, Self.phoneCard(uid: "frank", fullName: "Frank Ocean", tel: "+1 555 0111"))
                .status == 201)
        #expect(await fixture.put(DAVFixture.calendar + "later.ics", event(uid: "later")).status == 201)
        let pruned = try await fixture.stores.withStore(userID: 1) { store in
            try await store.pruneChanges(olderThan: Date().addingTimeInterval(60))
        }
        #expect(pruned > 0)

        let refused = await sync(fixture, held)
        #expect(refused.status == 400)
        #expect(try xml(refused).child(.dav("valid-sync-token")) != nil)

        // The refetch: both cards, and a token.
        let refetched = try await fetchAll(fixture)
        #expect(Set(refetched.cards.keys) == [eve, frank])
        let next = await sync(fixture, refetched.token)
        #expect(
            next.status == 207,
            "a token issued just now must be honoured: \(String(decoding: next.body, as: UTF8.self))")
        if next.status == 207 {
            let quiet = try SyncAnswer(next, collection: Self.book)
            #expect(quiet.allMembers.isEmpty)
            // And a later change is reported against it.
            #expect(await fixture.request("DELETE", eve).status == 204)
            let afterDelete = try SyncAnswer(await sync(fixture, quiet.token), collection: Self.book)
            #expect(afterDelete.removed == [eve] && afterDelete.changed.isEmpty)
        }
    }

    /// A token issued for an address book that was deleted and made again under the same name
    /// names the old collection: `valid-sync-token` (400 for Thunderbird), and the new book's own
    /// token works.
    @Test func tokenOfARecreatedAddressBookIsRefused() async throws {
        let fixture = DAVFixture()
        let work = CardPaths.book("work")
        #expect(await fixture.makeAddressBook("work", displayName: "Work").status == 201)
        #expect(
            await fixture.putCard(work + "boss.vcf", Self.phoneCard(uid: "boss", fullName: "Big Boss", tel: "1")).status
                == 201)
        let held = try await fetchAll(fixture, book: work).token

        #expect(await fixture.request("DELETE", work).status == 204)
        #expect(await fixture.makeAddressBook("work", displayName: "Work").status == 201)

        let refused = await sync(fixture, held, book: work)
        #expect(refused.status == 400)
        #expect(try xml(refused).child(.dav("valid-sync-token")) != nil)
        let refetched = try await fetchAll(fixture, book: work)
        #expect(refetched.cards.isEmpty)
        #expect(refetched.token != held)
        #expect(try SyncAnswer(await sync(fixture, refetched.token, book: work), collection: work).allMembers.isEmpty)
        // A token of the calendar is no token of the address book either.
        let calendarToken = try #require(
            try ClientMultistatus(await fixture.propfind(DAVFixture.calendar, "<d:sync-token/>"))[DAVFixture.calendar]?
                .text(DAVNames.syncToken))
        #expect(await sync(fixture, calendarToken).status == 400)
        // Without Thunderbird's User-Agent the refusal is RFC 6578's 403.
        let other = await fixture.request(
            "REPORT", Self.book, headers: [("Depth", "1"), ("User-Agent", "DAVx5/4.4 (okhttp/4.12)")],
            body: Self.syncBody(calendarToken))
        #expect(other.status == 403)
        #expect(try xml(other).child(.dav("valid-sync-token")) != nil)
    }

    /// Thunderbird falls back to a full refetch on 400, which is what a broken request gets (and
    /// it changes nothing).
    @Test(arguments: [
        "<sync-collection xmlns=\"DAV:\"><sync-token></sync-token><sync-level>1</sync-level><prop><getetag/>",
        "<sync-collection xmlns=\"DAV:\"><sync-token/><sync-level>2</sync-level><prop><getetag/></prop></sync-collection>",
        "<sync-collection xmlns=\"DAV:\"><sync-token/><sync-level>1</sync-level><limit><nresults>all</nresults></limit>"
            + "<prop><getetag/></prop></sync-collection>",
    ])
    func malformedSyncCollectionIsABadRequest(body: String) async throws {
        let fixture = DAVFixture()
        #expect(
            await fixture.putCard(Self.book + "a.vcf", Self.phoneCard(uid: "a", fullName: "A B", tel: "1")).status
                == 201)
        let before = try await fetchAll(fixture)
        let response = await fixture.request("REPORT", Self.book, headers: [("Depth", "1")], body: body)
        #expect(response.status == 400)
        let after = try await fetchAll(fixture)
        #expect(after.token == before.token)
        #expect(after.cards.mapValues { $0.etag } == before.cards.mapValues { $0.etag })
    }
}
