import Testing

@testable import Directory

struct LoginThrottleTests {
    let clock = ManualClock()

    func throttle(maximumEntries: Int = 100_000) -> LoginThrottle {
        LoginThrottle(configuration: .init(maximumEntries: maximumEntries, now: { [clock] in clock.now }))
    }

    @Test func tenFailuresLockThePairForFifteenMinutes() {
        let throttle = throttle()
        for attempt in 1...10 {
            #expect(throttle.retryAfter(login: "demo@example.test", client: "192.0.2.1") == nil, "attempt \(attempt)")
            throttle.recordFailure(login: "demo@example.test", client: "192.0.2.1")
        }
        #expect(throttle.retryAfter(login: "demo@example.test", client: "192.0.2.1") == .seconds(900))
        #expect(throttle.retryAfter(login: "DEMO@example.test", client: "192.0.2.1") == .seconds(900))
        #expect(throttle.retryAfter(login: "demo@example.test", client: "192.0.2.2") == nil)
        #expect(throttle.retryAfter(login: "other@example.test", client: "192.0.2.1") == nil)
        clock.advance(by: .seconds(600))
        #expect(throttle.retryAfter(login: "demo@example.test", client: "192.0.2.1") == .seconds(300))
        clock.advance(by: .seconds(300))
        #expect(throttle.retryAfter(login: "demo@example.test", client: "192.0.2.1") == nil)
    }

    @Test func failuresOutsideTheWindowAreForgotten() {
        let throttle = throttle()
        for _ in 1...9 { throttle.recordFailure(login: "demo@example.test", client: "192.0.2.1") }
        clock.advance(by: .seconds(901))
        throttle.recordFailure(login: "demo@example.test", client: "192.0.2.1")
        #expect(throttle.retryAfter(login: "demo@example.test", client: "192.0.2.1") == nil)
    }

    @Test func successClearsThePair() {
        let throttle = throttle()
        for _ in 1...9 { throttle.recordFailure(login: "demo@example.test", client: "192.0.2.1") }
        throttle.recordSuccess(login: "demo@example.test", client: "192.0.2.1")
        for _ in 1...9 { throttle.recordFailure(login: "demo@example.test", client: "192.0.2.1") }
        #expect(throttle.retryAfter(login: "demo@example.test", client: "192.0.2.1") == nil)
        throttle.recordFailure(login: "demo@example.test", client: "192.0.2.1")
        #expect(throttle.retryAfter(login: "demo@example.test", client: "192.0.2.1") != nil)
    }

    @Test func fiftyFailuresAcrossUsersLockTheClient() {
        let throttle = throttle()
        for index in 0..<50 {
            #expect(throttle.retryAfter(login: "user\(index)@example.test", client: "198.51.100.7") == nil)
            throttle.recordFailure(login: "user\(index)@example.test", client: "198.51.100.7")
        }
        #expect(throttle.retryAfter(login: "fresh@example.test", client: "198.51.100.7") == .seconds(900))
        #expect(throttle.retryAfter(login: "fresh@example.test", client: "198.51.100.8") == nil)
        clock.advance(by: .seconds(900))
        #expect(throttle.retryAfter(login: "fresh@example.test", client: "198.51.100.7") == nil)
    }

    @Test func memoryIsBounded() {
        let throttle = throttle(maximumEntries: 100)
        for index in 0..<1_000 { throttle.recordFailure(login: "user\(index)@example.test", client: "10.0.\(index)") }
        #expect(throttle.trackedEntries.pairs <= 100)
        #expect(throttle.trackedEntries.clients <= 100)
    }

    @Test func locksSurviveEvictionOfUnlockedEntries() {
        let throttle = throttle(maximumEntries: 100)
        for _ in 1...10 { throttle.recordFailure(login: "demo@example.test", client: "192.0.2.1") }
        for index in 0..<500 { throttle.recordFailure(login: "user\(index)@example.test", client: "192.0.2.\(index)") }
        #expect(throttle.retryAfter(login: "demo@example.test", client: "192.0.2.1") != nil)
    }

    @Test func expiredEntriesAreDropped() {
        let throttle = throttle(maximumEntries: 10)
        for index in 0..<10 { throttle.recordFailure(login: "user\(index)@example.test", client: "192.0.2.1") }
        clock.advance(by: .seconds(901))
        throttle.recordFailure(login: "new@example.test", client: "192.0.2.2")
        #expect(throttle.trackedEntries.pairs == 1)
    }
}
