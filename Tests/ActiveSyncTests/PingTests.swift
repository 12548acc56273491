import ActiveSync
import Conversions
import Foundation
import Store
import Testing
import WBXML

/// Ping (MS-ASCMD 2.2.1.13): parameters and their cache, the statuses, waking on a change by
/// any path, and a newer request of the device ending the older wait.
struct PingTests {
    /// `<Ping>` with a heartbeat and folders (each of `folderClass`), either left out when nil.
    static func ping(_ seconds: Int?, _ folders: [Int64]?, folderClass: String = "Notes") -> WBXMLElement {
        ping(seconds, classed: folders.map { $0.map { ($0, folderClass) } })
    }

    /// `<Ping>` with a heartbeat and folders with their classes, either left out when nil.
    static func ping(_ seconds: Int?, classed folders: [(id: Int64, folderClass: String)]?) -> WBXMLElement {
        var children: [WBXMLElement] = []
        if let seconds { children.append(EAS.text("Ping", "HeartbeatInterval", String(seconds))) }
        if let folders {
            children.append(
                EAS.element(
                    "Ping", "Folders",
                    folders.map {
                        EAS.element(
                            "Ping", "Folder",
                            [EAS.text("Ping", "Id", String($0.id)), EAS.text("Ping", "Class", $0.folderClass)])
                    }))
        }
        return EAS.element("Ping", "Ping", children)
    }

    /// The Status of a Ping answer, and its changed folders.
    static func outcome(_ response: ActiveSyncResponse) throws -> (status: String?, folders: [String]) {
        let element = try decode(response)
        #expect(element.name == "Ping")
        return (element.status, element.child("Folders")?.children(named: "Folder").compactMap(\.text) ?? [])
    }

    /// A session whose device has fetched the folder list (a Ping before that answers 7).
    static func withSession<T>(
        heartbeatRange: ClosedRange<Int> = 1...3540, maximumPingFolders: Int = 300,
        limits: RequestAdmission.Limits = RequestAdmission.Limits(), _ body: (ItemSession) async throws -> T
    ) async throws -> T {
        try await ItemSession.with(
            heartbeatRange: heartbeatRange, maximumPingFolders: maximumPingFolders, limits: limits
        ) { session in
            try await session.folderSync()
            return try await body(session)
        }
    }

    @Test func aStoreWriteWakesTheWaitingPingAtOnce() async throws {
        try await Self.withSession { session in
            let notes = try await session.folderID(.notes)
            let calendar = try await session.folderID(.calendar)
            let started = ContinuousClock.now
            async let answer = session.post(
                "Ping", Self.ping(300, classed: [(calendar, "Calendar"), (notes, "Notes")]))
            try await session.waitUntilWaiting(1)
            try await session.put(notes, "late.ics", subject: "Late")
            let (status, folders) = try Self.outcome(try await answer)
            #expect(status == "2")
            #expect(folders == [String(notes)])
            #expect(ContinuousClock.now - started < .seconds(60))
            #expect(session.fixture.stores.bus.subscriptionCount() == 0)
            #expect(session.fixture.service.admission.waitingCount == 0)
        }
    }

    @Test func theHeartbeatExpiresWithStatus1() async throws {
        try await Self.withSession { session in
            let notes = try await session.folderID(.notes)
            let started = ContinuousClock.now
            let (status, folders) = try Self.outcome(try await session.post("Ping", Self.ping(1, [notes])))
            #expect(status == "1")
            #expect(folders.isEmpty)
            #expect(ContinuousClock.now - started >= .milliseconds(900))
        }
    }

    @Test func aChangeInAnUnwatchedFolderDoesNotWake() async throws {
        try await Self.withSession { session in
            let notes = try await session.folderID(.notes)
            let tasks = try await session.folderID(.tasks)
            async let answer = session.post("Ping", Self.ping(2, [notes]))
            try await session.waitUntilWaiting(1)
            try await session.put(tasks, "other.ics", subject: "Elsewhere", itemClass: .tasks)
            #expect(try Self.outcome(try await answer).status == "1")
        }
    }

    @Test func heartbeatsOutOfRangeAreRefusedWithTheNearestBound() async throws {
        try await ItemSession.with { session in
            try await session.folderSync()
            let notes = try await session.folderID(.notes)
            for (asked, bound) in [(59, "60"), (0, "60"), (3541, "3540"), (86_400, "3540")] {
                let element = try decode(try await session.post("Ping", Self.ping(asked, [notes])))
                #expect(element.status == "5")
                #expect(element.childText("HeartbeatInterval") == bound)
            }
            // Nothing was cached: an empty Ping still lacks its parameters.
            #expect(try decode(try await session.post("Ping", nil)).status == "3")
        }
    }

