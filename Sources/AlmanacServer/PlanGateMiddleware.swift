import Directory
import Hummingbird

/// Lets only Enhanced mailboxes reach the sync protocols.
///
/// Runs before routing, so it holds for every sync path whether or not a
/// handler exists there: no credentials get a 401 challenge, a Basic mailbox
/// gets 403 with a sentence saying the feature needs an Enhanced mailbox.
public struct PlanGateMiddleware: RouterMiddleware {
    public typealias Context = AlmanacRequestContext

    public init() {}

    public func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard let syncProtocol = SyncPaths.protocol(of: request.uri.path) else {
            return try await next(request, context)
        }
        let user = try context.requireUser()
        if let refusal = Self.refusal(for: user, protocol: syncProtocol) { throw refusal }
        return try await next(request, context)
    }

    /// The 403 a Basic mailbox gets on a sync protocol, or nil for an Enhanced one.
    static func refusal(for user: User, protocol syncProtocol: SyncPaths.SyncProtocol) -> AlmanacHTTPError? {
        guard !user.plan.allowsSyncProtocols else { return nil }
        return AlmanacHTTPError(
            .forbidden,
            message: """
                The mailbox \(user.address) is on the Basic plan. \(syncProtocol.rawValue) needs an \
                Enhanced mailbox; ask your administrator to upgrade it.
                """)
    }
}
