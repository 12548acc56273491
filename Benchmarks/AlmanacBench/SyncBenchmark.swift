import AsyncHTTPClient
import Foundation

/// `AlmanacBench sync`: Exchange ActiveSync initial and incremental Sync through a real server
/// on loopback. A temporary data directory gets a domain and an Enhanced user whose default
/// calendar and address book are filled with `items` events and `items` contacts
/// (``SyncWorkload``); `almanac serve`'s service runs on 127.0.0.1 with a free port; one device,
/// provisioned over HTTP, FolderSyncs, then for each class:
/// (a) the initial Sync: SyncKey 0, then Syncs with GetChanges and WindowSize 512 until no
/// MoreAvailable, every item received as an Add;
/// (b) the incremental Sync: one item changed over CalDAV/CardDAV (not timed), then one Sync
/// with the current key, which must carry exactly that one Change; five times.
struct SyncBenchmark {
    /// Events, and contacts, in the store.
    var items = 10_000
    /// The `MS-ASProtocolVersion` of the device.
    var version = "16.1"
    /// MS-ASCMD 2.2.3.199 WindowSize of every Sync: the largest a server honours.
    let windowSize = 512
    /// Incremental Syncs per class; their median is reported.
    let repetitions = 5

    init(arguments: ArraySlice<String>) throws(UsageError) {
        var arguments = arguments
        while let option = arguments.popFirst() {
            switch option {
            case "--items":
                items = try UsageError.number(of: option, in: &arguments, 1...50_000)
            case "--quick":
                items = 1_000
            case "--version":
                let value = try UsageError.value(of: option, in: &arguments)
                guard ["14.1", "16.1"].contains(value) else {
                    throw UsageError(message: "--version wants 14.1 or 16.1, not \(value)")
                }
                version = value
            default:
                throw UsageError(message: "unknown option \(option)")
            }
        }
    }

    /// The classes measured, each a default folder (MS-ASCMD 2.2.3.186.3 Type).
    enum ItemClass: String, CaseIterable {
        case events, contacts

        var folderType: Int { self == .events ? 8 : 9 }
    }

    /// An initial Sync's outcome.
    private struct Initial {
        var seconds = 0.0
        var roundTrips = 0
        var adds = 0
        var bytes = 0
        var slowestRoundTrip = Duration.zero
    }

