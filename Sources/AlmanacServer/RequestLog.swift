import Hummingbird
import Logging

/// One log line per request: method, path, status, duration and client.
///
/// Never headers (they carry credentials) and never the query string (EAS puts device
/// identifiers there; the path is enough to follow a request).
enum RequestLog {
    static func record(
        _ request: Request, context: AlmanacRequestContext, status: Int, since start: ContinuousClock.Instant
    ) {
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
