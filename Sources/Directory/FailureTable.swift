/// Failure counts per key over fixed windows, with lockouts; the storage of
/// `LoginThrottle`. Not thread-safe: the throttle guards it with a mutex.
struct FailureTable<Key: Hashable>: ~Copyable {
    struct Entry {
        /// The start of the current window.
        var windowStart: ContinuousClock.Instant
        /// When the window ends and the failures are forgotten.
        var windowEnd: ContinuousClock.Instant
        var failures: Int
        var lockedUntil: ContinuousClock.Instant?

        func isExpired(at now: ContinuousClock.Instant) -> Bool {
            now >= windowEnd && (lockedUntil.map { now >= $0 } ?? true)
        }
    }

    var entries: [Key: Entry] = [:]
    let maximumEntries: Int

    init(maximumEntries: Int) {
        self.maximumEntries = maximumEntries
    }

    /// The time left on the key's lock, or nil when it is not locked.
    mutating func lockRemaining(_ key: Key, now: ContinuousClock.Instant) -> Duration? {
        guard let entry = entries[key] else { return nil }
        if entry.isExpired(at: now) {
            entries[key] = nil
            return nil
        }
        guard let lockedUntil = entry.lockedUntil, now < lockedUntil else { return nil }
        return now.duration(to: lockedUntil)
    }

    mutating func recordFailure(
        _ key: Key, now: ContinuousClock.Instant, limit: Int, window: Duration, lockout: Duration
    ) {
        var entry: Entry
        if let existing = entries[key], !existing.isExpired(at: now) {
            entry = existing
            if let lockedUntil = entry.lockedUntil, now < lockedUntil { return }
            if now >= entry.windowEnd || entry.lockedUntil != nil {
                entry = Entry(windowStart: now, windowEnd: now.advanced(by: window), failures: 0)
            }
        } else {
            makeRoom(now: now)
            entry = Entry(windowStart: now, windowEnd: now.advanced(by: window), failures: 0)
        }
        entry.failures += 1
        if entry.failures >= limit {
            let lockedUntil = now.advanced(by: lockout)
            entry.lockedUntil = lockedUntil
            entry.windowEnd = max(entry.windowEnd, lockedUntil)
        }
        entries[key] = entry
    }

    /// Frees a slot when full: expired entries first, then unlocked ones
    /// (down to nine tenths of the maximum, so this runs rarely), and last of
    /// all any entry.
    private mutating func makeRoom(now: ContinuousClock.Instant) {
        guard entries.count >= maximumEntries else { return }
        entries = entries.filter { !$0.value.isExpired(at: now) }
        let target = maximumEntries - max(1, maximumEntries / 10)
        if entries.count > target {
            for (key, entry) in entries where entries.count > target && entry.lockedUntil == nil {
                entries[key] = nil
            }
        }
        while entries.count >= maximumEntries, let key = entries.keys.first { entries[key] = nil }
    }
}
