import ActiveSync
import Hummingbird
import Synchronization

/// Where a handler leaves a request that answers later (a Ping waiting for a change), for
/// ``AlmanacResponder`` to await once the router's frames are gone. One per request, in its
/// ``AlmanacRequestContext``.
public final class LaterResponse: Sendable {
    private struct Parked {
        var pending: PendingResponse?
        var log: RequestLog?
    }

    private let parked = Mutex(Parked())

    init() {}

    /// Leaves `pending` for the responder; the handler returns ``placeholder`` meanwhile.
    func park(_ pending: PendingResponse) {
        parked.withLock { $0.pending = pending }
    }

    /// Whether a request is parked.
    var isParked: Bool { parked.withLock { $0.pending != nil } }

    /// The line to log when the parked request has answered.
    func log(_ line: RequestLog) {
        parked.withLock { $0.log = line }
    }

    /// The parked request's answer, logged; once. Without one (a responder that awaits what
    /// was never parked) a 500.
    @inline(never)
    func answer() async -> Response {
        let (pending, log) = parked.withLock { parked in
            defer { parked = Parked() }
            return (parked.pending, parked.log)
        }
        let response =
            if let pending { ActiveSyncMiddleware.response(await pending.response()) } else {
                Response(status: .internalServerError)
            }
        log?.record(status: Int(response.status.code))
        return response
    }

    /// What a handler that parked returns through the middleware; never sent.
    static var placeholder: Response { Response(status: .accepted) }
}
