import Hummingbird
import Logging

/// Logs one line per request: method, path, status, duration and client.
///
/// Never headers (they carry credentials) and never the query string (EAS
/// puts device identifiers there; the path is enough to follow a request).
public struct RequestLogMiddleware: RouterMiddleware {
    public typealias Context = AlmanacRequestContext

    public init() {}

    public func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            log(request, context: context, status: Int(response.status.code), since: start)
            return response
        } catch let error as any HTTPResponseError {
            log(request, context: context, status: Int(error.status.code), since: start)
            throw error
        } catch {
            log(request, context: context, status: 500, since: start)
            throw error
        }
    }

    private func log(_ request: Request, context: Context, status: Int, since start: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - start
        let milliseconds = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
        context.logger.log(
            level: status >= 500 ? .error : .info,
            "\(request.method.rawValue) \(request.uri.path) \(status)",
            metadata: [
                "client": .string(context.clientAddress),
                "ms": .string(String(format: "%.1f", milliseconds)),
            ])
    }
}