    @Test func theHeartbeatRangeIsConfigurable() async throws {
        try await Self.withSession(heartbeatRange: 120...600) { session in
            let notes = try await session.folderID(.notes)
            #expect(
                try decode(try await session.post("Ping", Self.ping(60, [notes]))).childText("HeartbeatInterval")
                    == "120")
            #expect(
                try decode(try await session.post("Ping", Self.ping(900, [notes]))).childText("HeartbeatInterval")
                    == "600")
        }
    }

    @Test func tooManyFoldersAnswer6WithMaxFolders() async throws {
        try await Self.withSession(maximumPingFolders: 2) { session in
            let ids = [
                try await session.folderID(.notes), try await session.folderID(.tasks),
                try await session.folderID(.calendar),
            ]
            let element = try decode(try await session.post("Ping", Self.ping(60, ids)))
            #expect(element.status == "6")
            #expect(element.childText("MaxFolders") == "2")
        }
    }

    @Test func malformedPingsAnswer4() async throws {
        try await Self.withSession { session in
            let notes = String(try await session.folderID(.notes))
            let bodies: [WBXMLElement] = [
                EAS.element("Ping", "Ping", [EAS.text("Ping", "HeartbeatInterval", "soon")]),
                EAS.element("Ping", "Ping", [EAS.text("Ping", "HeartbeatInterval", "-60")]),
                EAS.element("Ping", "Ping", [EAS.element("Ping", "Folders", [])]),
                EAS.element(
                    "Ping", "Ping",
                    [EAS.element("Ping", "Folders", [EAS.element("Ping", "Folder", [EAS.text("Ping", "Id", notes)])])]),
                EAS.element(
                    "Ping", "Ping",
                    [
                        EAS.element(
                            "Ping", "Folders",
                            [
                                EAS.element(
                                    "Ping", "Folder", [EAS.text("Ping", "Id", notes), EAS.text("Ping", "Class", "Fax")])
                            ])
                    ]),
                EAS.element("FolderHierarchy", "FolderSync", [EAS.text("FolderHierarchy", "SyncKey", "0")]),
            ]
            for body in bodies {
                #expect(try decode(try await session.post("Ping", body)).status == "4")
            }
        }
    }

    @Test func anEmptyPingReusesTheCachedParameters() async throws {
        try await Self.withSession { session in
            let notes = try await session.folderID(.notes)
            #expect(try decode(try await session.post("Ping", nil)).status == "3")
            #expect(try Self.outcome(try await session.post("Ping", Self.ping(1, [notes]))).status == "1")
            // Heartbeat and folders from the cache: the empty Ping watches notes for 1 s.
            async let answer = session.post("Ping", nil)
            try await session.waitUntilWaiting(1)
            try await session.put(notes, "cached.ics", subject: "Cached")
            #expect(try Self.outcome(try await answer).folders == [String(notes)])
            // A Ping with only a heartbeat keeps the cached folders.
            let started = ContinuousClock.now
            #expect(try Self.outcome(try await session.post("Ping", Self.ping(2, nil))).status == "1")
            #expect(ContinuousClock.now - started >= .milliseconds(1_900))
        }
    }

    @Test func aChangeCommittedBeforeThePingArrivesIsAnsweredAtOnce() async throws {
        try await Self.withSession { session in
            let notes = try await session.folderID(.notes)
            _ = try await session.start(notes)
            // Synced and unchanged: the Ping waits out its heartbeat.
            #expect(try Self.outcome(try await session.post("Ping", Self.ping(1, [notes]))).status == "1")
            // Committed after the device's last Sync, before its Ping: no wait at all.
            try await session.put(notes, "between.ics", subject: "Between")
            let started = ContinuousClock.now
            let (status, folders) = try Self.outcome(try await session.post("Ping", Self.ping(300, [notes])))
            #expect(status == "2")
            #expect(folders == [String(notes)])
            #expect(ContinuousClock.now - started < .seconds(5))
        }
    }

    @Test func aFolderListChangeAnswers7() async throws {
        try await ItemSession.with(heartbeatRange: 1...3540) { session in
            let notes = try await session.folderID(.notes)
            // Never fetched the folder list.
            #expect(try decode(try await session.post("Ping", Self.ping(60, [notes]))).status == "7")
            try await session.folderSync()
            // An unknown folder, and a known one under another class.
            #expect(try decode(try await session.post("Ping", Self.ping(60, [9_999]))).status == "7")
            #expect(
                try decode(try await session.post("Ping", Self.ping(60, [notes], folderClass: "Contacts"))).status
                    == "7")
            // A calendar made over CalDAV while the Ping waits.
            async let answer = session.post("Ping", Self.ping(300, [notes]))
            try await session.waitUntilWaiting(1)
            _ = try await session.fixture.withStore {
                try await $0.createFolder(class: .calendar, name: "team", displayName: "Team", parentID: nil)
            }
            #expect(try decode(try await answer).status == "7")
            // Still out of date until the device fetches the list again.
            #expect(try decode(try await session.post("Ping", Self.ping(60, [notes]))).status == "7")
        }
    }

    @Test func aPropertyChangeOfAWatchedFolderDoesNotAnswer7() async throws {
        try await Self.withSession { session in
            let calendar = try await session.folderID(.calendar)
            async let answer = session.post("Ping", Self.ping(2, [calendar], folderClass: "Calendar"))
            try await session.waitUntilWaiting(1)
            _ = try await session.fixture.withStore {
                try await $0.updateFolderProperties(
                    id: calendar,
                    set: [
                        FolderProperty(
                            name: "{http://apple.com/ns/ical/}calendar-color",
                            value: "<x:calendar-color xmlns:x=\"http://apple.com/ns/ical/\">#FF0000</x:calendar-color>")
                    ], remove: [])
            }
            #expect(try decode(try await answer).status == "1")
        }
    }

    @Test func anEASChangeFromASecondDeviceWakesThePing() async throws {
        try await Self.withSession { session in
            let notes = try await session.folderID(.notes)
            let second = ItemSession(
                fixture: session.fixture, policyKey: try await session.fixture.provision(device: "Phone2"),
                device: "Phone2")
            let key = try await second.start(notes)
            async let answer = session.post("Ping", Self.ping(300, [notes]))
            try await session.waitUntilWaiting(1)
            let added = try await second.sync([
                EAS.collection(key, notes, commands: [EAS.add("c1", EAS.note("From the tablet"))])
            ])
            #expect(added.collection(notes)?.clientResponses.first?.status == "1")
            let (status, folders) = try Self.outcome(try await answer)
            #expect(status == "2")
            #expect(folders == [String(notes)])
        }
    }

    @Test func aNewerPingOfTheDeviceEndsTheOlderOne() async throws {
        try await Self.withSession { session in
            let notes = try await session.folderID(.notes)
            let started = ContinuousClock.now
            async let older = session.post("Ping", Self.ping(300, [notes]))
            try await session.waitUntilWaiting(1)
            async let newer = session.post("Ping", Self.ping(300, [notes]))
            #expect(try Self.outcome(try await older).status == "1")
            #expect(ContinuousClock.now - started < .seconds(60))
            try await session.waitUntilWaiting(1)
            try await session.put(notes, "after.ics", subject: "After")
            #expect(try Self.outcome(try await newer).status == "2")
            #expect(session.fixture.service.admission.waitingCount == 0)
        }
    }

    @Test func aSyncOfTheDeviceEndsItsWaitingPing() async throws {
        try await Self.withSession { session in
            let notes = try await session.folderID(.notes)
            async let ping = session.post("Ping", Self.ping(300, [notes]))
            try await session.waitUntilWaiting(1)
            _ = try await session.start(notes)
            #expect(try Self.outcome(try await ping).status == "1")
        }
    }

    @Test func anotherDevicesRequestLeavesThePingWaiting() async throws {
        try await Self.withSession { session in
            let notes = try await session.folderID(.notes)
            async let ping = session.post("Ping", Self.ping(300, [notes]))
            try await session.waitUntilWaiting(1)
            _ = try await session.fixture.provision(device: "Phone2")
            #expect(session.fixture.service.admission.waitingCount == 1)
            try await session.put(notes, "wake.ics", subject: "Wake")
            #expect(try Self.outcome(try await ping).status == "2")
        }
    }

    @Test func shutDownAnswersEveryWaitingPingAndLaterOnesAtOnce() async throws {
        try await Self.withSession { session in
            let notes = try await session.folderID(.notes)
            var devices: [ItemSession] = []
            for index in 1...5 {
                let name = "Tablet\(index)"
                let device = ItemSession(
                    fixture: session.fixture, policyKey: try await session.fixture.provision(device: name), device: name
                )
                try await device.folderSync()
                devices.append(device)
            }
            let answers = try await withThrowingTaskGroup(of: String?.self) { group in
                for device in devices {
                    group.addTask { try Self.outcome(try await device.post("Ping", Self.ping(3000, [notes]))).status }
                }
                try await session.waitUntilWaiting(devices.count)
                session.fixture.service.admission.shutDown()
                var statuses: [String?] = []
                for try await status in group { statuses.append(status) }
                return statuses
            }
            #expect(answers == Array(repeating: "1", count: devices.count))
            let started = ContinuousClock.now
            #expect(try Self.outcome(try await session.post("Ping", Self.ping(3000, [notes]))).status == "1")
            #expect(ContinuousClock.now - started < .seconds(5))
        }
    }

    /// `start` runs the handler and hands back the wait; the request keeps its place (and its
    /// subscription) until it answers, and gives both back when dropped unanswered.
    @Test func aPendingPingKeepsItsPlaceUntilAnsweredOrDropped() async throws {
        try await Self.withSession { session in
            let notes = try await session.folderID(.notes)
            let service = session.fixture.service
            let bus = session.fixture.stores.bus
            do {
                guard
                    case .waiting(let pending) = await service.start(
                        try session.request("Ping", Self.ping(300, [notes])))
                else {
                    Issue.record("a Ping with nothing to say answered at once")
                    return
                }
                withExtendedLifetime(pending) {
                    #expect(service.admission.inProgressCount == 1)
                    #expect(bus.subscriptionCount() == 1)
                }
            }
            #expect(service.admission.inProgressCount == 0)
            #expect(bus.subscriptionCount() == 0)

            guard case .waiting(let pending) = await service.start(try session.request("Ping", Self.ping(1, [notes])))
            else {
                Issue.record("a Ping with nothing to say answered at once")
                return
            }
            #expect(try Self.outcome(await pending.response()).status == "1")
            #expect(service.admission.inProgressCount == 0)
            // Once: a second call answers at once, as at the end of the interval.
            let started = ContinuousClock.now
            #expect(try Self.outcome(await pending.response()).status == "1")
            #expect(ContinuousClock.now - started < .milliseconds(500))
            #expect(service.admission.inProgressCount == 0)
        }
    }

    @Test func capsRefuseWith503AndRetryAfter() async throws {
        let limits = RequestAdmission.Limits(
            requestsPerDevice: 4, requestsPerUser: 40, waitingPerUser: 2, retryAfterSeconds: 17)
        try await Self.withSession(limits: limits) { session in
            let notes = try await session.folderID(.notes)
            var devices: [ItemSession] = []
            for index in 1...3 {
                let name = "Tablet\(index)"
                let device = ItemSession(
                    fixture: session.fixture, policyKey: try await session.fixture.provision(device: name), device: name
                )
                try await device.folderSync()
                devices.append(device)
            }
            let (one, two, three) = (devices[0], devices[1], devices[2])
            async let first = one.post("Ping", Self.ping(300, [notes]))
            async let second = two.post("Ping", Self.ping(300, [notes]))
            try await session.waitUntilWaiting(2)
            let refused = try await three.post("Ping", Self.ping(300, [notes]))
            #expect(refused.status == 503)
            #expect(refused.headers["Retry-After"] == "17")
            // The refused one changed nothing: both waiting Pings still answer the change.
            try await session.put(notes, "wake.ics", subject: "Wake")
            #expect(try Self.outcome(try await first).status == "2")
            #expect(try Self.outcome(try await second).status == "2")
        }
    }
}

extension ItemSession {
    /// FolderSync with key 0, so the device knows the folder list.
    func folderSync() async throws {
        let answer = try decode(try await post("FolderSync", EAS.folderSync("0")))
        #expect(answer.status == "1")
    }

    /// Waits (bounded) until `count` requests wait for a change.
    func waitUntilWaiting(_ count: Int) async throws {
        let deadline = ContinuousClock.now + .seconds(20)
        while fixture.service.admission.waitingCount < count {
            guard ContinuousClock.now < deadline else { throw EASTestError.missing("\(count) waiting requests") }
            try await Task.sleep(for: .milliseconds(5))
        }
    }
}
