import Directory
import Hummingbird
import NIOCore

/// The request context of every route: the client's address (for login
/// throttling and logs) and, once authenticated, the user.
public struct AlmanacRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?
    /// Set by ``AuthenticationMiddleware`` when valid credentials came with the request.
    public var user: User?
    /// A response a handler gives later, awaited by ``AlmanacResponder``.
    public let later: LaterResponse

    public init(source: ApplicationRequestContextSource) {
        self.init(source: source, later: LaterResponse())
    }

    /// A context whose parked response `later` is awaited by whoever made it.
    init(source: ApplicationRequestContextSource, later: LaterResponse) {
        self.coreContext = .init(source: source)
        self.remoteAddress = source.channel.remoteAddress
        self.user = nil
        self.later = later
    }

    /// The client address as text, the key of login throttling.
    public var clientAddress: String {
        remoteAddress?.ipAddress ?? "unknown"
    }

    /// The authenticated user, or a 401 challenge.
    public func requireUser() throws -> User {
        guard let user else { throw AlmanacHTTPError.unauthorized() }
        return user
    }
}
