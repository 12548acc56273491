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
        let front = Front(responder: responder, logger: logger)
        let server = try builder.buildServer(
            configuration: configuration, eventLoopGroup: MultiThreadedEventLoopGroup.singleton, logger: logger,
            responder: { request, writer, channel in
                let response = try await front.answer(request, channel: channel)
                do {
                    try await writer.write(response: response.head, body: response.body)
                } catch is HTTPParserError {
                    throw BodyBrokeWhileAnswering()
                }
            }, onServerRunning: onServerRunning)
        try await server.run()
    }

    /// What every request goes through, behind one reference: the frames of a connection's
    /// task then hold a pointer, not copies of the responder and logger.
    private final class Front: Sendable {
        let responder: AlmanacResponder
        let logger: Logger

        init(responder: AlmanacResponder, logger: Logger) {
            self.responder = responder
            self.logger = logger
        }

        /// The responder's answer with `Date` and `Server`; 500 for an error no middleware
        /// turned into a response. Never inlined, so that what it holds is not in the frame
        /// that writes the response.
        @inline(never)
        func answer(_ request: Request, channel: any Channel) async throws -> Response {
            var response: Response
            do {
                response = try await responder.respond(to: request, channel: channel, logger: logger)
            } catch let error as HTTPParserError {
                // Hummingbird answers 400 and closes.
                throw error
            } catch {
                logger.error("Request failed", metadata: ["error": .string("\(error)")])
                response = Response(status: .internalServerError)
            }
            response.headers[.date] = HTTPDate.format(Date())
            response.headers[.server] = "Almanac"
            return response
        }
    }
}
