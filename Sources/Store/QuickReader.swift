import GRDB
import Synchronization

/// A read-only connection of its own for a store's short reads, used on the calling thread.
///
/// An async read of GRDB's pool waits for a reader on one dispatch queue, runs on the
/// reader's queue, and resumes the caller on the cooperative pool: each step can wake a
/// sleeping thread. A point read (a row by key, the folder list) takes a few microseconds,
/// less than those wake-ups; a CardDAV PUT made four such reads before its write, and the
/// wake-ups were a fifth of its CPU.
///
/// ``attempt(_:)`` runs the read at once on the caller's thread when the connection is free
/// and returns nil when another read holds it; ``Store/quickRead(_:)`` then falls back to the
/// pool. So a caller never waits on a cooperative thread behind someone else's read, and a
/// long read (a listing, a multiget) must not come here: it would send every point read to
/// the pool while it runs.
///
/// The connection opens on first use (a store that only writes keeps no extra descriptor)
/// and reads in WAL mode beside the pool's writer like any other reader: each read is its
/// own transaction and sees every commit before it.
final class QuickReader: Sendable {
    private struct State {
        var connection: DatabaseQueue?
        var busy = false
        var closed = false
    }

    private let path: String
    private let state = Mutex(State())

    init(path: String) {
        self.path = path
    }

    /// The result of `block`, read now on this thread; nil when the connection is busy with
    /// another read or closed (the pool's read then answers, or throws that the store is
    /// closed). When `T` is itself optional, a nil result of `block` is `.some(nil)`.
    ///
    /// - Throws: what `block` throws, or what opening the connection fails with.
    func attempt<T>(_ block: (Database) throws -> T) throws -> T? {
        let connection = try state.withLock { state -> DatabaseQueue? in
            guard !state.busy, !state.closed else { return nil }
            if state.connection == nil { state.connection = try Self.open(path) }
            state.busy = true
            return state.connection
        }
        guard let connection else { return nil }
        defer { state.withLock { $0.busy = false } }
        return try connection.read(block)
    }

    /// Closes the connection; later attempts return nil, so reads go to the pool (which throws
    /// once the store is closed).
    func close() throws {
        let connection = state.withLock { state -> DatabaseQueue? in
            state.closed = true
            return state.connection
        }
        // A read in progress finishes first: the queue serializes close behind it.
        try connection?.close()
    }

    private static func open(_ path: String) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.label = "almanac.store.quick-read"
        configuration.readonly = true
        configuration.busyMode = .timeout(Store.busyTimeout)
        return try DatabaseQueue(path: path, configuration: configuration)
    }
}

extension Store {
    /// A short read: on the calling thread through the store's ``QuickReader`` when it is
    /// free, else on the pool. Only for reads of a few rows; listings go to `database.read`.
    func quickRead<T: Sendable>(_ block: @escaping @Sendable (Database) throws -> T) async throws -> T {
        if let value = try quickReader.attempt(block) { return value }
        return try await database.read(block)
    }
}
