import Foundation
import WBXML

/// `AlmanacBench wbxml`: decode and encode throughput of a realistic Sync response: `items`
/// Calendar and Contacts adds with plain-text bodies (a few hundred KB in all), each measure run
/// for `seconds`.
struct WBXMLBenchmark {
    /// Items in the Sync response, half events, half contacts.
    var items = 100
    /// Seconds each measure runs.
    var seconds = 1.0

    init(arguments: ArraySlice<String>) throws(UsageError) {
        var arguments = arguments
        while let option = arguments.popFirst() {
            switch option {
            case "--items":
                items = try UsageError.number(of: option, in: &arguments, 1...10_000)
            case "--seconds":
                let value = try UsageError.value(of: option, in: &arguments)
                guard let seconds = Double(value), seconds > 0, seconds <= 60 else {
                    throw UsageError(message: "--seconds wants a number from 0 to 60, not \(value)")
                }
                self.seconds = seconds
            default:
                throw UsageError(message: "unknown option \(option)")
            }
        }
    }

    func run() throws {
        let tree = syncResponse()
        let body = try WBXMLEncoder().encode(tree)
        let xml = Array(tree.xml().utf8)
        guard try WBXMLDecoder().decode(body) == tree else { throw BenchmarkError(message: "decode differs") }
        print("AlmanacBench wbxml — Sync response, \(items) Calendar/Contacts adds, \(body.count) bytes of WBXML")
        print("(\(xml.count) bytes as XML; each measure runs \(seconds) s, one core)")
        print("")
        let rows: [(String, Double)] = [
            ("decode (whole body)", measure(bytes: body.count) { _ = try WBXMLDecoder().decode(body) }),
            (
                "decode (fed in 1,400-byte chunks)",
                measure(bytes: body.count) {
                    var decoder = WBXMLDecoder()
                    var start = 0
                    while start < body.count {
                        try decoder.feed(body[start..<min(body.count, start + 1_400)])
                        start += 1_400
                    }
                    _ = try decoder.finish()
                }
            ),
            ("encode", measure(bytes: body.count) { _ = try WBXMLEncoder().encode(tree) }),
            ("XML form (write)", measure(bytes: xml.count) { _ = tree.xml() }),
            ("XML form (read)", measure(bytes: xml.count) { _ = try WBXMLXMLReader().read(xml) }),
        ]
        let width = rows.map(\.0.count).max() ?? 0
        for (name, rate) in rows {
            print(
                name.padding(toLength: width, withPad: " ", startingAt: 0) + "   " + String(format: "%7.1f MB/s", rate))
        }
    }

    /// Runs `work` repeatedly for `seconds`; megabytes (10⁶ bytes) of input per second.
    private func measure(bytes: Int, _ work: () throws -> Void) -> Double {
        let clock = ContinuousClock()
        let start = clock.now
        var rounds = 0
        repeat {
            try? work()
            rounds += 1
        } while (clock.now - start).seconds < seconds
        return Double(bytes * rounds) / (clock.now - start).seconds / 1e6
    }

    /// The Sync response (MS-ASCMD §2.2.1.21): one collection, `items` adds, the events with a
    /// recurrence and attendees, the contacts with most fields, all with a plain-text body.
    func syncResponse() -> WBXMLElement {
        let note = String(repeating: "Agenda: figures, plans, risks. Bring the quarterly numbers. ", count: 50)
        var commands: [WBXMLElement] = []
        for n in 0..<items {
            let data: [WBXMLElement] = n.isMultiple(of: 2) ? event(n, note: note) : contact(n, note: note)
            commands.append(
                WBXMLElement(
                    "AirSync", "Add",
                    children: [
                        WBXMLElement("AirSync", "ServerId", text: "1:\(n)"),
                        WBXMLElement("AirSync", "ApplicationData", children: data),
                    ]))
        }
        let collection = WBXMLElement(
            "AirSync", "Collection",
            children: [
                WBXMLElement("AirSync", "SyncKey", text: "42"), WBXMLElement("AirSync", "CollectionId", text: "1"),
                WBXMLElement("AirSync", "Status", text: "1"), WBXMLElement("AirSync", "Commands", children: commands),
            ])
        return WBXMLElement(
            "AirSync", "Sync",
            children: [WBXMLElement("AirSync", "Collections", children: [collection])])
    }

