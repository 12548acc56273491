import DAVXML
import Foundation
import Store
import Testing

@testable import DAV

/// A store pool in a temporary folder and the DAV service over it, acting for
/// `demo@example.test` (user 1).
final class DAVFixture: Sendable {
    static let address = "demo@example.test"
    static let home = "/dav/calendars/demo@example.test/"
    static let calendar = home + "calendar/"

    let root: URL
    let stores: StorePool
    let service: DAVService
    let principal: DAVPrincipal

    init(quotaBytes: Int64 = 25_000_000_000, limits: DAVLimits = DAVLimits()) {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("almanac-dav-\(UUID().uuidString)")
        stores = StorePool(directory: root, maxOpen: 4, bus: ChangeBus())
        service = DAVService(stores: stores, limits: limits)
        principal = DAVPrincipal(userID: 1, address: Self.address, displayName: "Demo User", quotaBytes: quotaBytes)
    }

    deinit {
        try? FileManager.default.removeItem(at: root)
    }

    func request(
        _ method: String, _ path: String, headers: [(String, String)] = [], body: String = ""
    ) async -> DAVResponse {
        await service.handle(
            DAVRequest(
                method: method, path: path, headers: headers.map { (name: $0.0, value: $0.1) },
                body: Array(body.utf8), principal: principal))
    }

    /// PUTs an event and returns the response.
    @discardableResult
    func put(_ path: String, _ ics: String, headers: [(String, String)] = []) async -> DAVResponse {
        await request("PUT", path, headers: [("Content-Type", "text/calendar")] + headers, body: ics)
    }

    func propfind(_ path: String, depth: String = "0", _ properties: String) async -> DAVResponse {
        await request(
            "PROPFIND", path, headers: [("Depth", depth)],
            body: """
                <?xml version="1.0" encoding="utf-8"?>
                <d:propfind xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav" \
                xmlns:cs="http://calendarserver.org/ns/" xmlns:a="http://apple.com/ns/ical/">
                <d:prop>\(properties)</d:prop></d:propfind>
                """)
    }

    func report(_ path: String, depth: String = "1", _ body: String) async -> DAVResponse {
        await request("REPORT", path, headers: [("Depth", depth)], body: body)
    }

    /// The number of items in the default calendar, read from the store.
    func itemCount() async throws -> Int {
        try await stores.withStore(userID: 1) { store in
            let calendar = try #require(try await store.folder(role: .calendar))
            return try await store.items(folderID: calendar.id).count
        }
    }
}

/// A response body parsed as XML.
func xml(_ response: DAVResponse) throws -> XMLElement {
    try XMLDocument.parse(response.body)
}

extension XMLElement {
    /// Every descendant with this name, depth first.
    func descendants(_ name: XMLName) -> [XMLElement] {
        children.flatMap { ($0.name == name ? [$0] : []) + $0.descendants(name) }
    }
}

/// An event in iCalendar with CRLF line ends.
func event(
    uid: String, start: String = "20261120T100000Z", end: String = "20261120T110000Z", summary: String = "Meeting",
    extra: [String] = []
) -> String {
    ([
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Almanac tests//EN", "BEGIN:VEVENT", "UID:\(uid)",
        "DTSTAMP:20261101T000000Z", "DTSTART:\(start)", "DTEND:\(end)", "SUMMARY:\(summary)",
    ] + extra + ["END:VEVENT", "END:VCALENDAR"]).joined(separator: "\r\n") + "\r\n"
}

func todo(uid: String) -> String {
    [
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Almanac tests//EN", "BEGIN:VTODO", "UID:\(uid)",
        "DTSTAMP:20261101T000000Z", "SUMMARY:Task", "END:VTODO", "END:VCALENDAR", "",
    ].joined(separator: "\r\n")
}
