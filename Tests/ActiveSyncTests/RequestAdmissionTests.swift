import Store
import Testing

@testable import ActiveSync

/// A device's newer request ends its older wait (``RequestAdmission``), whatever order the two
/// then run in.
struct RequestAdmissionTests {
    @Test func aNewerRequestMayWaitBeforeTheOlderOneHasAnswered() async throws {
        let admission = RequestAdmission()
        let bus = ChangeBus()
        let older = try #require(admission.admit(userID: 1, deviceID: "phone"))
        let olderSubscription = bus.subscribe(userID: 1, folderIDs: nil)
        #expect(admission.beginWaiting(older, on: olderSubscription) == .waiting)

        // The newer request is admitted: the older wait is cancelled and is no longer the
        // device's waiter, though it has not answered yet (no endWaiting).
        let newer = try #require(admission.admit(userID: 1, deviceID: "phone"))
        #expect(await olderSubscription.next(timeout: .seconds(5)) == nil)
        #expect(admission.waitingCount == 0)
        #expect(admission.beginWaiting(newer, on: bus.subscribe(userID: 1, folderIDs: nil)) == .waiting)
        #expect(admission.waitingCount == 1)

        // The older request answers late: that changes nothing for the newer one.
        admission.endWaiting(older)
        admission.finish(older)
        #expect(admission.waitingCount == 1)
        // An older request that had not begun waiting yet may not.
        #expect(admission.beginWaiting(older, on: bus.subscribe(userID: 1, folderIDs: nil)) == .ended)

        admission.endWaiting(newer)
        admission.finish(newer)
        #expect(admission.waitingCount == 0)
    }

    @Test func anotherDevicesRequestLeavesTheWaitInPlace() throws {
        let admission = RequestAdmission()
        let bus = ChangeBus()
        let phone = try #require(admission.admit(userID: 1, deviceID: "phone"))
        let subscription = bus.subscribe(userID: 1, folderIDs: nil)
        #expect(admission.beginWaiting(phone, on: subscription) == .waiting)
        let tablet = try #require(admission.admit(userID: 1, deviceID: "tablet"))
        #expect(admission.waitingCount == 1)
        admission.finish(tablet)
        admission.endWaiting(phone)
        admission.finish(phone)
        #expect(admission.waitingCount == 0)
    }
}
