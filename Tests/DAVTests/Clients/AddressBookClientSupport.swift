import DAVXML
import Foundation
import Store
import Testing

@testable import DAV

/// The CardDAV paths of the fixture's user (RFC 6352 §7.1.1 addressbook-home-set).
enum CardPaths {
    static let principal = "/dav/principals/demo@example.test/"
    static let home = "/dav/addressbooks/demo@example.test/"
    /// The default address book every user starts with.
    static let contacts = home + "contacts/"

    static func book(_ name: String) -> String { home + name + "/" }
}

/// vCard text from lines, CRLF-terminated (RFC 6350 §3.2, RFC 2426 §4).
func vcf(_ lines: [String]) -> String {
    lines.joined(separator: "\r\n") + "\r\n"
}

extension DAVFixture {
    /// PUTs a card and returns the response.
    @discardableResult
    func putCard(
        _ path: String, _ card: String, contentType: String = "text/vcard; charset=utf-8",
        headers: [(String, String)] = []
    ) async -> DAVResponse {
        await request("PUT", path, headers: [("Content-Type", contentType)] + headers, body: card)
    }

    /// A PROPFIND whose body binds `d` (DAV:), `card` (CardDAV) and `cs` (CalendarServer).
    func cardPropfind(_ path: String, depth: String = "0", _ properties: String) async -> DAVResponse {
        await request(
            "PROPFIND", path, headers: [("Depth", depth)],
            body: """
                <?xml version="1.0" encoding="utf-8"?>
                <d:propfind xmlns:d="DAV:" xmlns:card="urn:ietf:params:xml:ns:carddav" \
                xmlns:cs="http://calendarserver.org/ns/"><d:prop>\(properties)</d:prop></d:propfind>
                """)
    }

    /// An address book made by extended MKCOL (RFC 5689 §3, RFC 6352 §6.3.1).
    @discardableResult
    func makeAddressBook(_ name: String, displayName: String) async -> DAVResponse {
        await request(
            "MKCOL", CardPaths.book(name),
            body: """
                <?xml version="1.0" encoding="utf-8"?>
                <d:mkcol xmlns:d="DAV:" xmlns:card="urn:ietf:params:xml:ns:carddav"><d:set><d:prop>\
                <d:resourcetype><d:collection/><card:addressbook/></d:resourcetype>\
                <d:displayname>\(displayName)</d:displayname></d:prop></d:set></d:mkcol>
                """)
    }

    /// The resource names and bodies of the cards in the default address book, read from the store.
    func storedCards() async throws -> [String: String] {
        try await stores.withStore(userID: 1) { store in
            let book = try #require(try await store.folder(role: .contacts))
            let items = try await store.items(folderID: book.id)
            return Dictionary(
                items.map { ($0.resourceName, String(decoding: $0.body, as: UTF8.self)) },
                uniquingKeysWith: { first, _ in first })
        }
    }
}

extension ClientMultistatus.Entry {
    /// The privilege names of `current-user-privilege-set` (RFC 3744 §5.4).
    var privileges: Set<XMLName> {
        Set(
            found(DAVNames.currentUserPrivilegeSet)?.descendants(DAVNames.privilege).flatMap(\.children).map(\.name)
                ?? [])
    }

    /// The report names of `supported-report-set` (RFC 3253 §3.1.5).
    var supportedReports: [XMLName] {
        found(DAVNames.supportedReportSet)?.descendants(DAVNames.report).flatMap(\.children).map(\.name) ?? []
    }

    /// The `address-data` text of a multiget or sync answer.
    var addressData: String? { text(DAVNames.addressData) }
}

/// The compliance classes of an OPTIONS answer's `DAV` header (RFC 4918 §10.1).
func complianceClasses(_ response: DAVResponse) -> [String] {
    response.header("DAV")?.split(separator: ",").map { String(String($0).trimmingWhitespace()) } ?? []
}

/// An addressbook-multiget (RFC 6352 §8.7) asking for getetag and address-data, with the
/// address-data attributes given (`content-type="text/vcard" version="4.0"`).
func addressbookMultiget(_ hrefs: [String], addressDataAttributes: String = "", extra: String = "") -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <card:addressbook-multiget xmlns:d="DAV:" xmlns:card="urn:ietf:params:xml:ns:carddav">\
    <d:prop><d:getetag/>\(extra)<card:address-data\(addressDataAttributes)/></d:prop>\
    \(hrefs.map { "<d:href>\($0)</d:href>" }.joined())</card:addressbook-multiget>
    """
}
