import AsyncHTTPClient
import Directory
import Foundation
import NIOCore
import NIOHTTP1

/// `AlmanacBench ping`: many phones waiting in Ping on one `almanac serve` process (a child
/// process, so its memory is its own), on loopback.
///
/// 1. A data directory with `users` Enhanced users in a domain without a device policy (no
///    Provision round trips; passwords hashed with the test parameters, as the server's
///    credential cache makes a hash cost once per user anyway); each of `devices` phones per
///    user fetches its folder list (FolderSync) on a few connections.
/// 2. CalDAV GET of one event, `gets` times one after another: the unloaded figure.
/// 3. Every phone opens its own connection and Pings its calendar and address book with a long
///    heartbeat; when the server reports them all waiting (`/healthz`), its resident memory is
///    read again: (after − before) ÷ phones is the memory per waiting Ping, connection included.
/// 4. `changes` times, one after another: a CalDAV PUT of an event or a CardDAV PUT of a card
///    into a random user's calendar or address book; every phone of that user must answer
///    status 2 naming that folder, and no other phone may answer. Push latency runs from the
///    PUT being sent to each Ping answer arriving (so it includes the PUT itself: an upper bound
///    of commit → answer). Each answered phone Pings again at once; the next change waits until
///    all are waiting again. Meanwhile CalDAV GETs of the same event run every 20 ms.
/// 5. SIGTERM with every Ping waiting: each must be answered (status 1) and the server exit 0.
struct PingBenchmark {
    var users = 1_000
    var devices = 10
    var changes = 500
    var gets = 300
    var heartbeat = 1_800
    var binary: String?

    init(arguments: ArraySlice<String>) throws(UsageError) {
        var arguments = arguments
        while let option = arguments.popFirst() {
            switch option {
            case "--quick":
                (users, devices, changes, gets) = (100, 10, 100, 100)
            case "--users":
                users = try UsageError.number(of: option, in: &arguments, 1...10_000)
            case "--devices":
                devices = try UsageError.number(of: option, in: &arguments, 1...20)
            case "--changes":
                changes = try UsageError.number(of: option, in: &arguments, 1...100_000)
            case "--almanac":
                binary = try UsageError.value(of: option, in: &arguments)
            default:
                throw UsageError(message: "unknown option \(option)")
            }
        }
    }

    static let password = "Bench-Ping-Password-1"

    static func address(_ user: Int) -> String { "u\(user)@bench.test" }

    /// The `almanac` executable: `--almanac`, else beside this one (same build folder).
    func almanacPath() throws -> String {
        if let binary { return binary }
        let me = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let sibling = me.deletingLastPathComponent().appendingPathComponent("almanac").path
        guard FileManager.default.isExecutableFile(atPath: sibling) else {
            throw BenchmarkError(
                message: "no almanac beside \(me.path): build it (swift build -c release) or pass --almanac")
        }
        return sibling
    }

