import DAVXML
import Foundation
import Testing

@testable import DAV

/// PUTs of cards that careless or broken clients send: each gets the status and the CardDAV
/// precondition RFC 6352 §6.3.2.1 names, and none changes anything a client can see (the
/// books' listings, ctags and sync-tokens) or what is stored.
struct BadCardClientTests {
    static let book = CardPaths.contacts
    static let work = CardPaths.book("work")
    static let kept = book + "keep.vcf"
    static let keptCard = vcf(["BEGIN:VCARD", "VERSION:3.0", "UID:keep", "FN:Keep Me", "N:Me;Keep;;;", "END:VCARD"])

    static func card(uid: String = "new-card", extra: [String] = []) -> String {
        vcf(["BEGIN:VCARD", "VERSION:4.0", "UID:\(uid)", "FN:New Card"] + extra + ["END:VCARD"])
    }

    static func condition(_ name: String) -> XMLName { XMLName(Namespaces.cardDAV, name) }

    func seeded(limits: DAVLimits = DAVLimits()) async -> DAVFixture {
        let fixture = DAVFixture(limits: limits)
        await fixture.putCard(Self.kept, Self.keptCard)
        await fixture.makeAddressBook("work", displayName: "Work")
        await fixture.putCard(Self.work + "colleague.vcf", Self.card(uid: "colleague"))
        return fixture
    }

    /// What a client could observe: each book's name, ctag and sync-token, each card's etag,
    /// and the stored cards of the default book.
    func snapshot(_ fixture: DAVFixture) async throws -> [String: String] {
        var state: [String: String] = [:]
        let home = try ClientMultistatus(
            await fixture.cardPropfind(CardPaths.home, depth: "1", "<d:displayname/><cs:getctag/><d:sync-token/>"))
        #expect(home.hrefs == [CardPaths.home, Self.book, Self.work])
        for entry in home.entries where entry.href != CardPaths.home {
            state[entry.href] = [
                entry.text(DAVNames.displayname), entry.text(DAVNames.getctag), entry.text(DAVNames.syncToken),
            ].map { $0 ?? "-" }.joined(separator: "|")
            let members = try ClientMultistatus(await fixture.cardPropfind(entry.href, depth: "1", "<d:getetag/>"))
            for member in members.entries where member.href != entry.href {
                state[member.href] = member.text(DAVNames.getetag) ?? "-"
            }
        }
        for (name, body) in try await fixture.storedCards() {
            state["stored:" + name] = body
        }
        return state
    }

