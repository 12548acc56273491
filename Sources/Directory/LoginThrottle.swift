import Synchronization

/// Slows down password guessing.
///
/// Two counters, each over a fixed window that starts at its first failure:
///
/// - per (login, client address) pair: `pairFailureLimit` failures (10)
///   within `pairWindow` (15 minutes) lock that pair for `pairLockout`
///   (15 minutes). The same login from another address is not locked, so an
///   attacker cannot lock a user out everywhere.
/// - per client address: `clientFailureLimit` failures (50) across any logins
///   within `clientWindow` lock the address for `clientLockout`.
///
/// While locked, attempts are refused before any password is checked and do
/// not count. A success clears its pair. Memory is bounded: each table holds
/// at most `maximumEntries`; when full, expired entries go first, then
/// entries that are not locked.
public final class LoginThrottle: Sendable {
    /// The numbers of the throttle.
    public struct Configuration: Sendable {
        public var pairFailureLimit: Int
        public var pairWindow: Duration
        public var pairLockout: Duration
        public var clientFailureLimit: Int
        public var clientWindow: Duration
        public var clientLockout: Duration
        /// The most pairs, and the most client addresses, tracked at once.
        public var maximumEntries: Int
        /// The clock; tests inject one they can move.
        public var now: @Sendable () -> ContinuousClock.Instant

        public init(
            pairFailureLimit: Int = 10, pairWindow: Duration = .seconds(15 * 60),
            pairLockout: Duration = .seconds(15 * 60),
            clientFailureLimit: Int = 50, clientWindow: Duration = .seconds(15 * 60),
            clientLockout: Duration = .seconds(15 * 60),
            maximumEntries: Int = 100_000,
            now: @escaping @Sendable () -> ContinuousClock.Instant = { .now }
        ) {
            self.pairFailureLimit = max(1, pairFailureLimit)
            self.pairWindow = pairWindow
            self.pairLockout = pairLockout
            self.clientFailureLimit = max(1, clientFailureLimit)
            self.clientWindow = clientWindow
            self.clientLockout = clientLockout
            self.maximumEntries = max(1, maximumEntries)
            self.now = now
        }

        public static var `default`: Configuration { Configuration() }
    }

    struct Pair: Hashable, Sendable {
        var login: String
        var client: String
    }

    public let configuration: Configuration
    private let pairs: Mutex<FailureTable<Pair>>
    private let clients: Mutex<FailureTable<String>>

    public init(configuration: Configuration = .default) {
        self.configuration = configuration
        self.pairs = Mutex(FailureTable(maximumEntries: configuration.maximumEntries))
        self.clients = Mutex(FailureTable(maximumEntries: configuration.maximumEntries))
    }

    /// How long until `login` may try again from `client`, or nil when it may
    /// try now. `login` should be the resolved address when known.
    public func retryAfter(login: String, client: String) -> Duration? {
        let now = configuration.now()
        let pair = Pair(login: login.lowercased(), client: client)
        let pairWait = pairs.withLock { $0.lockRemaining(pair, now: now) }
        let clientWait = clients.withLock { $0.lockRemaining(client, now: now) }
        switch (pairWait, clientWait) {
        case (nil, nil): return nil
        case (let wait?, nil), (nil, let wait?): return wait
        case (let first?, let second?): return max(first, second)
        }
    }

    /// Counts a failed attempt.
    public func recordFailure(login: String, client: String) {
        let now = configuration.now()
        let pair = Pair(login: login.lowercased(), client: client)
        pairs.withLock {
            $0.recordFailure(
                pair, now: now, limit: configuration.pairFailureLimit, window: configuration.pairWindow,
                lockout: configuration.pairLockout)
        }
        clients.withLock {
            $0.recordFailure(
                client, now: now, limit: configuration.clientFailureLimit, window: configuration.clientWindow,
                lockout: configuration.clientLockout)
        }
    }

    /// Clears the pair's failures after a successful login.
    public func recordSuccess(login: String, client: String) {
        let pair = Pair(login: login.lowercased(), client: client)
        _ = pairs.withLock { $0.entries.removeValue(forKey: pair) }
    }

    /// The number of pairs and client addresses tracked.
    public var trackedEntries: (pairs: Int, clients: Int) {
        (pairs.withLock { $0.entries.count }, clients.withLock { $0.entries.count })
    }
}
