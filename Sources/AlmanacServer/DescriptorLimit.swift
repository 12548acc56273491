#if canImport(Glibc)
    import Glibc
#endif

/// The process's limit on open file descriptors (`RLIMIT_NOFILE`), raised for a server.
///
/// Every phone waiting in a Ping holds a connection, and every open store up to a handful of
/// SQLite descriptors (its writer, readers and ``Store``'s quick reader, each with the
/// database and its WAL): ten thousand phones and the default 256 open stores need over
/// twelve thousand. The usual soft limit is 1,024 (systemd's default for services), while the
/// hard limit is far higher, and only the soft one applies. So `almanac serve` raises the soft
/// limit to the hard one at start, as nginx's `worker_rlimit_nofile` or Go's runtime do.
public enum DescriptorLimit {
    /// The soft and hard limits.
    public struct Limits: Sendable, Equatable {
        public var soft: UInt64
        public var hard: UInt64
    }

    /// The highest soft limit asked for when the hard limit is unlimited; the kernel refuses
    /// more than `fs.nr_open` (1,048,576 by default) anyway.
    static let ceiling: UInt64 = 1_048_576

    /// The current limits, nil where the platform has none to read.
    public static func current() -> Limits? {
        #if canImport(Glibc)
            var limit = rlimit()
            guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return nil }
            return Limits(soft: UInt64(limit.rlim_cur), hard: UInt64(limit.rlim_max))
        #else
            return nil
        #endif
    }

    /// Raises the soft limit to the hard one (at most ``ceiling``); never lowers it.
    ///
    /// - Returns: the limits before and after; nil when they cannot be read or set.
    @discardableResult
    public static func raise() -> (before: Limits, after: Limits)? {
        #if canImport(Glibc)
            guard let before = current() else { return nil }
            let target = min(before.hard, ceiling)
            guard target > before.soft else { return (before, before) }
            var limit = rlimit(rlim_cur: rlim_t(target), rlim_max: rlim_t(before.hard))
            guard setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, let after = current() else { return nil }
            return (before, after)
        #else
            return nil
        #endif
    }
}