    /// Sends the PUT, checks the status and the precondition, and that nothing changed.
    @discardableResult
    func expectRefusedAndUnchanged(
        _ fixture: DAVFixture, _ path: String, contentType: String? = "text/vcard; charset=utf-8",
        headers: [(String, String)] = [], body: String, status: Int, condition: XMLName,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> XMLElement {
        let before = try await snapshot(fixture)
        let response = await fixture.request(
            "PUT", path, headers: (contentType.map { [("Content-Type", $0)] } ?? []) + headers, body: body)
        #expect(
            response.status == status, "PUT \(path): \(String(decoding: response.body, as: UTF8.self))",
            sourceLocation: sourceLocation)
        #expect(response.header("ETag") == nil, sourceLocation: sourceLocation)
        let error = try xml(response)
        #expect(error.name == .dav("error"), sourceLocation: sourceLocation)
        #expect(
            error.child(condition) != nil, "expected \(condition) in \(error.children.map(\.name))",
            sourceLocation: sourceLocation)
        #expect(try await snapshot(fixture) == before, "PUT \(path) changed the store", sourceLocation: sourceLocation)
        return error
    }

    // MARK: Not a usable vCard

    @Test(arguments: [
        ("plain text", "Hello, this is not a card.\r\n"),
        ("empty", ""),
        ("truncated", "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:cut\r\nFN:Cut Off\r\n"),
        ("calendar", event(uid: "not-a-card")),
        ("no FN", vcf(["BEGIN:VCARD", "VERSION:4.0", "UID:no-fn", "N:Name;No;;;", "END:VCARD"])),
        ("no UID", vcf(["BEGIN:VCARD", "VERSION:4.0", "FN:No UID", "END:VCARD"])),
        ("empty UID", vcf(["BEGIN:VCARD", "VERSION:4.0", "UID:", "FN:Empty UID", "END:VCARD"])),
        ("two UIDs", vcf(["BEGIN:VCARD", "VERSION:4.0", "UID:one", "UID:two", "FN:Two UIDs", "END:VCARD"])),
        ("no VERSION", vcf(["BEGIN:VCARD", "UID:no-version", "FN:No Version", "END:VCARD"])),
        ("two cards", BadCardClientTests.card(uid: "first") + BadCardClientTests.card(uid: "second")),
    ])
    func invalidCardIsValidAddressData(label: String, body: String) async throws {
        let fixture = await seeded()
        for path in [Self.book + "bad.vcf", Self.kept] {
            try await expectRefusedAndUnchanged(
                fixture, path, body: body, status: 403, condition: Self.condition("valid-address-data"))
        }
    }

    /// vCard 2.1 is not among the versions `supported-address-data` lists (3.0 and 4.0).
    @Test func vCard21IsUnsupportedAddressData() async throws {
        let fixture = await seeded()
        let old = vcf([
            "BEGIN:VCARD", "VERSION:2.1", "UID:old-phone", "N:Müller;Jürgen", "FN:Jürgen Müller",
            "TEL;CELL:+49 170 1234567", "END:VCARD",
        ])
        try await expectRefusedAndUnchanged(
            fixture, Self.book + "old.vcf", body: old, status: 403, condition: Self.condition("supported-address-data"))
    }

    @Test(arguments: ["text/calendar", "application/json", "text/plain", "application/octet-stream"])
    func otherMediaTypeIsUnsupportedAddressData(contentType: String) async throws {
        let fixture = await seeded()
        for path in [Self.book + "typed.vcf", Self.kept] {
            try await expectRefusedAndUnchanged(
                fixture, path, contentType: contentType, body: Self.card(uid: "typed"), status: 403,
                condition: Self.condition("supported-address-data"))
        }
    }

    /// Larger than the book's `max-resource-size` (RFC 6352 §6.2.3): refused before parsing, the
    /// old version of the card kept.
    @Test func cardLargerThanMaxResourceSizeIsRefused() async throws {
        var limits = DAVLimits()
        limits.maximumResourceSize = 4096
        let fixture = await seeded(limits: limits)
        let advertised = try ClientMultistatus(await fixture.cardPropfind(Self.book, "<card:max-resource-size/>"))
        #expect(advertised[Self.book]?.text(DAVNames.cardMaxResourceSize) == "4096")
        let note = "NOTE:" + String(repeating: "x", count: 4100)
        let large = Self.card(uid: "keep", extra: [note])
        #expect(large.utf8.count > 4096)
        for path in [Self.book + "large.vcf", Self.kept] {
            try await expectRefusedAndUnchanged(
                fixture, path, body: large, status: 403, condition: Self.condition("max-resource-size"))
        }
        // Just under the limit is fine.
        let fits = Self.card(uid: "fits", extra: ["NOTE:" + String(repeating: "y", count: 3900)])
        #expect(fits.utf8.count <= 4096)
        #expect(await fixture.putCard(Self.book + "fits.vcf", fits).status == 201)
    }

    /// RFC 6352 §6.3.2.1 `no-uid-conflict`: the UID of a card in this home, under another name in
    /// the same book or in another book; the error names the card that holds it.
    @Test(arguments: [
        (BadCardClientTests.book + "copy.vcf", BadCardClientTests.kept),
        (BadCardClientTests.work + "copy.vcf", BadCardClientTests.kept),
        (BadCardClientTests.book + "copy.vcf", BadCardClientTests.work + "colleague.vcf"),
    ])
    func reusedUIDIsANoUIDConflict(path: String, holder: String) async throws {
        let fixture = await seeded()
        let uid = holder == Self.kept ? "keep" : "colleague"
        let error = try await expectRefusedAndUnchanged(
            fixture, path, body: Self.card(uid: uid), status: 403, condition: Self.condition("no-uid-conflict"))
        #expect(error.child(Self.condition("no-uid-conflict"))?.children(DAVNames.href).map(\.text) == [holder])
        // Overwriting an existing card with another card's UID is refused alike.
        let other = holder == Self.kept ? Self.work + "colleague.vcf" : Self.kept
        let second = try await expectRefusedAndUnchanged(
            fixture, other, body: Self.card(uid: uid), status: 403, condition: Self.condition("no-uid-conflict"))
        #expect(second.child(Self.condition("no-uid-conflict"))?.children(DAVNames.href).map(\.text) == [holder])
    }

    /// The same UID in the same href is an update, not a conflict; If-None-Match: * on it is a 412.
    @Test func sameUIDAtTheSameHrefIsAnUpdate() async throws {
        let fixture = await seeded()
        let before = try await snapshot(fixture)
        let refused = await fixture.putCard(Self.kept, Self.keptCard, headers: [("If-None-Match", "*")])
        #expect(refused.status == 412)
        #expect(try await snapshot(fixture) == before)
        let changed = Self.keptCard.replacingOccurrences(of: "FN:Keep Me", with: "FN:Kept")
        #expect(await fixture.putCard(Self.kept, changed).status == 204)
        #expect(try await fixture.storedCards()["keep.vcf"] == changed)
    }
}
