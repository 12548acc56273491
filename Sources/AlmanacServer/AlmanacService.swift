import ActiveSync
import Directory
import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOCore
import ServiceLifecycle
import Store

/// `almanac serve`: opens the data directory, serves HTTP(S) until SIGINT or
/// SIGTERM, lets in-flight requests finish, then closes every database.
public struct AlmanacService: Sendable {
    public let configuration: ServerConfiguration
    public let logger: Logger

    public init(configuration: ServerConfiguration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
    }

    /// What `onListening` is told once the port is bound.
    public struct Listening: Sendable {
        public let port: Int
        public let urls: ClientURLs
        /// The demo accounts created on this start, if any.
        public let demoAccounts: [DemoSetup.Account]?
    }

    /// Runs until a shutdown signal. With `demo`, an empty data directory is
    /// first filled with the demo domain and users.
    public func run(demo: Bool = false, onListening: @escaping @Sendable (Listening) async -> Void = { _ in })
        async throws
    {
        let server = try serverBuilder()
        let data = DataDirectory(path: configuration.dataDirectory)
        try data.create()
        let directory = try Directory(path: data.directoryDatabase.path)
        let stores = StorePool(directory: data.usersDirectory, maxOpen: configuration.maxOpenStores, bus: ChangeBus())
        let admission = RequestAdmission(limits: configuration.requestLimits)
        do {
            let demoAccounts =
                demo ? try await DemoSetup(provisioning: Provisioning(data: data, directory: directory)).run() : nil
            let configuration = self.configuration
            let app = AlmanacHTTPServer(
                builder: server,
                configuration: .init(address: .hostname(configuration.host, port: configuration.port)),
                responder: AlmanacRouter.build(
                    directory: directory, stores: stores, configuration: configuration, admission: admission),
                logger: logger,
                onServerRunning: { channel in
                    let port = channel.localAddress?.port ?? configuration.port
                    await onListening(
                        Listening(
                            port: port, urls: ClientURLs(base: configuration.baseURL(boundPort: port)),
                            demoAccounts: demoAccounts))
                })
            // Services shut down in reverse order: the waiting Pings are answered first, then
            // the server stops accepting and lets every request in flight finish.
            let group = ServiceGroup(
                configuration: .init(
                    services: [app, WaitingRequestsShutdown(admission: admission)],
                    gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
            try await group.run()
        } catch {
            await stores.closeAll()
            try? directory.close()
            throw error
        }
        await stores.closeAll()
        try directory.close()
        logger.info("Stopped; databases closed")
    }

    /// Plain HTTP/1.1, or HTTP/1.1 over TLS when a certificate is configured.
    func serverBuilder() throws -> HTTPServerBuilder {
        try configuration.validate()
        let http1 = HTTPServerBuilder.http1(
            configuration: HTTP1Channel.Configuration(
                additionalChannelHandlers: [SmallReceiveBuffer()],
                idleTimeout: .seconds(Int64(configuration.idleTimeout))))
        guard let certificate = configuration.tlsCertificate, let key = configuration.tlsKey else { return http1 }
        return try .tls(http1, tlsConfiguration: TLSLoader.serverConfiguration(certificate: certificate, key: key))
    }
}
