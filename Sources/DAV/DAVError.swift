import DAVXML

/// A refused request: an HTTP status, and for failed preconditions the
/// RFC's precondition element in a `DAV:error` body (RFC 4918 §16), with a
/// sentence for people.
public struct DAVError: Error, Sendable, Equatable, CustomStringConvertible {
    public let status: Int
    /// The precondition or postcondition element, e.g. `{DAV:}valid-sync-token`.
    public let condition: XMLName?
    public let message: String
    /// For `no-uid-conflict`: the href of the resource holding the UID (RFC 4791 §5.3.2.1).
    public let href: String?

    public init(_ status: Int, _ condition: XMLName? = nil, _ message: String, href: String? = nil) {
        self.status = status
        self.condition = condition
        self.message = message
        self.href = href
    }

    public var description: String { "\(status) \(condition?.description ?? "") \(message)" }

    /// The response: a `DAV:error` body when there is a condition, plain text otherwise.
    public var response: DAVResponse {
        guard let condition else {
            return DAVResponse(
                status: status, headers: [("Content-Type", "text/plain; charset=utf-8")],
                body: Array((message + "\n").utf8))
        }
        var writer = XMLWriter()
        writer.start(.dav("error"))
        if let href {
            writer.start(condition)
            writer.element(.dav("href"), text: href)
            writer.end()
        } else {
            writer.empty(condition)
        }
        writer.element(XMLName(Namespaces.almanac, "message"), text: message)
        writer.end()
        return DAVResponse(status: status, headers: [("Content-Type", DAVResponse.xmlContentType)], body: writer.bytes)
    }

    // MARK: Common refusals

    static func notFound(_ path: String) -> DAVError { DAVError(404, nil, "Nothing at \(path).") }
    static func forbidden(_ message: String) -> DAVError { DAVError(403, nil, message) }
    static func badRequest(_ message: String) -> DAVError { DAVError(400, nil, message) }
    static func methodNotAllowed(_ method: String, _ path: String) -> DAVError {
        DAVError(405, nil, "\(method) is not allowed on \(path).")
    }
}
