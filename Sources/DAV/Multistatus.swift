import DAVXML

/// Writes a `DAV:multistatus` body (RFC 4918 §14.16), one response at a time.
///
/// In each response the 200 propstat comes first: Thunderbird skips a
/// collection whose first propstat is not 200.
struct Multistatus {
    private var writer = XMLWriter()

    init() {
        writer.start(DAVNames.multistatus)
    }

    /// A response with found properties (200) and missing or refused ones (their own status).
    mutating func response(
        href: String, found: [(XMLName, PropertyValue)], failed: [(XMLName, Int)] = []
    ) {
        writer.start(DAVNames.response)
        writer.element(DAVNames.href, text: href)
        if !found.isEmpty || failed.isEmpty {
            writer.start(DAVNames.propstat)
            writer.start(DAVNames.prop)
            for (name, value) in found { value.write(name, to: &writer) }
            writer.end()
            writer.element(DAVNames.status, text: Self.statusLine(200))
            writer.end()
        }
        var statuses: [Int] = []
        for (_, status) in failed where !statuses.contains(status) { statuses.append(status) }
        for status in statuses {
            writer.start(DAVNames.propstat)
            writer.start(DAVNames.prop)
            for (name, failedStatus) in failed where failedStatus == status { writer.empty(name) }
            writer.end()
            writer.element(DAVNames.status, text: Self.statusLine(status))
            writer.end()
        }
        writer.end()
    }

    /// A response with only a status (RFC 4918 §14.24): a deleted member in a sync report,
    /// a missing href in a multiget.
    mutating func response(href: String, status: Int) {
        writer.start(DAVNames.response)
        writer.element(DAVNames.href, text: href)
        writer.element(DAVNames.status, text: Self.statusLine(status))
        writer.end()
    }

    /// The `DAV:sync-token` at the end of a sync-collection report (RFC 6578 §6.2).
    mutating func syncToken(_ token: String) {
        writer.element(DAVNames.syncToken, text: token)
    }

    var bytes: [UInt8] {
        var writer = writer
        writer.end()
        return writer.bytes
    }

    static func statusLine(_ status: Int) -> String {
        "HTTP/1.1 \(status) \(reasonPhrases[status] ?? "Unknown")"
    }

    static let reasonPhrases: [Int: String] = [
        200: "OK", 201: "Created", 204: "No Content", 207: "Multi-Status", 400: "Bad Request", 403: "Forbidden",
        404: "Not Found", 405: "Method Not Allowed", 409: "Conflict", 412: "Precondition Failed",
        415: "Unsupported Media Type", 424: "Failed Dependency", 507: "Insufficient Storage",
    ]
}