    func run() async throws {
        let binary = try almanacPath()
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("almanac-ping-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let setupStart = ContinuousClock.now
        // Without a device policy (no Provision round trips); the test hash parameters, as the
        // server's credential cache makes a hash cost once per user anyway.
        try await BenchServer.prepare(
            root: root, addresses: (0..<users).map(Self.address), password: Self.password, hasher: .fast,
            devicePolicy: DevicePolicy.none)
        let phonesCount = users * devices
        // Room for every phone's connection, the stores' files and the control connections.
        let server = try await ServerProcess(
            binary: binary, dataDirectory: root.path,
            arguments: [
                "--waiting-per-user", String(max(20, devices)), "--requests-per-user", String(max(40, devices * 3)),
            ])
        let port = server.port
        print(
            "AlmanacBench ping — \(users) users × \(devices) phones = \(phonesCount) Pings, \(changes) changes, "
                + "almanac serve (pid \(server.process.processIdentifier)) on 127.0.0.1:\(port)")
        let control = HTTPClient(eventLoopGroupProvider: .singleton, configuration: Self.clientConfiguration(16))
        do {
            try await measure(server: server, control: control, port: port, setupStart: setupStart)
        } catch {
            try? await control.shutdown()
            _ = try? await server.stop()
            throw error
        }
        try await control.shutdown()
    }

    static func clientConfiguration(_ connections: Int) -> HTTPClient.Configuration {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = connections
        configuration.connectionPool.idleTimeout = .seconds(3600)
        configuration.timeout.connect = .seconds(60)
        return configuration
    }

    private func measure(server: ServerProcess, control: HTTPClient, port: Int, setupStart: ContinuousClock.Instant)
        async throws
    {
        let dav = DAVBenchClient(http: control, port: port, password: Self.password)
        // 1. Every phone fetches its folder list.
        let setup = HTTPClient(eventLoopGroupProvider: .singleton, configuration: Self.clientConfiguration(32))
        var phones: [PingPhone] = []
        var folders: [Int: (calendar: String, contacts: String)] = [:]
        for user in 0..<users {
            for device in 0..<devices {
                phones.append(
                    PingPhone(
                        user: user, address: Self.address(user), password: Self.password, deviceID: "U\(user)D\(device)"
                    ))
            }
        }
        try await withThrowingTaskGroup(of: (Int, (calendar: String, contacts: String)).self) { group in
            var next = 0
            for _ in 0..<32 {
                guard next < phones.count else { break }
                let phone = phones[next]
                next += 1
                group.addTask { (phone.user, try await phone.folderSync(setup, port: port)) }
            }
            while let (user, ids) = try await group.next() {
                folders[user] = ids
                guard next < phones.count else { continue }
                let phone = phones[next]
                next += 1
                group.addTask { (phone.user, try await phone.folderSync(setup, port: port)) }
            }
        }
        try await setup.shutdown()
        let eventPath = "/dav/calendars/\(Self.address(0))/calendar/bench-get.ics"
        try await dav.put(
            eventPath, body: DAVBenchClient.event(uid: "bench-get", summary: "Read while phones wait"), user: 0)
        print(
            "setup: \(phones.count) phones fetched their folders in \(String(format: "%.1f", (ContinuousClock.now - setupStart).seconds)) s"
        )

        // 2. GET unloaded.
        var unloaded = Latencies()
        for _ in 0..<gets { unloaded.append(try await dav.get(eventPath, user: 0)) }
        try await Task.sleep(for: .seconds(2))
        let before = server.residentBytes

        // 3. Every phone Pings.
        let ledger = PingLedger()
        let pings = HTTPClient(
            eventLoopGroupProvider: .singleton, configuration: Self.clientConfiguration(phones.count + 64))
        let heartbeat = heartbeat
        let (everyPhone, folderIDs) = (phones, folders)
        let holding = Task {
            await withTaskGroup(of: Void.self) { group in
                for (index, phone) in everyPhone.enumerated() {
                    let ids = folderIDs[phone.user] ?? ("", "")
                    if index % 500 == 499 { try? await Task.sleep(for: .milliseconds(100)) }
                    group.addTask {
                        while true {
                            do {
                                let answer = try await phone.ping(
                                    pings, port: port,
                                    folders: [(ids.calendar, "Calendar"), (ids.contacts, "Contacts")],
                                    seconds: heartbeat)
                                ledger.record(device: phone.deviceID, answer, at: .now)
                                if ledger.isShuttingDown { return }
                            } catch {
                                if ledger.isShuttingDown { return }
                                ledger.failed()
                                try? await Task.sleep(for: .milliseconds(200))
                            }
                        }
                    }
                }
            }
        }
        let allWaiting = ContinuousClock.now
        try await waitForWaiting(phones.count, dav: dav, timeout: .seconds(300))
        print(
            "holding: \(phones.count) Pings waiting after \(String(format: "%.1f", (ContinuousClock.now - allWaiting).seconds)) s"
        )
        try await Task.sleep(for: .seconds(2))
        let after = server.residentBytes
        let cpuBefore = server.cpuSeconds

        // 4. Changes, with GETs beside them.
        let getting = Task {
            var loaded = Latencies()
            while !Task.isCancelled {
                if let latency = try? await dav.get(eventPath, user: 0) { loaded.append(latency) }
                try? await Task.sleep(for: .milliseconds(20))
            }
            return loaded
        }
        var generator = SplitMix64(seed: 7)
        var lastUser = -1
        var waitedAgain = Latencies()
        for change in 0..<changes {
            var user = generator.next(below: users)
            if user == lastUser { user = (user + 1) % users }
            lastUser = user
            let toCalendar = generator.next(below: 2) == 0
            let ids = folders[user] ?? ("", "")
            let deviceIDs = (0..<devices).map { "U\(user)D\($0)" }
            let name = "change-\(change)"
            let sent = ContinuousClock.now
            ledger.expect(deviceIDs, folder: toCalendar ? ids.calendar : ids.contacts, sent: sent)
            if toCalendar {
                try await dav.put(
                    "/dav/calendars/\(Self.address(user))/calendar/\(name).ics",
                    body: DAVBenchClient.event(uid: name, summary: "Change \(change)"), user: user)
            } else {
                try await dav.put(
                    "/dav/addressbooks/\(Self.address(user))/contacts/\(name).vcf",
                    body: DAVBenchClient.card(uid: name, name: "Change \(change)"), user: user)
            }
            let deadline = ContinuousClock.now + .seconds(5)
            while ledger.outstanding > 0, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(1))
            }
            ledger.giveUp()
            let again = ContinuousClock.now
            try await waitForWaiting(phones.count, dav: dav, timeout: .seconds(30), every: .milliseconds(2))
            waitedAgain.append(ContinuousClock.now - again)
        }
        getting.cancel()
        let loaded = await getting.value
        let cpuChanges = server.cpuSeconds - cpuBefore

