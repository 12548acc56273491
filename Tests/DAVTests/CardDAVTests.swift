import DAVXML
import Foundation
import Store
import Testing

@testable import DAV

/// A vCard 3.0 with CRLF line ends.
private func card(uid: String, fn: String, version: String = "3.0", _ lines: String...) -> String {
    (["BEGIN:VCARD", "VERSION:\(version)", "UID:\(uid)", "FN:\(fn)"] + lines + ["END:VCARD"])
        .joined(separator: "\r\n") + "\r\n"
}

private let addressBookHome = "/dav/addressbooks/demo@example.test/"
private let contacts = addressBookHome + "contacts/"
private let carddav = "urn:ietf:params:xml:ns:carddav"

private func putCard(_ fixture: DAVFixture, _ name: String, _ text: String, headers: [(String, String)] = []) async
    -> DAVResponse
{
    await fixture.request(
        "PUT", contacts + name, headers: [("Content-Type", "text/vcard; charset=utf-8")] + headers, body: text)
}

private func query(_ filter: String, test: String = "anyof", prop: String = "<d:getetag/>", limit: String = "")
    -> String
{
    """
    <?xml version="1.0" encoding="utf-8"?>
    <c:addressbook-query xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:carddav">
    <d:prop>\(prop)</d:prop><c:filter test="\(test)">\(filter)</c:filter>\(limit)
    </c:addressbook-query>
    """
}

private func names(_ response: DAVResponse) throws -> [String] {
    try xml(response).children(DAVNames.response).compactMap { $0.child(DAVNames.href)?.text }
        .filter { $0.hasPrefix(contacts) && $0 != contacts }.map { String($0.dropFirst(contacts.count)) }.sorted()
}

private func ctag(_ fixture: DAVFixture) async throws -> String {
    let response = await fixture.propfind(contacts, "<cs:getctag/>")
    return try #require(try xml(response).descendants(DAVNames.getctag).first?.text)
}

/// CardDAV (RFC 6352) on the DAV core: discovery, properties, writes and their preconditions,
/// reports.
struct CardDAVTests {
    func seeded() async -> DAVFixture {
        let fixture = DAVFixture()
        await putCard(
            fixture, "alice.vcf",
            card(
                uid: "alice", fn: "Ålice Ångström", "N:Ångström;Ålice;;;", "EMAIL;TYPE=work:Alice@Example.COM",
                "TEL;TYPE=cell:+49 170 1234567", "NOTE:Met at the fair\\, booth 7"))
        await putCard(
            fixture, "bob.vcf",
            card(uid: "bob", fn: "Bob Builder", "EMAIL;TYPE=home:bob@work.example", "ORG:Builders Ltd."))
        await putCard(
            fixture, "group.vcf",
            card(
                uid: "group", fn: "Friends", "X-ADDRESSBOOKSERVER-KIND:group",
                "X-ADDRESSBOOKSERVER-MEMBER:urn:uuid:alice"))
        return fixture
    }

    // MARK: Discovery and properties

