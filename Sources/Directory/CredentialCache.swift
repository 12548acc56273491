import Crypto
import Foundation
import Synchronization

/// Remembers credentials verified recently, so that clients sending Basic
/// credentials on every request do not cost a password hash each time.
///
/// The key is HMAC-SHA256, under a random key made for this process, over
/// the lower-cased address, a NUL and the password: neither the password
/// nor an offline-attackable hash of it is kept. The value is the user id,
/// the credential version verified and an expiry. A hit counts only while
/// the user's current credential version (read from the directory, so that
/// changes by another process are seen) is still the cached one. The cache
/// holds at most `capacity` entries; the oldest go first.
public final class CredentialCache: Sendable {
    /// The limits of the cache.
    public struct Configuration: Sendable {
        /// How long a verification is trusted (default 5 minutes).
        public var timeToLive: Duration
        /// The most entries kept (default 10,000).
        public var capacity: Int
        /// The clock; tests inject one they can move.
        public var now: @Sendable () -> ContinuousClock.Instant

        public init(
            timeToLive: Duration = .seconds(300), capacity: Int = 10_000,
            now: @escaping @Sendable () -> ContinuousClock.Instant = { .now }
        ) {
            self.timeToLive = timeToLive
            self.capacity = max(0, capacity)
            self.now = now
        }

        public static var `default`: Configuration { Configuration() }
    }

    /// What a cached verification says.
    public struct Entry: Sendable, Equatable {
        public var userID: Int64
        public var credentialVersion: Int64
        public var expires: ContinuousClock.Instant
    }

    struct Key: Hashable, Sendable {
        let digest: Data
    }

    private struct State: ~Copyable {
        var entries: [Key: (entry: Entry, sequence: UInt64)] = [:]
        var keysByUser: [Int64: Set<Key>] = [:]
        /// Keys in insertion order with their sequence number; stale ones are skipped.
        var order: [(key: Key, sequence: UInt64)] = []
        var orderStart = 0
        var nextSequence: UInt64 = 0
    }

    public let configuration: Configuration
    private let secret = SymmetricKey(size: .bits256)
    private let state = Mutex(State())

    public init(configuration: Configuration = .default) {
        self.configuration = configuration
    }

    /// The number of entries held.
    public var count: Int { state.withLock { $0.entries.count } }

    /// The cached verification of this address and password if it has not
    /// expired and still names `credentialVersion` of user `userID`.
    public func lookup(address: String, password: String, userID: Int64, credentialVersion: Int64) -> Bool {
        let key = key(address: address, password: password)
        let now = configuration.now()
        return state.withLock { state in
            guard let (entry, _) = state.entries[key] else { return false }
            guard entry.expires > now, entry.userID == userID, entry.credentialVersion == credentialVersion else {
                Self.remove(key, from: &state)
                return false
            }
            return true
        }
    }

    /// Records a successful verification.
    public func insert(address: String, password: String, userID: Int64, credentialVersion: Int64) {
        guard configuration.capacity > 0 else { return }
        let key = key(address: address, password: password)
        let entry = Entry(
            userID: userID, credentialVersion: credentialVersion,
            expires: configuration.now().advanced(by: configuration.timeToLive))
        state.withLock { state in
            Self.remove(key, from: &state)
            Self.compactOrder(&state)
            while state.entries.count >= configuration.capacity, Self.evictOldest(from: &state) {}
            let sequence = state.nextSequence
            state.nextSequence += 1
            state.entries[key] = (entry, sequence)
            state.keysByUser[userID, default: []].insert(key)
            state.order.append((key, sequence))
        }
    }

    /// Drops every entry of a user (on a password change or removal).
    public func removeAll(userID: Int64) {
        state.withLock { state in
            for key in state.keysByUser[userID] ?? [] { Self.remove(key, from: &state) }
            state.keysByUser[userID] = nil
        }
    }

    /// Drops everything.
    public func removeAll() {
        state.withLock { $0 = State() }
    }

    func key(address: String, password: String) -> Key {
        var message = Data(address.lowercased().utf8)
        message.append(0)
        message.append(contentsOf: password.precomposedStringWithCanonicalMapping.utf8)
        return Key(digest: Data(HMAC<SHA256>.authenticationCode(for: message, using: secret)))
    }

    private static func remove(_ key: Key, from state: inout State) {
        guard let (entry, _) = state.entries.removeValue(forKey: key) else { return }
        state.keysByUser[entry.userID]?.remove(key)
        if state.keysByUser[entry.userID]?.isEmpty == true { state.keysByUser[entry.userID] = nil }
    }

    @discardableResult
    private static func evictOldest(from state: inout State) -> Bool {
        while state.orderStart < state.order.count {
            let (key, sequence) = state.order[state.orderStart]
            state.orderStart += 1
            if state.entries[key]?.sequence == sequence {
                remove(key, from: &state)
                return true
            }
        }
        return false
    }

    /// Rebuilds the insertion-order log from the live entries once stale
    /// records (replaced, expired or dropped entries) outnumber them, so it
    /// stays within a constant factor of the capacity.
    private static func compactOrder(_ state: inout State) {
        let records = state.order.count - state.orderStart
        guard records > 2 * max(state.entries.count, 512) else { return }
        let entries = state.entries
        state.order = state.order[state.orderStart...].filter { entries[$0.key]?.sequence == $0.sequence }
        state.orderStart = 0
    }
}
