import Foundation
import Store

/// `AlmanacBench store`: writes per second of single-item `putItem` transactions (one writer,
/// then four), and change-bus wake-up latency (publish → waiter, committed put → waiter).
struct StoreBenchmark {
    /// Single-item writes per run.
    var items = 2_000
    /// Publish → wake round trips.
    var wakeups = 2_000
    /// Committed put → wake round trips.
    var putWakeups = 300
    /// Where the temporary stores go; a fresh temporary directory when nil.
    var directory: URL?

    init(arguments: ArraySlice<String>) throws(UsageError) {
        var arguments = arguments
        while let option = arguments.popFirst() {
            switch option {
            case "--items":
                items = try UsageError.number(of: option, in: &arguments, 1...1_000_000)
            case "--dir":
                directory = URL(fileURLWithPath: try UsageError.value(of: option, in: &arguments))
            default:
                throw UsageError(message: "unknown option \(option)")
            }
        }
    }

    func run() async throws {
        let root = (directory ?? FileManager.default.temporaryDirectory)
            .appendingPathComponent("almanac-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }

        print(
            "AlmanacBench store — \(items) writes of \(Self.body(uid: "x").count)-byte iCalendar bodies, in \(root.path)"
        )
        print("(each putItem is its own transaction: WAL, synchronous = FULL)")
        print("")
        let sequential = try await writes(in: root.appendingPathComponent("1.sqlite"), writers: 1)
        let concurrent = try await writes(in: root.appendingPathComponent("2.sqlite"), writers: 4)
        let wake = await publishWakeLatency()
        let putWake = try await putWakeLatency(in: root.appendingPathComponent("3.sqlite"))

        let rows: [(String, String)] = [
            ("store writes, 1 writer", "\(Int(sequential.rate)) writes/s   (\(sequential.latencies.summary))"),
            ("store writes, 4 writers", "\(Int(concurrent.rate)) writes/s   (\(concurrent.latencies.summary))"),
            ("bus publish → waiter woken (\(wakeups))", wake.summary),
            ("putItem call → waiter woken (\(putWakeups))", putWake.wake.summary),
            ("putItem call → return (same)", putWake.put.summary),
            ("putItem return → waiter woken (same)", putWake.afterReturn.summary),
        ]
        let width = rows.map(\.0.count).max() ?? 0
        for (name, value) in rows {
            print(name.padding(toLength: width, withPad: " ", startingAt: 0) + "   " + value)
        }
    }

    /// `items` single-item puts into a new store, split across `writers` concurrent tasks.
    private func writes(in file: URL, writers: Int) async throws -> (rate: Double, latencies: Latencies) {
        let store = try Store(path: file.path, userID: 1, bus: ChangeBus())
        defer { try? store.close() }
        guard let calendarID = try await store.folder(role: .calendar)?.id else {
            throw BenchmarkError(message: "no calendar")
        }
        let items = items
        let clock = ContinuousClock()
        let start = clock.now
        let latencies = try await withThrowingTaskGroup(of: Latencies.self) { group in
            for writer in 0..<writers {
                group.addTask {
                    var latencies = Latencies()
                    for n in stride(from: writer, to: items, by: writers) {
                        let uid = "event-\(n)"
                        let begin = clock.now
                        _ = try await store.putItem(
                            folderID: calendarID, resourceName: uid + ".ics", contentType: "text/calendar",
                            body: Self.body(uid: uid), index: ItemIndex(uid: uid, subject: "Planning", startAt: 0),
                            condition: .ifNoneMatchAny, quotaLimit: .max)
                        latencies.append(clock.now - begin)
                    }
                    return latencies
                }
            }
            var all = Latencies()
            for try await part in group { for sample in part.samples { all.append(sample) } }
            return all
        }
        let elapsed = clock.now - start
        return (Double(items) / elapsed.seconds, latencies)
    }

    /// A VEVENT of about 1 KB.
    static func body(uid: String) -> [UInt8] {
        let description = String(repeating: "Agenda item, notes and links. ", count: 26)
        let text = """
            BEGIN:VCALENDAR\r
            VERSION:2.0\r
            PRODID:-//Almanac//Bench//EN\r
            BEGIN:VEVENT\r
            UID:\(uid)\r
            DTSTAMP:20250101T090000Z\r
            DTSTART:20250102T100000Z\r
            DTEND:20250102T110000Z\r
            SUMMARY:Planning\r
            DESCRIPTION:\(description)\r
            END:VEVENT\r
            END:VCALENDAR\r

            """
        return Array(text.utf8)
    }
}
