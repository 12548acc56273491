import Testing

@testable import Directory

struct CredentialCacheTests {
    let clock = ManualClock()

    func cache(capacity: Int = 10_000) -> CredentialCache {
        CredentialCache(configuration: .init(capacity: capacity, now: { [clock] in clock.now }))
    }

    @Test func hitsOnlyForTheSamePasswordUserAndVersion() {
        let cache = cache()
        cache.insert(address: "demo@example.test", password: "pw", userID: 1, credentialVersion: 1)
        #expect(cache.lookup(address: "demo@example.test", password: "pw", userID: 1, credentialVersion: 1))
        #expect(cache.lookup(address: "DEMO@Example.test", password: "pw", userID: 1, credentialVersion: 1))
        #expect(!cache.lookup(address: "demo@example.test", password: "PW", userID: 1, credentialVersion: 1))
        #expect(!cache.lookup(address: "demo@example.test", password: "pw", userID: 2, credentialVersion: 1))
        #expect(!cache.lookup(address: "demo@example.test", password: "pw", userID: 1, credentialVersion: 2))
        // A stale version also drops the entry.
        #expect(!cache.lookup(address: "demo@example.test", password: "pw", userID: 1, credentialVersion: 1))
    }

    @Test func keyDoesNotSplitAddressAndPasswordAmbiguously() {
        let cache = cache()
        #expect(cache.key(address: "a@b.c", password: "d") != cache.key(address: "a@b.cd", password: ""))
        #expect(cache.key(address: "a@b.c", password: "d") == cache.key(address: "A@B.C", password: "d"))
    }

    @Test func keysAreSecretPerInstance() {
        #expect(cache().key(address: "a@b.c", password: "d") != cache().key(address: "a@b.c", password: "d"))
    }

    @Test func entriesExpire() {
        let cache = cache()
        cache.insert(address: "demo@example.test", password: "pw", userID: 1, credentialVersion: 1)
        clock.advance(by: .seconds(299))
        #expect(cache.lookup(address: "demo@example.test", password: "pw", userID: 1, credentialVersion: 1))
        clock.advance(by: .seconds(1))
        #expect(!cache.lookup(address: "demo@example.test", password: "pw", userID: 1, credentialVersion: 1))
        #expect(cache.count == 0)
    }

    @Test func oldestEntriesAreEvicted() {
        let cache = cache(capacity: 3)
        for id in Int64(1)...4 {
            cache.insert(address: "u\(id)@example.test", password: "pw", userID: id, credentialVersion: 1)
        }
        #expect(cache.count == 3)
        #expect(!cache.lookup(address: "u1@example.test", password: "pw", userID: 1, credentialVersion: 1))
        for id in Int64(2)...4 {
            #expect(cache.lookup(address: "u\(id)@example.test", password: "pw", userID: id, credentialVersion: 1))
        }
    }

    @Test func removingAUserDropsAllTheirEntries() {
        let cache = cache()
        cache.insert(address: "demo@example.test", password: "one", userID: 1, credentialVersion: 1)
        cache.insert(address: "demo@example.test", password: "two", userID: 1, credentialVersion: 1)
        cache.insert(address: "other@example.test", password: "one", userID: 2, credentialVersion: 1)
        cache.removeAll(userID: 1)
        #expect(cache.count == 1)
        #expect(cache.lookup(address: "other@example.test", password: "one", userID: 2, credentialVersion: 1))
    }

    @Test func reinsertingTheSameKeyKeepsTheCacheSmall() {
        let cache = cache(capacity: 10)
        for _ in 0..<10_000 {
            cache.insert(address: "demo@example.test", password: "pw", userID: 1, credentialVersion: 1)
        }
        #expect(cache.count == 1)
        #expect(cache.lookup(address: "demo@example.test", password: "pw", userID: 1, credentialVersion: 1))
    }
}
