import ActiveSync
import Directory
import HTTPTypes
import Hummingbird
import NIOCore

/// Hands `/Microsoft-Server-ActiveSync` (in any letter case, MS-ASHTTP 2.2.1.1.1) to the
/// ActiveSync service. It runs after authentication and the plan gate, so it only sees
/// Enhanced users; the service itself never answers 500 for bad input.
struct ActiveSyncMiddleware: RouterMiddleware {
    typealias Context = AlmanacRequestContext

    let service: ActiveSyncService
    let maximumBodySize: Int

    static let path = "/microsoft-server-activesync"

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let lowered = request.uri.path.lowercased()
        guard lowered == Self.path || lowered == Self.path + "/" else { return try await next(request, context) }
        switch await service.start(try await activeSyncRequest(request, user: try context.requireUser())) {
        case .answered(let answer):
            return Self.response(answer)
        case .waiting(let pending):
            // Awaited by AlmanacResponder once the router's frames are gone.
            context.later.park(pending)
            return LaterResponse.placeholder
        }
    }

    /// The request with its body collected, as the service takes it.
    private func activeSyncRequest(_ request: Request, user: User) async throws -> ActiveSyncRequest {
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: maximumBodySize)
        } catch {
            throw AlmanacHTTPError(
                .contentTooLarge, message: "The request body is larger than \(maximumBodySize) bytes.")
        }
        return ActiveSyncRequest(
            method: request.method.rawValue, query: request.uri.query ?? "",
            headers: request.headers.map { (name: $0.name.canonicalName, value: $0.value) },
            body: Array(buffer: body), user: user)
    }

    static func response(_ answer: ActiveSyncResponse) -> Response {
        var headers = HTTPFields()
        for (name, value) in answer.headers.sorted(by: { $0.key < $1.key }) {
            guard let fieldName = HTTPField.Name(name), fieldName != .contentLength else { continue }
            headers.append(HTTPField(name: fieldName, value: value))
        }
        return Response(
            status: HTTPResponse.Status(code: answer.status), headers: headers,
            body: .init(byteBuffer: ByteBuffer(bytes: answer.body)))
    }
}
