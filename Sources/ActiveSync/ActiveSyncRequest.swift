import Directory

/// One request to `/Microsoft-Server-ActiveSync`, as the HTTP front hands it over: no HTTP
/// types, so the commands are tested without sockets (DESIGN.md).
public struct ActiveSyncRequest: Sendable {
    public var method: String
    /// The raw query of the request URI, without the `?`.
    public var query: String
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]
    /// The authenticated user (authentication and the Enhanced plan gate ran before).
    public var user: User

    public init(method: String, query: String, headers: [(name: String, value: String)], body: [UInt8], user: User) {
        self.method = method
        self.query = query
        self.headers = headers
        self.body = body
        self.user = user
    }

    /// The first header of this name, compared without regard to case.
    public func header(_ name: String) -> String? {
        let lowered = name.lowercased()
        return headers.first { $0.name.lowercased() == lowered }?.value
    }
}

/// The answer: an HTTP status, headers, and a WBXML body (or none).
public struct ActiveSyncResponse: Sendable, Equatable {
    public var status: Int
    public var headers: [String: String]
    public var body: [UInt8]

    public init(status: Int, headers: [String: String] = [:], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The WBXML media type (MS-ASHTTP 2.2.1.1.2.3).
    public static let wbxmlContentType = "application/vnd.ms-sync.wbxml"
}
