import DAV
import Directory
import HTTPTypes
import Hummingbird
import NIOCore

/// Hands the DAV paths (`/dav/…`, `/caldav`, `/carddav`) to the DAV service
/// and redirects `/.well-known/caldav` and `/.well-known/carddav` to the DAV root (RFC 6764 §5).
///
/// A middleware rather than routes: WebDAV has methods of its own (PROPFIND,
/// REPORT, MKCALENDAR, …) on paths of any depth. It runs after
/// authentication and the plan gate, so it only sees Enhanced users.
struct DAVMiddleware: RouterMiddleware {
    typealias Context = AlmanacRequestContext

    let service: DAVService
    let maximumBodySize: Int

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let path = request.uri.path
        let lowered = path.lowercased()
        if ["/.well-known/caldav", "/.well-known/caldav/", "/.well-known/carddav", "/.well-known/carddav/"].contains(
            lowered)
        {
            // RFC 6764 §5. 308 for methods other than GET and HEAD keeps the method and the
            // body (a PROPFIND asking for current-user-principal) on the way to the DAV root.
            var headers = HTTPFields()
            headers[.location] = "/dav/"
            let isRead = request.method == .get || request.method == .head
            return Response(status: isRead ? .movedPermanently : .permanentRedirect, headers: headers)
        }
        // The bare host is an entry point too: PROPFIND / finds the principal (RFC 6764 §6).
        let isRootDiscovery = lowered == "/" && (request.method.rawValue == "PROPFIND" || request.method == .options)
        guard Self.isDAVPath(lowered) || isRootDiscovery else { return try await next(request, context) }
        let user = try context.requireUser()
        if isRootDiscovery, let refusal = PlanGateMiddleware.refusal(for: user, protocol: .dav) { throw refusal }
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: maximumBodySize)
        } catch {
            throw AlmanacHTTPError(
                .contentTooLarge, message: "The request body is larger than \(maximumBodySize) bytes.")
        }
        let davRequest = DAVRequest(
            method: request.method.rawValue, path: path,
            headers: request.headers.map { (name: $0.name.canonicalName, value: $0.value) },
            body: Array(buffer: body),
            principal: DAVPrincipal(
                userID: user.id, address: user.address, displayName: user.displayName, quotaBytes: user.quotaBytes))
        let answer = await service.handle(davRequest)
        var headers = HTTPFields()
        for (name, value) in answer.headers {
            guard let fieldName = HTTPField.Name(name) else { continue }
            if fieldName == .contentLength && request.method != .head { continue }
            headers.append(HTTPField(name: fieldName, value: value))
        }
        return Response(
            status: HTTPResponse.Status(code: answer.status), headers: headers,
            body: .init(byteBuffer: ByteBuffer(bytes: answer.body)))
    }

    static func isDAVPath(_ lowered: String) -> Bool {
        lowered == "/dav" || lowered.hasPrefix("/dav/") || lowered == "/caldav" || lowered == "/caldav/"
            || lowered == "/carddav" || lowered == "/carddav/"
    }
}
