import Hummingbird

/// The front of every request: runs the router (middleware and routes) in a child task, then,
/// when a handler parked a response for later (``LaterResponse``), awaits it from this frame;
/// and logs the request (``RequestLog``).
///
/// Why a child task: Hummingbird runs each connection in one task, and the Swift runtime keeps
/// a task's frame memory at its deepest until the task ends. The router's frames (six
/// middlewares, the handler, the store) end with the child, so a keep-alive connection, and a
/// Ping waiting on it, holds only Hummingbird's frames and this one.
public struct AlmanacResponder: HTTPResponder {
    public typealias Context = AlmanacRequestContext

    let router: RouterResponder<Context>

    public func respond(to request: Request, context: Context) async throws -> Response {
        let start = ContinuousClock.now
        do {
            var response = try await routed(request, context: context)
            if let later = context.later.take() { response = await later() }
            RequestLog.record(request, context: context, status: Int(response.status.code), since: start)
            return response
        } catch let error as any HTTPResponseError {
            RequestLog.record(request, context: context, status: Int(error.status.code), since: start)
            throw error
        } catch {
            RequestLog.record(request, context: context, status: 500, since: start)
            throw error
        }
    }

    /// The router's response, from a child task that has ended when this returns (an `async
    /// let` child lives until the end of its scope, so the scope is this function).
    private func routed(_ request: Request, context: Context) async throws -> Response {
        async let response = router.respond(to: request, context: context)
        return try await response
    }
}
