import HTTPTypes
import Hummingbird
import NIOCore

/// An error answered with a plain-text body the user can read.
///
/// Hummingbird's own `HTTPError` answers JSON; people, phones and DAV clients
/// read these messages in dialogs, so they are short sentences.
public struct AlmanacHTTPError: Error, HTTPResponseError, Sendable, CustomStringConvertible {
    public let status: HTTPResponse.Status
    public let message: String
    public let headers: HTTPFields

    public init(_ status: HTTPResponse.Status, message: String, headers: HTTPFields = [:]) {
        self.status = status
        self.message = message
        self.headers = headers
    }

    public var description: String { "\(status.code) \(message)" }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers = self.headers
        headers[.contentType] = "text/plain; charset=utf-8"
        let body = ByteBuffer(string: message + "\n")
        headers[.contentLength] = String(body.readableBytes)
        return Response(status: status, headers: headers, body: .init(byteBuffer: body))
    }

    /// The realm of every challenge.
    public static let realm = "Almanac"

    /// 401 with the `WWW-Authenticate` challenge (RFC 7617 §2, with `charset` of §2.1).
    public static func unauthorized(_ message: String = "Authentication required.") -> AlmanacHTTPError {
        var headers = HTTPFields()
        headers[.wwwAuthenticate] = "Basic realm=\"\(realm)\", charset=\"UTF-8\""
        return .init(.unauthorized, message: message, headers: headers)
    }

    /// 429 while a login is throttled, with `Retry-After` in seconds (RFC 6585 §4).
    public static func throttled(retryAfter: Duration) -> AlmanacHTTPError {
        let seconds = max(1, retryAfter.components.seconds + (retryAfter.components.attoseconds > 0 ? 1 : 0))
        var headers = HTTPFields()
        headers[.retryAfter] = String(seconds)
        return .init(
            .tooManyRequests,
            message: "Too many failed logins from this address. Try again in \(seconds) seconds.",
            headers: headers)
    }
}
