import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Gives the memory of a burst of requests back to the system once the burst is over.
///
/// Each request is routed in a task of its own (``AlmanacResponder``) whose frames and objects
/// are freed when it ends, but glibc keeps freed memory in its arenas. After ten thousand phones
/// Ping at once, tens of MiB stay resident that nothing uses. When the requests in routing fall
/// back to none after at least ``burst`` were routed at once, `malloc_trim(0)` runs once, off the
/// request path, and returns the free pages.
final class BurstTrim: Sendable {
    /// Requests routed at once that count as a burst.
    let burst: Int
    private let trim: @Sendable () -> Void
    private let state = Mutex((inFlight: 0, peak: 0))

    init(burst: Int = 512, trim: @escaping @Sendable () -> Void = BurstTrim.releaseFreeMemory) {
        self.burst = burst
        self.trim = trim
    }

    /// A request starts routing.
    func begin() {
        state.withLock { state in
            state.inFlight += 1
            state.peak = max(state.peak, state.inFlight)
        }
    }

    /// A request has been routed; the last of a burst trims, on a task of its own.
    func end() {
        let trimNow = state.withLock { state -> Bool in
            state.inFlight -= 1
            guard state.inFlight == 0, state.peak >= burst else { return false }
            state.peak = 0
            return true
        }
        if trimNow { Task.detached(priority: .background) { [trim] in trim() } }
    }

    /// `malloc_trim(0)` where the C library has it (glibc; looked up once, as Swift's Glibc
    /// module leaves out `malloc.h`); nothing elsewhere.
    static func releaseFreeMemory() {
        _ = mallocTrim?(0)
    }

    private typealias MallocTrim = @convention(c) (Int) -> Int32

    private static let mallocTrim: MallocTrim? = {
        #if canImport(Glibc)
            guard let symbol = dlsym(nil, "malloc_trim") else { return nil }
            return unsafeBitCast(symbol, to: MallocTrim.self)
        #else
            return nil
        #endif
    }()
}
