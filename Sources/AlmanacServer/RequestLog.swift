import Hummingbird
import Logging

/// The log line of one request: method, path, status, duration and client.
///
/// Never headers (they carry credentials) and never the query string (EAS puts device
/// identifiers there; the path is enough to follow a request).
struct RequestLog: Sendable {
    let method: String
    let path: String
    let client: String
    let logger: Logger
    let start: ContinuousClock.Instant

    init(_ request: Request, context: AlmanacRequestContext, since start: ContinuousClock.Instant) {
        self.method = request.method.rawValue
        self.path = request.uri.path
        self.client = context.clientAddress
        self.logger = context.logger
        self.start = start
    }

    func record(status: Int) {
        let elapsed = ContinuousClock.now - start
        let milliseconds = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
        logger.log(
            level: status >= 500 ? .error : .info, "\(method) \(path) \(status)",
            metadata: ["client": .string(client), "ms": .string(String(format: "%.1f", milliseconds))])
    }
}
