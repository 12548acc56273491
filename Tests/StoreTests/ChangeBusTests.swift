import Foundation
import Testing

@testable import Store

struct ChangeBusTests {
    @Test func publishWakesAWaiter() async throws {
        let bus = ChangeBus()
        let subscription = bus.subscribe(userID: 1, folderIDs: [10])
        let change = StoreChange(userID: 1, folderID: 10, modseq: 5)
        async let received = subscription.next(timeout: .seconds(10))
        try await Task.sleep(for: .milliseconds(50))  // let the waiter suspend
        bus.publish(change)
        #expect(await received == change)
    }

    @Test func timeoutReturnsNil() async {
        let bus = ChangeBus()
        let subscription = bus.subscribe(userID: 1, folderIDs: nil)
        let start = ContinuousClock.now
        #expect(await subscription.next(timeout: .milliseconds(100)) == nil)
        #expect(ContinuousClock.now - start >= .milliseconds(100))
    }

    @Test func taskCancellationReturnsNil() async throws {
        let bus = ChangeBus()
        let subscription = bus.subscribe(userID: 1, folderIDs: nil)
        let waiter = Task { await subscription.next(timeout: nil) }
        try await Task.sleep(for: .milliseconds(50))
        waiter.cancel()
        #expect(await waiter.value == nil)
        let timed = Task { await subscription.next(timeout: .seconds(30)) }
        try await Task.sleep(for: .milliseconds(50))
        timed.cancel()
        #expect(await timed.value == nil)
    }

    @Test func cancelReturnsNilAndRemovesTheSubscription() async throws {
        let bus = ChangeBus()
        let subscription = bus.subscribe(userID: 1, folderIDs: nil)
        #expect(bus.subscriptionCount(userID: 1) == 1)
        let waiter = Task { await subscription.next(timeout: nil) }
        try await Task.sleep(for: .milliseconds(50))
        subscription.cancel()
        #expect(await waiter.value == nil)
        #expect(bus.subscriptionCount() == 0)
        bus.publish(StoreChange(userID: 1, folderID: 1, modseq: 1))
        #expect(await subscription.next(timeout: nil) == nil)
    }

    @Test func releasedSubscriptionsLeaveTheBus() {
        let bus = ChangeBus()
        do {
            let subscriptions = (0..<100).map { bus.subscribe(userID: Int64($0 % 3), folderIDs: nil) }
            #expect(bus.subscriptionCount() == subscriptions.count)
        }
        #expect(bus.subscriptionCount() == 0)
    }

    @Test func onlyTheRightUserAndFolderAreWoken() async throws {
        let bus = ChangeBus()
        let calendar = bus.subscribe(userID: 1, folderIDs: [10])
        let everything = bus.subscribe(userID: 1, folderIDs: nil)
        let otherUser = bus.subscribe(userID: 2, folderIDs: nil)
        async let calendarChange = calendar.next(timeout: .seconds(10))
        try await Task.sleep(for: .milliseconds(50))

        bus.publish(StoreChange(userID: 2, folderID: 10, modseq: 1))  // other user, same folder id
        bus.publish(StoreChange(userID: 1, folderID: 11, modseq: 2))  // same user, other folder
        bus.publish(StoreChange(userID: 1, folderID: 10, modseq: 3))

        #expect(await calendarChange == StoreChange(userID: 1, folderID: 10, modseq: 3))
        #expect(everything.pending().map(\.modseq) == [2, 3])
        #expect(otherUser.pending().map(\.modseq) == [1])
        #expect(calendar.pending().isEmpty)
    }

    @Test func changeBetweenSubscribeAndNextIsNotLost() async {
        let bus = ChangeBus()
        let subscription = bus.subscribe(userID: 1, folderIDs: nil)
        let change = StoreChange(userID: 1, folderID: 3, modseq: 9)
        bus.publish(change)  // e.g. committed while the caller checked the store
        #expect(await subscription.next(timeout: .milliseconds(1)) == change)
        #expect(await subscription.next(timeout: .milliseconds(1)) == nil)
    }

    @Test func bufferKeepsTheNewestChanges() {
        let bus = ChangeBus()
        let subscription = bus.subscribe(userID: 1, folderIDs: nil)
        for n in 0..<(Subscriber.bufferLimit + 10) {
            bus.publish(StoreChange(userID: 1, folderID: 1, modseq: Int64(n)))
        }
        let pending = subscription.pending()
        #expect(pending.count == Subscriber.bufferLimit)
        #expect(pending.last?.modseq == Int64(Subscriber.bufferLimit + 9))
    }

