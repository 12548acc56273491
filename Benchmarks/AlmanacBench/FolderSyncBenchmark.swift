import AsyncHTTPClient
import Foundation

/// `AlmanacBench foldersync`: FolderSync requests per second through a real server on loopback.
/// A temporary data directory gets a domain and an Enhanced user; `almanac serve`'s service runs
/// on 127.0.0.1 with a free port; `clients` concurrent clients, each a DeviceId provisioned over
/// HTTP, on up to `clients` keep-alive connections, send (a) SyncKey 0 FolderSyncs (the whole
/// hierarchy, a new key written each time) and then (b) FolderSyncs with their current key and
/// nothing changed (nothing written), each case until `requests` are done or `seconds` have
/// passed.
struct FolderSyncBenchmark {
    /// Requests per case, across all clients.
    var requests = 2_000
    /// The longest a case runs.
    var seconds = 20.0
    /// Concurrent clients (devices, connections).
    var clients = 4

    init(arguments: ArraySlice<String>) throws(UsageError) {
        var arguments = arguments
        while let option = arguments.popFirst() {
            switch option {
            case "--requests":
                requests = try UsageError.number(of: option, in: &arguments, 1...1_000_000)
            case "--seconds":
                let value = try UsageError.value(of: option, in: &arguments)
                guard let seconds = Double(value), seconds > 0, seconds <= 600 else {
                    throw UsageError(message: "--seconds wants a number from 0 to 600, not \(value)")
                }
                self.seconds = seconds
            case "--clients":
                clients = try UsageError.number(of: option, in: &arguments, 1...64)
            default:
                throw UsageError(message: "unknown option \(option)")
            }
        }
    }

    /// One case's outcome.
    private struct Outcome {
        var clients: [EASBenchClient]
        var latencies: Latencies
        var elapsed: Duration
        var rate: Double { Double(latencies.samples.count) / elapsed.seconds }
    }

    func run() async throws {
        BenchServer.bootstrapLogging()
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("almanac-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let address = "bench@bench.test"
        let password = "Bench-\(UUID().uuidString)"
        try await BenchServer.prepare(root: root, address: address, password: password)
        let server = try await BenchServer.start(root: root)
        var httpConfiguration = HTTPClient.Configuration()
        httpConfiguration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = clients
        let http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: httpConfiguration)
        do {
            try await measureCases(http: http, port: server.port, address: address, password: password)
        } catch {
            try? await http.shutdown()
            try? await server.stop()
            throw error
        }
        try await http.shutdown()
        try await server.stop()
    }

    private func measureCases(http: HTTPClient, port: Int, address: String, password: String) async throws {
        var devices: [EASBenchClient] = []
        for n in 0..<clients {
            var device = EASBenchClient(
                http: http, port: port, address: address, password: password, deviceID: "BenchDevice\(n)")
            try await device.provision()
            devices.append(device)
        }
        let hierarchy = try await devices[0].folderSync()
        guard hierarchy.count > 0 else { throw BenchmarkError(message: "the first FolderSync listed no folders") }

        print(
            "AlmanacBench foldersync — \(clients) clients, each case up to \(requests) requests or \(seconds) s, "
                + "server on 127.0.0.1:\(port)")
        print(
            """
            (each request: HTTP/1.1 POST on a keep-alive loopback connection, Basic authentication from the
            directory's credential cache (one indexed read and an HMAC; the password was hashed before
            timing), the plan gate, the device read and policy-key check, FolderSync over the user's store
            (case a also commits the new SyncKey's snapshot, fsynced; case b writes nothing), WBXML encoding
            and decoding on both ends; no request log line; client and server share the cores)
            """)
        print("")
        let initial = try await measure(devices) { device in
            let answer = try await device.folderSync(key: "0")
            guard answer.count == hierarchy.count else {
                throw BenchmarkError(message: "SyncKey 0 listed \(answer.count) folders, not \(hierarchy.count)")
            }
        }
        let steady = try await measure(initial.clients) { device in
            let key = device.syncKey
            let answer = try await device.folderSync()
            guard answer.count == 0, device.syncKey == key else {
                throw BenchmarkError(message: "an unchanged hierarchy gave \(answer.count) changes")
            }
        }
        let rows: [(String, Outcome)] = [
            ("(a) FolderSync SyncKey 0, \(hierarchy.count) folders (\(hierarchy.bytes) B)", initial),
            ("(b) FolderSync current key, no changes", steady),
        ]
        let width = rows.map(\.0.count).max() ?? 0
        for (name, outcome) in rows {
            print(
                name.padding(toLength: width, withPad: " ", startingAt: 0)
                    + String(format: "   %6.0f req/s   ", outcome.rate) + outcome.latencies.millisecondSummary
                    + "   (\(outcome.latencies.samples.count) in \(String(format: "%.1f", outcome.elapsed.seconds)) s)")
        }
    }

    /// Runs `request` on every client at once until `requests` are done or `seconds` have passed.
    private func measure(
        _ devices: [EASBenchClient], _ request: @escaping @Sendable (inout EASBenchClient) async throws -> Void
    ) async throws -> Outcome {
        let clock = ContinuousClock()
        let start = clock.now
        let deadline = start + .milliseconds(Int(seconds * 1_000))
        let (requests, count) = (self.requests, devices.count)
        let results = try await withThrowingTaskGroup(of: (Int, EASBenchClient, Latencies).self) { group in
            for (index, device) in devices.enumerated() {
                group.addTask {
                    var device = device
                    var latencies = Latencies()
                    for _ in stride(from: index, to: requests, by: count) {
                        let begin = clock.now
                        guard begin < deadline else { break }
                        try await request(&device)
                        latencies.append(clock.now - begin)
                    }
                    return (index, device, latencies)
                }
            }
            var results: [(Int, EASBenchClient, Latencies)] = []
            for try await result in group { results.append(result) }
            return results.sorted { $0.0 < $1.0 }
        }
        let elapsed = clock.now - start
        var all = Latencies()
        for (_, _, latencies) in results { for sample in latencies.samples { all.append(sample) } }
        return Outcome(clients: results.map(\.1), latencies: all, elapsed: elapsed)
    }
}
