import DAVXML
import Testing

@testable import DAV

/// A `DAV:multistatus` read the way CalDAV clients read it: response by
/// response, properties from the propstat that carries them.
struct ClientMultistatus {
    /// One `DAV:response`.
    struct Entry {
        let href: String
        /// The response-level status (a removed member, a truncated collection), if any.
        let status: String?
        let propstats: [(status: String, properties: [XMLElement])]

        /// The status of the first propstat: Thunderbird and the Outlook synchronizer read only that one.
        var firstPropstatStatus: String? { propstats.first?.status }

        /// A property returned with 200.
        func found(_ name: XMLName) -> XMLElement? {
            propstats.first { $0.status.contains(" 200 ") }?.properties.first { $0.name == name }
        }

        /// The status a property was returned with.
        func status(of name: XMLName) -> String? {
            propstats.first { $0.properties.contains { $0.name == name } }?.status
        }

        /// The text of a property returned with 200 (nil when missing or refused).
        func text(_ name: XMLName) -> String? { found(name)?.text }
    }

    let entries: [Entry]
    /// The `DAV:sync-token` of a sync-collection answer.
    let syncToken: String?

    init(_ response: DAVResponse) throws {
        #expect(
            response.status == 207,
            "expected 207, got \(response.status): \(String(decoding: response.body, as: UTF8.self))")
        #expect(response.header("Content-Type")?.hasPrefix("application/xml") == true)
        let root = try xml(response)
        #expect(root.name == DAVNames.multistatus)
        entries = root.children(DAVNames.response).map { element in
            Entry(
                href: element.child(DAVNames.href)?.text ?? "",
                status: element.child(DAVNames.status)?.text,
                propstats: element.children(DAVNames.propstat).map {
                    ($0.child(DAVNames.status)?.text ?? "", $0.child(DAVNames.prop)?.children ?? [])
                })
        }
        syncToken = root.child(DAVNames.syncToken)?.text
    }

    /// The entry for an href.
    subscript(href: String) -> Entry? { entries.first { $0.href == href } }

    var hrefs: [String] { entries.map(\.href) }
}

/// A sync-collection answer split the way clients act on it (RFC 6578 §3.5).
struct SyncAnswer {
    /// Members with properties (new or changed), in response order.
    let changed: [String]
    /// Members answered 404 (removed).
    let removed: [String]
    /// Whether the collection was answered 507 (truncated, RFC 6578 §3.6).
    let truncated: Bool
    let token: String
    let multistatus: ClientMultistatus

    init(_ response: DAVResponse, collection: String) throws {
        multistatus = try ClientMultistatus(response)
        var changed: [String] = []
        var removed: [String] = []
        var truncated = false
        for entry in multistatus.entries {
            if entry.status?.contains(" 404 ") == true {
                removed.append(entry.href)
            } else if entry.status?.contains(" 507 ") == true {
                #expect(entry.href == collection, "507 must name the requested collection (RFC 6578 §3.6)")
                truncated = true
            } else {
                changed.append(entry.href)
            }
        }
        self.changed = changed
        self.removed = removed
        self.truncated = truncated
        token = multistatus.syncToken ?? ""
    }

    /// Every href in the answer, once each or more: a member must appear once (RFC 6578 §3.5).
    var allMembers: [String] { changed + removed }
}

/// iCalendar text from lines, CRLF-terminated (RFC 5545 §3.1).
func ics(_ lines: [String]) -> String {
    lines.joined(separator: "\r\n") + "\r\n"
}

/// The path of a calendar collection of the fixture's user.
func calendarPath(_ name: String) -> String {
    DAVFixture.home + name + "/"
}

/// The status line clients look for.
let ok200 = "HTTP/1.1 200 OK"