    @Test func principalHomeAndAddressBookProperties() async throws {
        let fixture = DAVFixture()
        let principal = await fixture.propfind(
            "/dav/principals/demo@example.test/", "<r:addressbook-home-set xmlns:r=\"\(carddav)\"/>")
        #expect(
            try xml(principal).descendants(DAVNames.addressbookHomeSet).first?.child(DAVNames.href)?.text
                == addressBookHome)
        let listing = await fixture.propfind(
            addressBookHome, depth: "1",
            "<d:resourcetype/><d:displayname/><cs:getctag/><d:sync-token/><r:supported-address-data xmlns:r=\"\(carddav)\"/><r:max-resource-size xmlns:r=\"\(carddav)\"/><d:supported-report-set/>"
        )
        #expect(listing.status == 207)
        let responses = try xml(listing).children(DAVNames.response)
        let book = try #require(responses.first { $0.child(DAVNames.href)?.text == contacts })
        // RFC 6352 §5.2: the collection is an addressbook; the 200 propstat comes first.
        #expect(book.descendants(DAVNames.addressbook).count == 1)
        #expect(book.children(DAVNames.propstat).first?.child(DAVNames.status)?.text == "HTTP/1.1 200 OK")
        #expect(book.descendants(DAVNames.displayname).first?.text == "Contacts")
        let versions = book.descendants(DAVNames.addressDataType).compactMap { $0.attributes[XMLName("", "version")] }
        #expect(versions == ["3.0", "4.0"])
        #expect(book.descendants(DAVNames.cardMaxResourceSize).first?.text == String(DAVLimits().maximumResourceSize))
        #expect(book.descendants(DAVNames.addressbookMultiget).count == 1)
        #expect(book.descendants(DAVNames.addressbookQuery).count == 1)
        #expect(book.descendants(DAVNames.calendarQuery).isEmpty)
        #expect(book.descendants(DAVNames.syncToken).first?.text.hasPrefix("urn:x-almanac:sync:") == true)
        // Calendars are not address books.
        #expect(!responses.contains { $0.child(DAVNames.href)?.text.contains("calendar") == true })
        let options = await fixture.request("OPTIONS", "/dav/principals/demo@example.test/")
        #expect(options.headers.first { $0.0 == "DAV" }?.1.contains("addressbook") == true)
        let entry = await fixture.propfind("/carddav", "<d:current-user-principal/>")
        #expect(
            try xml(entry).descendants(DAVNames.currentUserPrincipal).first?.child(DAVNames.href)?.text
                == "/dav/principals/demo@example.test/")
    }

    // MARK: Writes

    @Test func putGetKeepsTheBytesAndConvertsOnlyWhenAccepted() async throws {
        let fixture = DAVFixture()
        let text = card(
            uid: "kept", fn: "Kept Bytes", "item1.EMAIL;type=INTERNET;type=pref:kept@example.com",
            "item1.X-ABLabel:_$!<Other>!$_", "X-CUSTOM;X-PARAM=1:whatever\\, really")
        let created = await putCard(fixture, "kept.vcf", text, headers: [("If-None-Match", "*")])
        #expect(created.status == 201)
        let etag = try #require(created.headers.first { $0.0 == "ETag" }?.1)
        let again = await putCard(fixture, "kept.vcf", text, headers: [("If-None-Match", "*")])
        #expect(again.status == 412)
        let got = await fixture.request("GET", contacts + "kept.vcf")
        #expect(got.status == 200)
        #expect(got.body == Array(text.utf8))
        #expect(got.headers.first { $0.0 == "ETag" }?.1 == etag)
        #expect(got.headers.first { $0.0 == "Content-Type" }?.1.hasPrefix("text/vcard") == true)
        // DAVx5's Accept: a 4.0 representation of the stored 3.0 card.
        let v4 = await fixture.request(
            "GET", contacts + "kept.vcf",
            headers: [("Accept", "text/vcard;version=4.0, text/vcard;charset=utf-8;q=0.8")])
        let v4Text = String(decoding: v4.body, as: UTF8.self)
        #expect(v4Text.contains("VERSION:4.0\r\n"))
        #expect(v4Text.contains("UID:kept"))
        #expect(v4Text.contains("whatever\\, really"))
        let v3 = await fixture.request("GET", contacts + "kept.vcf", headers: [("Accept", "text/vcard;version=3.0")])
        #expect(v3.body == Array(text.utf8))
        let updated = await putCard(
            fixture, "kept.vcf", card(uid: "kept", fn: "Kept Again"), headers: [("If-Match", etag)])
        #expect(updated.status == 204)
        let stale = await putCard(fixture, "kept.vcf", card(uid: "kept", fn: "Stale"), headers: [("If-Match", etag)])
        #expect(stale.status == 412)
    }

    @Test(arguments: [
        ("not a card", "text/vcard", "valid-address-data"),
        ("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:No UID\r\nEND:VCARD\r\n", "text/vcard", "valid-address-data"),
        ("BEGIN:VCARD\r\nVERSION:3.0\r\nUID:x\r\nEND:VCARD\r\n", "text/vcard", "valid-address-data"),
        ("BEGIN:VCARD\r\nVERSION:2.1\r\nUID:old\r\nFN:Old\r\nEND:VCARD\r\n", "text/vcard", "supported-address-data"),
        (
            "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:a\r\nFN:A\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nUID:b\r\nFN:B\r\nEND:VCARD\r\n",
            "text/vcard", "valid-address-data"
        ),
        ("BEGIN:VCARD\r\nVERSION:3.0\r\nUID:c\r\nFN:C\r\nEND:VCARD\r\n", "text/calendar", "supported-address-data"),
        ("BEGIN:VCARD\r\nVERSION:3.0\r\nUID:alice\r\nFN:Other Alice\r\nEND:VCARD\r\n", "text/vcard", "no-uid-conflict"),
    ])
    func refusedPutsChangeNothing(body: String, contentType: String, condition: String) async throws {
        let fixture = await seeded()
        let before = try await ctag(fixture)
        let count = try await fixture.stores.withStore(userID: 1) { store in
            try await store.items(folderID: try #require(try await store.folder(role: .contacts)).id).count
        }
        let response = await fixture.request(
            "PUT", contacts + "refused.vcf", headers: [("Content-Type", contentType)], body: body)
        #expect(response.status == 403)
        let error = try xml(response)
        #expect(error.child(XMLName(carddav, condition)) != nil, "\(String(decoding: response.body, as: UTF8.self))")
        if condition == "no-uid-conflict" {
            #expect(error.descendants(DAVNames.href).first?.text == contacts + "alice.vcf")
        }
        #expect(try await ctag(fixture) == before)
        let after = try await fixture.stores.withStore(userID: 1) { store in
            try await store.items(folderID: try #require(try await store.folder(role: .contacts)).id).count
        }
        #expect(after == count)
        #expect(await fixture.request("GET", contacts + "refused.vcf").status == 404)
    }

    @Test func oversizedCardIsRefusedWithMaxResourceSize() async throws {
        var limits = DAVLimits()
        limits.maximumResourceSize = 200
        let fixture = DAVFixture(limits: limits)
        let big = card(uid: "big", fn: "Big", "NOTE:" + String(repeating: "x", count: 300))
        let response = await putCard(fixture, "big.vcf", big)
        #expect(response.status == 403)
        #expect(try xml(response).child(DAVNames.cardMaxResourceSize) != nil)
        #expect(await fixture.request("GET", contacts + "big.vcf").status == 404)
    }

    // MARK: addressbook-query

    @Test(arguments: [
        // (filter, test, expected names)
        (
            "<c:prop-filter name=\"EMAIL\"><c:text-match collation=\"i;unicode-casemap\">EXAMPLE.com</c:text-match></c:prop-filter>",
            "anyof", ["alice.vcf"]
        ),
        (
            "<c:prop-filter name=\"FN\"><c:text-match collation=\"i;unicode-casemap\" match-type=\"starts-with\">ålice</c:text-match></c:prop-filter>",
            "anyof", ["alice.vcf"]
        ),
        (
            "<c:prop-filter name=\"FN\"><c:text-match match-type=\"equals\">bob builder</c:text-match></c:prop-filter>",
            "anyof", ["bob.vcf"]
        ),
        (
            "<c:prop-filter name=\"EMAIL\"><c:text-match match-type=\"ends-with\">.example</c:text-match></c:prop-filter>",
            "anyof", ["bob.vcf"]
        ),
        (
            "<c:prop-filter name=\"FN\"><c:text-match collation=\"i;octet\">bob</c:text-match></c:prop-filter>",
            "anyof", []
        ),
        (
            "<c:prop-filter name=\"FN\"><c:text-match negate-condition=\"yes\">bob</c:text-match></c:prop-filter>",
            "anyof", ["alice.vcf", "group.vcf"]
        ),
        (
            "<c:prop-filter name=\"EMAIL\"><c:text-match>alice</c:text-match></c:prop-filter><c:prop-filter name=\"ORG\"><c:text-match>builders</c:text-match></c:prop-filter>",
            "anyof", ["alice.vcf", "bob.vcf"]
        ),
        (
            "<c:prop-filter name=\"EMAIL\"><c:text-match>alice</c:text-match></c:prop-filter><c:prop-filter name=\"ORG\"><c:text-match>builders</c:text-match></c:prop-filter>",
            "allof", []
        ),
        ("<c:prop-filter name=\"EMAIL\"><c:is-not-defined/></c:prop-filter>", "anyof", ["group.vcf"]),
        (
            "<c:prop-filter name=\"EMAIL\"><c:param-filter name=\"TYPE\"><c:text-match match-type=\"equals\">home</c:text-match></c:param-filter></c:prop-filter>",
            "anyof", ["bob.vcf"]
        ),
        // Without a collation CardDAV folds Unicode case (RFC 6352 §10.5.4).
        (
            "<c:prop-filter name=\"FN\"><c:text-match>ÅNGSTRÖM</c:text-match></c:prop-filter>", "anyof",
            ["alice.vcf"]
        ),
        // Text is matched unescaped: "fair\, booth" is "fair, booth".
        (
            "<c:prop-filter name=\"NOTE\"><c:text-match>fair, booth</c:text-match></c:prop-filter>", "anyof",
            ["alice.vcf"]
        ),
        (
            "<c:prop-filter name=\"X-ADDRESSBOOKSERVER-KIND\"><c:text-match match-type=\"equals\">group</c:text-match></c:prop-filter>",
            "anyof", ["group.vcf"]
        ),
        ("", "anyof", ["alice.vcf", "bob.vcf", "group.vcf"]),
    ])
    func queryFilters(filter: String, test: String, expected: [String]) async throws {
        let fixture = await seeded()
        let response = await fixture.report(contacts, query(filter, test: test))
        #expect(response.status == 207, "\(String(decoding: response.body, as: UTF8.self))")
        #expect(try names(response) == expected)
    }

    @Test func queryLimitAnswers507AndAddressDataSelectsPropertiesAndVersion() async throws {
        let fixture = await seeded()
        let limited = await fixture.report(
            contacts, query("", limit: "<c:limit><c:nresults>1</c:nresults></c:limit>"))
        let responses = try xml(limited).children(DAVNames.response)
        #expect(responses.count == 2)
        #expect(
            responses.contains {
                $0.child(DAVNames.href)?.text == contacts && $0.child(DAVNames.status)?.text.contains("507") == true
            })
        let selected = await fixture.report(
            contacts,
            query(
                "<c:prop-filter name=\"UID\"><c:text-match match-type=\"equals\">alice</c:text-match></c:prop-filter>",
                prop:
                    "<d:getetag/><c:address-data version=\"4.0\"><c:prop name=\"FN\"/><c:prop name=\"EMAIL\"/><c:prop name=\"TEL\" novalue=\"yes\"/></c:address-data>"
            ))
        let data = try #require(try xml(selected).descendants(DAVNames.addressData).first?.text)
        let lines = data.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.first == "BEGIN:VCARD")
        #expect(lines.contains("VERSION:4.0"))
        #expect(lines.contains("FN:Ålice Ångström"))
        #expect(lines.contains { $0.hasPrefix("EMAIL") && $0.hasSuffix(":Alice@Example.COM") })
        #expect(lines.contains { $0.hasPrefix("TEL") && $0.hasSuffix(":") })
        #expect(!lines.contains { $0.hasPrefix("NOTE") || $0.hasPrefix("N:") || $0.hasPrefix("UID") })
        let unsupported = await fixture.report(
            contacts, query("", prop: "<c:address-data content-type=\"application/vcard+json\"/>"))
        #expect(unsupported.status == 403)
        #expect(try xml(unsupported).child(XMLName(carddav, "supported-address-data-conversion")) != nil)
    }

    @Test func queryOnlyParsesCandidatesButStillFindsCardsWrittenBeforeTheIndex() async throws {
        let fixture = await seeded()
        // A card stored without search text (as before the index existed) is still a candidate.
        try await fixture.stores.withStore(userID: 1) { store in
            let book = try #require(try await store.folder(role: .contacts))
            _ = try await store.putItem(
                folderID: book.id, resourceName: "legacy.vcf", contentType: "text/vcard",
                body: Array(card(uid: "legacy", fn: "Legacy Card", "EMAIL:legacy@example.com").utf8),
                index: ItemIndex(uid: "legacy"), condition: .ifNoneMatchAny, quotaLimit: .max)
        }
        let response = await fixture.report(
            contacts, query("<c:prop-filter name=\"EMAIL\"><c:text-match>example.com</c:text-match></c:prop-filter>"))
        #expect(try names(response) == ["alice.vcf", "legacy.vcf"])
    }

    /// A single unicode-casemap text-match is answered from the stored search values: equal
    /// under canonical equivalence (a decomposed name found by a precomposed query), any of
    /// several values of one property, every match type.
    @Test(arguments: [
        ("FN", "contains", "JOSÉ", ["nfd.vcf"]),
        ("FN", "equals", "josé nuñez", ["nfd.vcf"]),
        ("FN", "starts-with", "Jose\u{301}", ["nfd.vcf"]),
        ("EMAIL", "equals", "second@b.test", ["nfd.vcf"]),
        ("EMAIL", "ends-with", "@A.TEST", ["nfd.vcf"]),
        ("EMAIL", "equals", "second@b", []),
        ("EMAIL", "contains", "example", ["alice.vcf", "bob.vcf"]),
    ])
    func queryOnSearchValues(property: String, matchType: String, text: String, expected: [String]) async throws {
        let fixture = await seeded()
        await putCard(
            fixture, "nfd.vcf",
            card(uid: "nfd", fn: "Jose\u{301} Nun\u{303}ez", "EMAIL:first@a.test", "EMAIL:second@b.test"))
        let response = await fixture.report(
            contacts,
            query(
                "<c:prop-filter name=\"\(property)\"><c:text-match match-type=\"\(matchType)\">\(text)</c:text-match></c:prop-filter>"
            ))
        #expect(response.status == 207)
        #expect(try names(response) == expected)
    }

    // MARK: multiget and sync

    @Test func multigetAnswersInRequestOrderWith404ForMissing() async throws {
        let fixture = await seeded()
        let response = await fixture.report(
            contacts,
            """
            <c:addressbook-multiget xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:carddav">
            <d:prop><d:getetag/><c:address-data/></d:prop>
            <d:href>\(contacts)bob.vcf</d:href><d:href>\(contacts)missing.vcf</d:href><d:href>\(contacts)alice.vcf</d:href>
            </c:addressbook-multiget>
            """)
        let responses = try xml(response).children(DAVNames.response)
        #expect(
            responses.compactMap { $0.child(DAVNames.href)?.text } == [
                contacts + "bob.vcf", contacts + "missing.vcf", contacts + "alice.vcf",
            ])
        #expect(responses[1].child(DAVNames.status)?.text.contains("404") == true)
        #expect(responses[0].descendants(DAVNames.addressData).first?.text.contains("UID:bob") == true)
    }

    @Test func syncCollectionReportsChangesAndTombstones() async throws {
        let fixture = await seeded()
        let body = { (token: String) in
            """
            <d:sync-collection xmlns:d="DAV:"><d:sync-token>\(token)</d:sync-token><d:sync-level>1</d:sync-level>
            <d:prop><d:getetag/></d:prop></d:sync-collection>
            """
        }
        let initial = await fixture.report(contacts, body(""))
        #expect(try names(initial) == ["alice.vcf", "bob.vcf", "group.vcf"])
        let token = try #require(try xml(initial).child(DAVNames.syncToken)?.text)
        #expect(await fixture.request("DELETE", contacts + "bob.vcf").status == 204)
        await putCard(fixture, "carol.vcf", card(uid: "carol", fn: "Carol"))
        let incremental = await fixture.report(contacts, body(token))
        let responses = try xml(incremental).children(DAVNames.response)
        #expect(try names(incremental) == ["bob.vcf", "carol.vcf"])
        let bob = try #require(responses.first { $0.child(DAVNames.href)?.text == contacts + "bob.vcf" })
        #expect(bob.child(DAVNames.status)?.text.contains("404") == true)
        // A calendar's token is not this address book's.
        let calendarToken = try #require(
            try xml(await fixture.propfind(DAVFixture.calendar, "<d:sync-token/>")).descendants(DAVNames.syncToken)
                .first?.text)
        let foreign = await fixture.report(contacts, body(calendarToken))
        #expect(foreign.status == 403)
    }

    // MARK: Collections

    @Test func mkcolProppatchDeleteAndMoveBetweenAddressBooks() async throws {
        let fixture = await seeded()
        let created = await fixture.request(
            "MKCOL", addressBookHome + "work/",
            body: """
                <?xml version="1.0" encoding="utf-8"?>
                <d:mkcol xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:carddav"><d:set><d:prop>
                <d:resourcetype><d:collection/><c:addressbook/></d:resourcetype><d:displayname>Work</d:displayname>
                <c:addressbook-description>Colleagues</c:addressbook-description>
                </d:prop></d:set></d:mkcol>
                """)
        #expect(created.status == 201)
        let work = addressBookHome + "work/"
        let properties = await fixture.propfind(
            work, "<d:displayname/><d:resourcetype/><r:addressbook-description xmlns:r=\"\(carddav)\"/>")
        #expect(try xml(properties).descendants(DAVNames.displayname).first?.text == "Work")
        #expect(try xml(properties).descendants(DAVNames.addressbookDescription).first?.text == "Colleagues")
        #expect(try xml(properties).descendants(DAVNames.addressbook).count == 1)
        let renamed = await fixture.request(
            "PROPPATCH", work,
            body: """
                <d:propertyupdate xmlns:d="DAV:"><d:set><d:prop><d:displayname>Office</d:displayname></d:prop></d:set>
                </d:propertyupdate>
                """)
        #expect(renamed.status == 207)
        // A copy in the same home would repeat the UID.
        let copy = await fixture.request(
            "COPY", contacts + "bob.vcf", headers: [("Destination", "http://localhost" + work + "bob.vcf")])
        #expect(copy.status == 403)
        #expect(try xml(copy).child(XMLName(carddav, "no-uid-conflict")) != nil)
        let move = await fixture.request(
            "MOVE", contacts + "bob.vcf", headers: [("Destination", work + "bob.vcf")])
        #expect(move.status == 201)
        #expect(await fixture.request("GET", work + "bob.vcf").status == 200)
        #expect(await fixture.request("GET", contacts + "bob.vcf").status == 404)
        // A card cannot move into a calendar.
        let intoCalendar = await fixture.request(
            "MOVE", contacts + "alice.vcf", headers: [("Destination", DAVFixture.calendar + "alice.vcf")])
        #expect(intoCalendar.status == 403)
        #expect(await fixture.request("DELETE", work).status == 204)
        #expect(await fixture.request("PROPFIND", work, headers: [("Depth", "0")]).status == 404)
        // The default address book stays.
        #expect(await fixture.request("DELETE", contacts).status == 403)
    }

    @Test func meCardIsKeptOnTheAddressBookHome() async throws {
        let fixture = await seeded()
        let set = await fixture.request(
            "PROPPATCH", addressBookHome,
            body: """
                <d:propertyupdate xmlns:d="DAV:" xmlns:cs="http://calendarserver.org/ns/"><d:set><d:prop>
                <cs:me-card><d:href>\(contacts)alice.vcf</d:href></cs:me-card></d:prop></d:set></d:propertyupdate>
                """)
        #expect(set.status == 207)
        #expect(try xml(set).descendants(DAVNames.status).first?.text == "HTTP/1.1 200 OK")
        let read = await fixture.propfind(addressBookHome, "<cs:me-card/>")
        #expect(
            try xml(read).descendants(DAVNames.meCard).first?.child(DAVNames.href)?.text == contacts + "alice.vcf")
    }
}