    @Test func aTimedWaitEndedByAChangeStopsItsTimer() async throws {
        let bus = ChangeBus()
        let subscription = bus.subscribe(userID: 1, folderIDs: nil)
        // Many short waits in a row, each ended by a change long before its deadline: no timer
        // of an earlier wait may end a later one.
        for n in 0..<200 {
            async let received = subscription.next(timeout: .milliseconds(300))
            bus.publish(StoreChange(userID: 1, folderID: 1, modseq: Int64(n)))
            #expect(await received?.modseq == Int64(n))
        }
        let start = ContinuousClock.now
        #expect(await subscription.next(timeout: .milliseconds(400)) == nil)
        #expect(ContinuousClock.now - start >= .milliseconds(400))
    }

    @Test func thousandsOfTimedWaitsEndTogether() async {
        let bus = ChangeBus()
        let subscriptions = (0..<2_000).map { bus.subscribe(userID: Int64($0 % 50), folderIDs: [Int64($0)]) }
        let start = ContinuousClock.now
        let woken = await withTaskGroup(of: Bool.self) { group in
            for subscription in subscriptions {
                group.addTask { await subscription.next(timeout: .milliseconds(300)) == nil }
            }
            var count = 0
            for await timedOut in group where timedOut { count += 1 }
            return count
        }
        #expect(woken == subscriptions.count)
        #expect(ContinuousClock.now - start >= .milliseconds(300))
    }

    @Test func folderChangesReachOnlySubscriptionsThatAskForThem() async throws {
        let bus = ChangeBus()
        let watching = bus.subscribe(userID: 1, folderIDs: [10], folderChanges: true)
        let itemsOnly = bus.subscribe(userID: 1, folderIDs: [10])
        bus.publish(StoreChange(userID: 1, folderID: 42, modseq: 1, scope: .folder))  // a new folder
        bus.publish(StoreChange(userID: 1, folderID: 42, modseq: 2))  // its items
        bus.publish(StoreChange(userID: 1, folderID: 10, modseq: 3))
        #expect(watching.pending().map(\.modseq) == [1, 3])
        #expect(itemsOnly.pending().map(\.modseq) == [3])
    }

    @Test func folderWritesPublishTheFolderScope() async throws {
        let directory = try TemporaryDirectory()
        let bus = ChangeBus()
        let store = try Store(path: directory.storePath(4), userID: 4, bus: bus)
        defer { try? store.close() }
        let all = bus.subscribe(userID: 4, folderIDs: nil)
        let made = try await store.createFolder(class: .calendar, name: "team", displayName: "Team", parentID: nil)
        _ = try await store.updateFolder(id: made.id, displayName: "Team B", parentID: nil)
        _ = try await store.put(made.id, "a.ics", body: icsBody(uid: "a"))
        try await store.deleteFolder(id: made.id)
        let scopes = all.pending().map(\.scope)
        #expect(scopes.first == .folder)
        #expect(scopes[1] == .folder)
        #expect(scopes[2] == .items)
        #expect(scopes.last == .folder)
    }

    @Test func storeWritesWakeSubscribers() async throws {
        let directory = try TemporaryDirectory()
        let bus = ChangeBus()
        let store = try Store(path: directory.storePath(3), userID: 3, bus: bus)
        defer { try? store.close() }
        let calendarID = try await store.calendarID()
        let work = try await store.createFolder(class: .calendar, name: "work", displayName: "Work", parentID: nil)
        let subscription = bus.subscribe(userID: 3, folderIDs: [calendarID])
        let both = bus.subscribe(userID: 3, folderIDs: [calendarID, work.id])

        async let woken = subscription.next(timeout: .seconds(10))
        try await Task.sleep(for: .milliseconds(50))
        let write = try await store.put(calendarID, "a.ics", body: icsBody(uid: "a"))
        #expect(await woken == StoreChange(userID: 3, folderID: calendarID, modseq: write.item.modseq))

        // A move publishes once per affected folder.
        let moved = try await store.moveItem(
            folderID: calendarID, resourceName: "a.ics", toFolderID: work.id, toResourceName: "a.ics", condition: .none)
        #expect(both.pending().map(\.folderID) == [calendarID, calendarID, work.id])
        #expect(subscription.pending().map(\.modseq) == [moved.modseq - 1])

        // A refused write publishes nothing.
        _ = try? await store.put(999, "x.ics", body: [1])
        #expect(await subscription.next(timeout: .milliseconds(50)) == nil)
    }
}