    private func body(_ note: String) -> WBXMLElement {
        WBXMLElement(
            "AirSyncBase", "Body",
            children: [
                WBXMLElement("AirSyncBase", "Type", text: "1"),
                WBXMLElement("AirSyncBase", "EstimatedDataSize", text: "\(note.utf8.count)"),
                WBXMLElement("AirSyncBase", "Data", text: note),
            ])
    }

    private func event(_ n: Int, note: String) -> [WBXMLElement] {
        [
            WBXMLElement("Calendar", "Timezone", text: String(repeating: "AAAA", count: 43)),
            WBXMLElement("Calendar", "DtStamp", text: "20261120T090000Z"),
            WBXMLElement("Calendar", "StartTime", text: "20261201T\(10 + n % 8)0000Z"),
            WBXMLElement("Calendar", "EndTime", text: "20261201T\(11 + n % 8)0000Z"),
            WBXMLElement("Calendar", "Subject", text: "Planning meeting \(n)"),
            WBXMLElement("Calendar", "UID", text: "event-\(n)@example.test"),
            WBXMLElement("Calendar", "OrganizerName", text: "Ana Example"),
            WBXMLElement("Calendar", "OrganizerEmail", text: "ana@example.test"),
            WBXMLElement(
                "Calendar", "Attendees",
                children: (0..<3).map { a in
                    WBXMLElement(
                        "Calendar", "Attendee",
                        children: [
                            WBXMLElement("Calendar", "Email", text: "guest\(a)@example.test"),
                            WBXMLElement("Calendar", "Name", text: "Guest \(a)"),
                            WBXMLElement("Calendar", "AttendeeType", text: "1"),
                        ])
                }),
            WBXMLElement("Calendar", "Location", text: "Room \(n % 7)"),
            body(note),
            WBXMLElement(
                "Calendar", "Recurrence",
                children: [
                    WBXMLElement("Calendar", "Type", text: "1"), WBXMLElement("Calendar", "Interval", text: "1"),
                    WBXMLElement("Calendar", "DayOfWeek", text: "2"),
                ]),
            WBXMLElement("Calendar", "Sensitivity", text: "0"), WBXMLElement("Calendar", "BusyStatus", text: "2"),
            WBXMLElement("Calendar", "AllDayEvent", text: "0"), WBXMLElement("Calendar", "Reminder", text: "15"),
            WBXMLElement("Calendar", "MeetingStatus", text: "1"),
            WBXMLElement("AirSyncBase", "NativeBodyType", text: "1"),
        ]
    }

    private func contact(_ n: Int, note: String) -> [WBXMLElement] {
        [
            body(note),
            WBXMLElement("Contacts", "FileAs", text: "Example, Person \(n)"),
            WBXMLElement("Contacts", "FirstName", text: "Person \(n)"),
            WBXMLElement("Contacts", "LastName", text: "Example"),
            WBXMLElement("Contacts", "CompanyName", text: "Example Ltd"),
            WBXMLElement("Contacts", "JobTitle", text: "Engineer"),
            WBXMLElement("Contacts", "Email1Address", text: "\"Person \(n)\" <person\(n)@example.test>"),
            WBXMLElement("Contacts", "MobilePhoneNumber", text: "+1 555 01\(n % 100)"),
            WBXMLElement("Contacts", "BusinessAddressStreet", text: "\(n) Main Street"),
            WBXMLElement("Contacts", "BusinessAddressCity", text: "Zürich"),
            WBXMLElement("Contacts", "BusinessAddressPostalCode", text: "8000"),
            WBXMLElement("Contacts", "Birthday", text: "1980-04-01T00:00:00.000Z"),
            WBXMLElement(
                "Contacts", "Categories",
                children: [WBXMLElement("Contacts", "Category", text: "Work")]),
            WBXMLElement("Contacts2", "NickName", text: "P\(n)"),
            WBXMLElement("Contacts2", "IMAddress", text: "person\(n)@chat.example.test"),
            WBXMLElement("AirSyncBase", "NativeBodyType", text: "1"),
        ]
    }
}
