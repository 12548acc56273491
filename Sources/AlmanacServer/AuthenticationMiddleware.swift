import Directory
import HTTPTypes
import Hummingbird

/// Verifies `Authorization: Basic` credentials against the directory and puts
/// the user into the context.
///
/// Requests without credentials pass through unauthenticated: each route (and
/// the plan gate) decides whether it needs a user. Wrong credentials are a 401
/// challenge; throttled ones a 429 with `Retry-After`, whatever the password.
/// Credentials are never logged.
public struct AuthenticationMiddleware: RouterMiddleware {
    public typealias Context = AlmanacRequestContext

    let directory: Directory

    public init(directory: Directory) {
        self.directory = directory
    }

    public func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard let header = request.headers[.authorization] else {
            return try await next(request, context)
        }
        // The check runs in a function of its own, so what it needs is not kept in this frame
        // for the whole request (a waiting Ping keeps its frames).
        return try await next(request, try await signedIn(context, authorization: header))
    }

    /// The context with the user the Basic credentials name.
    private func signedIn(_ context: Context, authorization header: String) async throws -> Context {
        guard let credentials = BasicCredentials(authorization: header) else {
            throw AlmanacHTTPError.unauthorized("The Authorization header is not valid Basic credentials.")
        }
        switch await directory.authenticate(
            login: credentials.login, password: credentials.password, client: context.clientAddress)
        {
        case .success(let user):
            var context = context
            context.user = user
            context.logger[metadataKey: "user"] = .string(user.address)
            return context
        case .failure:
            context.logger.notice(
                "Failed login", metadata: ["client": .string(context.clientAddress)])
            throw AlmanacHTTPError.unauthorized("The user name or password is wrong.")
        case .throttled(let retryAfter):
            context.logger.warning(
                "Throttled login", metadata: ["client": .string(context.clientAddress)])
            throw AlmanacHTTPError.throttled(retryAfter: retryAfter)
        }
    }
}
