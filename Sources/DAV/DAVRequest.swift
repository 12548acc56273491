/// A WebDAV request as the DAV target sees it: no HTTP server types, so the
/// protocol is tested without sockets (DESIGN.md: protocol targets are pure).
public struct DAVRequest: Sendable {
    public var method: String
    /// The request path as sent, percent-encoded, without the query.
    public var path: String
    /// Header fields; names are matched case-insensitively.
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]
    public var principal: DAVPrincipal

    public init(
        method: String, path: String, headers: [(name: String, value: String)] = [], body: [UInt8] = [],
        principal: DAVPrincipal
    ) {
        self.method = method.uppercased()
        self.path = path
        self.headers = headers
        self.body = body
        self.principal = principal
    }

    /// The first value of a header field, by case-insensitive name.
    public func header(_ name: String) -> String? {
        let lowered = name.lowercased()
        return headers.first { $0.name.lowercased() == lowered }?.value
    }
}