        // 5. Shutdown with every Ping waiting.
        try await waitForWaiting(phones.count, dav: dav, timeout: .seconds(30))
        ledger.beginShutdown()
        let stopping = ContinuousClock.now
        let status = try await server.stop()
        await holding.value
        let stopped = ContinuousClock.now - stopping
        try await pings.shutdown()

        let summary = ledger.summary
        let perPing = Double(after - before) / Double(phones.count)
        print("")
        print(
            "server resident memory: \(before / 1_048_576) MiB with no Ping, \(after / 1_048_576) MiB with \(phones.count) waiting"
        )
        print(String(format: "memory per waiting Ping (connection included): %.1f KB", perPing / 1024))
        print(
            "push latency, PUT sent → Ping answer (\(summary.latencies.samples.count) answers): "
                + summary.latencies.millisecondSummary)
        print(
            "notifications: \(changes * devices) expected, \(summary.latencies.samples.count) on time, "
                + "\(summary.lost) lost, \(summary.unexpected) unexpected or duplicated; Ping errors \(summary.errors); "
                + "statuses \(summary.statuses.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", "))"
        )
        print("re-parked after each change (all \(phones.count) waiting again): " + waitedAgain.millisecondSummary)
        print(String(format: "server CPU during the changes: %.2f s", cpuChanges))
        print("CalDAV GET, unloaded (\(unloaded.samples.count)): " + unloaded.millisecondSummary)
        print(
            "CalDAV GET, \(phones.count) Pings waiting, changes running (\(loaded.samples.count)): "
                + loaded.millisecondSummary)
        let answered = summary.shutdownAnswers[1] ?? 0
        print(
            "shutdown: SIGTERM with \(phones.count) waiting → \(answered) answered status 1 "
                + "(other: \(summary.shutdownAnswers.filter { $0.key != 1 }.values.reduce(0, +))), exit \(status), "
                + String(format: "%.1f s", stopped.seconds))
        print("")
        print("targets:")
        let p99 = summary.latencies.percentile(0.99)
        let get99 = loaded.percentile(0.99)
        print(
            "  memory per waiting Ping < 20 KB: \(String(format: "%.1f KB", perPing / 1024)) -> \(perPing < 20 * 1024 ? "met" : "MISSED")"
        )
        print("  push latency p99 < 100 ms: \(p99.milliseconds) ms -> \(p99 < .milliseconds(100) ? "met" : "MISSED")")
        let clean = summary.lost == 0 && summary.unexpected == 0 && summary.latencies.samples.count == changes * devices
        print("  no lost or duplicated notification: -> \(clean ? "met" : "MISSED")")
        print(
            "  CalDAV GET p99 < 20 ms during the load: \(get99.milliseconds) ms -> \(get99 < .milliseconds(20) ? "met" : "MISSED")"
        )
    }

    /// Polls `/healthz` until the server reports `count` requests waiting.
    private func waitForWaiting(
        _ count: Int, dav: DAVBenchClient, timeout: Duration, every: Duration = .milliseconds(250)
    )
        async throws
    {
        let deadline = ContinuousClock.now + timeout
        while try await dav.waiting(user: 0) < count {
            guard ContinuousClock.now < deadline else {
                throw BenchmarkError(message: "fewer than \(count) Pings waiting after \(timeout)")
            }
            try await Task.sleep(for: every)
        }
    }
}
