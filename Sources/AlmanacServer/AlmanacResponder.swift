import Hummingbird
import Logging
import NIOCore

/// The front of every request: runs the router (middleware and routes) in a task of its own,
/// then, when a handler parked a request that answers later (``LaterResponse``), awaits its
/// answer from this frame; and logs the request (``RequestLog``).
///
/// Why a task of its own: Hummingbird runs each connection in one task, and the Swift runtime
/// keeps a task's frame memory at its deepest until the task ends. The router's frames (the
/// middlewares, the handler, the store) end with the routing task, so a keep-alive connection,
/// and a Ping waiting on it, holds only Hummingbird's frames and a few of ours
/// (Benchmarks/README.md, `ping`).
public struct AlmanacResponder: HTTPResponder {
    public typealias Context = AlmanacRequestContext

    let router: RouterResponder<Context>
    /// Gives a burst's memory back once it is routed.
    let trim = BurstTrim()

    public func respond(to request: Request, context: Context) async throws -> Response {
        try await respond(to: request, later: context.later) { context }
    }

    /// The server's entry: the context is made in the routing task, so the connection's task
    /// never holds it.
    func respond(to request: Request, channel: any Channel, logger: Logger) async throws -> Response {
        let later = LaterResponse()
        return try await respond(to: request, later: later) {
            AlmanacRequestContext(source: .init(channel: channel, logger: logger), later: later)
        }
    }

    private func respond(
        to request: Request, later: LaterResponse, context: @escaping @Sendable () -> Context
    ) async throws -> Response {
        if let response = try await routed(request, context: context) { return response }
        // While the request waits, the task holds this frame and the answer's, nothing deeper.
        return await later.answer()
    }

    /// The router's response, from a task that has ended when this returns; nil when the
    /// handler parked its request. A task of its own rather than a child: an `async let` keeps
    /// ~1 KB of storage in this task's frames, and the runtime keeps those for as long as the
    /// connection lives. The task is not cancelled with the connection's; nothing here cancels
    /// a request midway either.
    @inline(never)
    private func routed(_ request: Request, context: @escaping @Sendable () -> Context) async throws -> Response? {
        trim.begin()
        defer { trim.end() }
        return try await Task { try await logged(request, context: context()) }.value
    }

    /// The router's response, logged; nil when the handler parked its request (logged when it
    /// answers).
    private func logged(_ request: Request, context: Context) async throws -> Response? {
        let log = RequestLog(request, context: context, since: .now)
        do {
            let response = try await router.respond(to: request, context: context)
            if context.later.isParked {
                context.later.log(log)
                return nil
            }
            log.record(status: Int(response.status.code))
            return response
        } catch let error as any HTTPResponseError {
            log.record(status: Int(error.status.code))
            throw error
        } catch {
            log.record(status: 500)
            throw error
        }
    }
}
