import AlmanacServer
import Directory
import Foundation
import Logging

/// The server of the network benchmarks: `almanac serve`'s service over a data directory, on
/// 127.0.0.1 with a free port, stopped as `almanac serve` is stopped.
struct BenchServer {
    let port: Int
    private let task: Task<Void, any Error>

    /// Quiets the server's per-request info line (as with `--log-level warning`); once per process.
    static func bootstrapLogging() {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = .warning
            return handler
        }
    }

    /// Creates the data directory with the domain `bench.test` and the Enhanced user `address`,
    /// with the default folders.
    @discardableResult
    static func prepare(root: URL, address: String, password: String) async throws -> User {
        try await prepare(root: root, addresses: [address], password: password)[0]
    }

    /// Creates the data directory with the domain `bench.test` (with `devicePolicy` when given)
    /// and an Enhanced user for each address, with the default folders; passwords are hashed
    /// with `hasher`.
    @discardableResult
    static func prepare(
        root: URL, addresses: [String], password: String, hasher: PasswordHasher = .default,
        devicePolicy: DevicePolicy? = nil
    ) async throws -> [User] {
        let data = DataDirectory(path: root.path)
        try data.create()
        let directory = try Directory(path: data.directoryDatabase.path, hasher: hasher)
        var users: [User] = []
        do {
            _ = try await directory.addDomain("bench.test")
            if let devicePolicy { try await directory.setDevicePolicy(domain: "bench.test", devicePolicy) }
            let provisioning = Provisioning(data: data, directory: directory)
            for address in addresses {
                users.append(
                    try await provisioning.addUser(
                        address: address, password: password, plan: .enhanced, quotaBytes: nil,
                        displayName: "Bench User"))
            }
        } catch {
            try? directory.close()
            throw error
        }
        try directory.close()
        return users
    }

    /// Starts the service over the data directory at `root` and waits until it listens.
    static func start(root: URL) async throws -> BenchServer {
        var configuration = ServerConfiguration()
        configuration.dataDirectory = root.path
        configuration.port = 0
        configuration.logLevel = .warning
        let (ports, listening) = AsyncStream.makeStream(of: Int.self)
        let task = Task {
            defer { listening.finish() }
            try await AlmanacService(configuration: configuration, logger: Logger(label: "almanac")).run {
                listening.yield($0.port)
            }
        }
        var portIterator = ports.makeAsyncIterator()
        guard let port = await portIterator.next() else {
            try await task.value
            throw BenchmarkError(message: "the server stopped before it listened")
        }
        return BenchServer(port: port, task: task)
    }

    /// Stops the server as `almanac serve` is stopped: SIGTERM, which its service group (trapping
    /// it since before the port was bound) turns into a graceful shutdown that closes the
    /// databases; then waits for it and rethrows what stopped it.
    func stop() async throws {
        kill(getpid(), SIGTERM)
        try await task.value
    }
}
