import HTTPTypes
import Hummingbird

/// Refuses a request whose declared body is larger than the configured limit
/// with 413 before any of it is read. Bodies without a length are bounded
/// where they are collected (`collectBody(upTo:)`).
public struct BodyLimitMiddleware: RouterMiddleware {
    public typealias Context = AlmanacRequestContext

    let maximumBodySize: Int

    public init(maximumBodySize: Int) {
        self.maximumBodySize = maximumBodySize
    }

    public func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        if let length = request.headers[.contentLength] {
            guard let bytes = Int(length), bytes >= 0 else {
                throw AlmanacHTTPError(.badRequest, message: "The Content-Length header is not a number.")
            }
            guard bytes <= maximumBodySize else {
                throw AlmanacHTTPError(
                    .contentTooLarge,
                    message: "The request body of \(bytes) bytes is larger than the \(maximumBodySize) bytes allowed.")
            }
        }
        return try await next(request, context)
    }
}
