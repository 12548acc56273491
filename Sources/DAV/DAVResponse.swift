/// A WebDAV response: status, header fields and body bytes.
public struct DAVResponse: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public func header(_ name: String) -> String? {
        let lowered = name.lowercased()
        return headers.first { $0.name.lowercased() == lowered }?.value
    }

    static let xmlContentType = "application/xml; charset=utf-8"

    /// A 207 Multi-Status with the body the writer produced (RFC 4918 §13).
    static func multistatus(_ body: [UInt8], headers: [(name: String, value: String)] = []) -> DAVResponse {
        DAVResponse(status: 207, headers: [("Content-Type", xmlContentType)] + headers, body: body)
    }
}
