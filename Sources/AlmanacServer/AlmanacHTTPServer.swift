import DAV
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1
import NIOPosix
import ServiceLifecycle

/// The HTTP server as a service: Hummingbird's server and HTTP/1 channel (with TLS when
/// configured) in front of ``AlmanacResponder``.
///
/// Not Hummingbird's `Application`: its request path puts two more frames and a logger copy
/// with a request ID on every connection's task, and the runtime keeps a task's frame memory at
/// its deepest for as long as the connection lives (~2.8 KB for each waiting Ping). This does
/// for each request what `Application` did here: builds the context, answers 500 for an error
/// no middleware turned into a response, and adds `Date` and `Server`.
struct AlmanacHTTPServer: Service {
    let builder: HTTPServerBuilder
    let configuration: HummingbirdCore.ServerConfiguration
    let responder: AlmanacResponder
    let logger: Logger
    let onServerRunning: @Sendable (any Channel) async -> Void

    /// A request body that broke HTTP while the response was written: the connection closes
    /// (not the parse error itself, which would make Hummingbird write a second response).
    struct BodyBrokeWhileAnswering: Error {}

    func run() async throws {
        let server = try builder.buildServer(
            configuration: configuration, eventLoopGroup: MultiThreadedEventLoopGroup.singleton, logger: logger,
            responder: { [responder, logger] request, writer, channel in
                var response: Response
                do {
                    response = try await responder.respond(
                        to: request, context: AlmanacRequestContext(source: .init(channel: channel, logger: logger)))
                } catch let error as HTTPParserError {
                    // Hummingbird answers 400 and closes.
                    throw error
                } catch {
                    logger.error("Request failed", metadata: ["error": .string("\(error)")])
                    response = Response(status: .internalServerError)
                }
                response.headers[.date] = HTTPDate.format(Date())
                response.headers[.server] = "Almanac"
                do {
                    try await writer.write(response: response.head, body: response.body)
                } catch is HTTPParserError {
                    throw BodyBrokeWhileAnswering()
                }
            }, onServerRunning: onServerRunning)
        try await server.run()
    }
}
