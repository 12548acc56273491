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
        logger.log(
            level: status >= 500 ? .error : .info, "\(method) \(path) \(status)",
            metadata: ["client": .string(client), "ms": .string(Self.milliseconds(elapsed))])
    }

    /// `elapsed` in milliseconds with one decimal, rounded ("12.3"); integer arithmetic, as
    /// Foundation's `String(format:)` cost a few percent of a small request's CPU.
    static func milliseconds(_ elapsed: Duration) -> String {
        let (seconds, attoseconds) = elapsed.components
        let tenths = max(0, seconds) * 10_000 + (max(0, attoseconds) + 50_000_000_000_000) / 100_000_000_000_000
        return "\(tenths / 10).\(tenths % 10)"
    }
}