    func run() async throws {
        BenchServer.bootstrapLogging()
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("almanac-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let address = "bench@bench.test"
        let password = "Bench-\(UUID().uuidString)"
        let user = try await BenchServer.prepare(root: root, address: address, password: password)
        let fill = try await Self.fill(root: root, user: user, items: items)
        let server = try await BenchServer.start(root: root)
        let http = HTTPClient(eventLoopGroupProvider: .singleton)
        do {
            try await measure(http: http, port: server.port, address: address, password: password, fill: fill)
        } catch {
            try? await http.shutdown()
            try? await server.stop()
            throw error
        }
        try await http.shutdown()
        try await server.stop()
    }

    private func measure(
        http: HTTPClient, port: Int, address: String, password: String, fill: Fill
    ) async throws {
        var device = EASBenchClient(
            http: http, port: port, address: address, password: password, deviceID: "BenchSyncDevice",
            version: version)
        try await device.provision()
        let hierarchy = try await device.folderSync()

        print(
            "AlmanacBench sync — \(items) events and \(items) contacts, EAS \(version), WindowSize \(windowSize), "
                + "server on 127.0.0.1:\(port)")
        print(
            """
            (one device, one keep-alive loopback connection; BodyPreference Type 1 (plain text), TruncationSize
            32768, FilterType 0; each Sync: Basic authentication from the credential cache, the device and
            policy-key check, the collection's saved state read and the new state written (fsynced), the items
            read and converted iCalendar/vCard → EAS, WBXML encoding and decoding on both ends; client and
            server share the cores. Load average before: \(Self.loadAverage))
            """)
        let n = Double(items)
        print(
            String(
                format:
                    "fill (store library, one transaction each, as a DAV PUT): events %.1f s (%.0f/s, %.0f B/item), "
                    + "contacts %.1f s (%.0f/s, %.0f B/item)", fill.eventSeconds, n / fill.eventSeconds,
                Double(fill.eventBytes) / n, fill.contactSeconds, n / fill.contactSeconds,
                Double(fill.contactBytes) / n))
        print("")
        for itemClass in ItemClass.allCases {
            guard let folder = hierarchy.added.first(where: { $0.type == itemClass.folderType }) else {
                throw BenchmarkError(message: "FolderSync listed no default folder of type \(itemClass.folderType)")
            }
            let initial = try await initialSync(&device, collectionID: folder.serverID)
            guard initial.adds == items else {
                throw BenchmarkError(
                    message: "the initial Sync of \(itemClass) gave \(initial.adds) Adds, not \(items)")
            }
            print(
                "(a) initial Sync, \(itemClass.rawValue): "
                    + String(
                        format:
                            "%.2f s   %.0f items/s   %d round trips (slowest %.1f ms)   %.0f B/item (%.1f MB WBXML)",
                        initial.seconds, Double(items) / initial.seconds, initial.roundTrips,
                        initial.slowestRoundTrip.seconds * 1e3, Double(initial.bytes) / Double(items),
                        Double(initial.bytes) / 1e6))
            var latencies = Latencies()
            var bytes = 0
            for repetition in 1...repetitions {
                let n = (repetition * 7_919) % items
                try await Self.change(
                    itemClass, n, revision: repetition, http: http, port: port, address: address,
                    authorization: device.authorization)
                let clock = ContinuousClock()
                let start = clock.now
                let page = try await device.sync(collectionID: folder.serverID, windowSize: windowSize)
                latencies.append(clock.now - start)
                guard page.changes == 1, page.adds == 0, page.deletes == 0, !page.moreAvailable else {
                    throw BenchmarkError(
                        message: "after one changed \(itemClass) item, Sync gave \(page.adds) Adds, "
                            + "\(page.changes) Changes, \(page.deletes) Deletes, not one Change")
                }
                bytes = page.bytes
            }
            print(
                "(b) incremental Sync, \(itemClass.rawValue), one item changed: median "
                    + "\(latencies.percentile(0.5).milliseconds) ms   max \(latencies.maximum.milliseconds) ms   "
                    + "(\(repetitions) Syncs, each one Change, \(bytes) B)")
        }
        print("load average after: \(Self.loadAverage)")
    }

    /// SyncKey 0, then Syncs with GetChanges until no MoreAvailable; every round trip timed.
    private func initialSync(_ device: inout EASBenchClient, collectionID: String) async throws -> Initial {
        var outcome = Initial()
        let clock = ContinuousClock()
        let start = clock.now
        // A window of 512 more than covers the items; the bound stops a server that never finishes.
        let bound = items / windowSize + 3
        var more = true
        while more {
            guard outcome.roundTrips <= bound else {
                throw BenchmarkError(message: "the initial Sync of \(collectionID) went past \(bound) round trips")
            }
            let begin = clock.now
            let page = try await device.sync(collectionID: collectionID, windowSize: windowSize)
            outcome.slowestRoundTrip = max(outcome.slowestRoundTrip, clock.now - begin)
            outcome.roundTrips += 1
            outcome.adds += page.adds
            outcome.bytes += page.bytes
            // The SyncKey 0 answer carries no items (MS-ASCMD 3.1.5.3); then windows until no MoreAvailable.
            more = outcome.roundTrips == 1 || page.moreAvailable
        }
        outcome.seconds = (clock.now - start).seconds
        return outcome
    }

    /// `/proc/loadavg`'s three averages, or "unknown".
    static var loadAverage: String {
        guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return "unknown" }
        return text.split(separator: " ").prefix(3).joined(separator: " ")
    }
}
