import AlmanacServer
import ArgumentParser
import Foundation
import Logging

/// `almanac serve`: runs the server until SIGINT or SIGTERM.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the server.",
        discussion: """
            Settings come from flags, then ALMANAC_* environment variables, then the configuration \
            file (--config, $ALMANAC_CONFIG, else <data-dir>/almanac.conf), then defaults.
            """)

    @Option(help: "Configuration file (key = value lines).") var config: String?
    @Option(help: "The data directory (default: $ALMANAC_DATA_DIR, else ./data).") var dataDir: String?
    @Option(help: "Address to listen on (default 127.0.0.1).") var host: String?
    @Option(help: "Port to listen on; 0 picks a free one (default 8080).") var port: String?
    @Option(help: "PEM certificate chain; enables TLS with --tls-key.") var tlsCertificate: String?
    @Option(help: "PEM private key of the certificate.") var tlsKey: String?
    @Option(help: "The host name clients use (default: the listen address).") var publicHost: String?
    @Option(help: "Base of the per-domain names DOMAIN--with-dashes.w.BASE (e.g. almanac.example.net).")
    var publicBaseDomain: String?
    @Option(
        help:
            "Prune a user's ActiveSync devices idle this many days when a new one appears (1-3650, 0 never, default 30)."
    )
    var deviceIdleDays: String?
    @Option(help: "Shortest ActiveSync heartbeat (Ping, Sync) in seconds (10-3540, default 60).") var heartbeatMin:
        String?
    @Option(help: "Longest ActiveSync heartbeat (Ping, Sync) in seconds (10-3540, default 3540).") var heartbeatMax:
        String?
    @Option(help: "ActiveSync requests of one device at once (default 4); past it: 503.") var requestsPerDevice: String?
    @Option(help: "ActiveSync requests of one user at once (default 40); past it: 503.") var requestsPerUser: String?
    @Option(help: "ActiveSync Pings of one user waiting at once (default 20); past it: 503.") var waitingPerUser:
        String?
    @Option(help: "Seconds a connection may send nothing before it is closed (5-3600, default 120).")
    var idleTimeout: String?
    @Option(help: "trace, debug, info, notice, warning, error or critical.") var logLevel: String?
    @Flag(help: "On an empty data directory, create example.test with a demo and a basic user.") var demo = false

    func run() async throws {
        let flags: [String: String?] = [
            "data-dir": dataDir, "host": host, "port": port, "tls-certificate": tlsCertificate,
            "tls-key": tlsKey, "public-host": publicHost, "public-base-domain": publicBaseDomain,
            "device-idle-days": deviceIdleDays, "heartbeat-min": heartbeatMin, "heartbeat-max": heartbeatMax,
            "requests-per-device": requestsPerDevice, "requests-per-user": requestsPerUser,
            "waiting-per-user": waitingPerUser, "idle-timeout": idleTimeout, "log-level": logLevel,
        ]
        let configuration = try ServerConfiguration.load(
            configFile: config, environment: ProcessInfo.processInfo.environment,
            flags: flags.compactMapValues { $0 })
        let level = configuration.logLevel
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "almanac")
        if let (before, after) = DescriptorLimit.raise() {
            if after.soft != before.soft {
                logger.info("open file limit raised from \(before.soft) to \(after.soft)")
            }
        } else {
            logger.notice("open file limit could not be raised")
        }
        try await AlmanacService(configuration: configuration, logger: logger).run(demo: demo) { listening in
            // Unbuffered: a pipe reading the banner must see it at once.
            FileHandle.standardOutput.write(
                Data((Self.banner(listening, configuration: configuration, demo: demo) + "\n").utf8))
        }
    }

    static func banner(_ listening: AlmanacService.Listening, configuration: ServerConfiguration, demo: Bool) -> String
    {
        let urls = listening.urls
        var lines = ["Almanac listening on \(urls.base) (data: \(configuration.dataDirectory))"]
        if let accounts = listening.demoAccounts {
            lines.append("Demo accounts created:")
            for account in accounts {
                lines.append("  \(account.address)  password: \(account.password)  (\(account.plan.rawValue))")
            }
        } else if demo {
            lines.append("Demo: the data directory already has users; their passwords were printed when it was set up.")
            lines.append(
                "  Reset one with: almanac user passwd demo@example.test --data-dir \(configuration.dataDirectory)")
        }
        lines += [
            "Phones (Exchange account): \(urls.activeSync)",
            "Thunderbird and other CalDAV/CardDAV clients: \(urls.calDAV)  \(urls.cardDAV)",
            "Account page: \(urls.account)",
        ]
        if let demoUser = listening.demoAccounts?.first {
            lines.append("Try: curl -u \(demoUser.address):'\(demoUser.password)' \(urls.health)")
        }
        return lines.joined(separator: "\n")
    }
}
