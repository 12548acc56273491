import Foundation
import GRDB
import GRDBSQLite
import Synchronization

/// Copies a store's write-ahead log back into its database file off the write path.
///
/// SQLite's automatic checkpoint runs inside the commit that takes the WAL past
/// its threshold: that one write pays for copying the pages into the database
/// file and syncing it, and it is every PUT's 99th percentile. Here the
/// writer connection has `wal_autocheckpoint = 0` and a WAL hook
/// (`sqlite3_wal_hook`, called after each commit with the WAL's frame count);
/// past ``threshold`` frames the hook queues a `PASSIVE` checkpoint on a
/// connection of its own, on one serial queue for all stores, so writers keep
/// appending to the WAL while it runs and two stores never checkpoint at once.
///
/// A passive checkpoint copies what no reader still needs and never blocks; the
/// next writer that finds the whole WAL copied starts it again from the top,
/// which keeps the file's size near the threshold. Durability is unchanged:
/// each commit still syncs the WAL (`synchronous = FULL`), and closing the last
/// connection checkpoints what is left.
final class WALCheckpointer: Sendable {
    /// WAL frames (pages) after which a checkpoint is queued: 1 MiB of 4 KiB pages.
    ///
    /// SQLite's automatic checkpoint waits for 1,000. Copying them runs beside the writes, but
    /// its sync of the database file holds up the WAL sync of a write made meanwhile: with
    /// 1,000, every ~35th CardDAV PUT (~30 frames each) took 4-6 ms instead of 1.8, which was
    /// the PUT's 99th percentile. Checkpoints of 256 frames come four times as often and each
    /// holds a write up far less: at 10,000 cards the p99 of the last 1,000 PUTs went from
    /// 5.7-6.3 ms to 3.3 (64 and 128 frames measured about the same; Benchmarks/README).
    static let defaultThreshold: Int32 = 256

    /// All stores' checkpoints, one at a time: they are disk work, not CPU work.
    private static let queue = DispatchQueue(label: "almanac.store.checkpoint", qos: .utility)

    private struct State {
        var queued = false
        var closed = false
        var completed = 0
    }

    let path: String
    let threshold: Int32
    private let state = Mutex(State())

    init(path: String, threshold: Int32 = WALCheckpointer.defaultThreshold) {
        self.path = path
        self.threshold = threshold
    }

    /// How many background checkpoints have run (for tests and diagnostics).
    var completedCount: Int { state.withLock { $0.completed } }

    /// Turns off the automatic checkpoint of the connection and installs the hook.
    /// Called for every connection GRDB opens; only the writer ever commits.
    func install(on db: Database) throws {
        try db.execute(sql: "PRAGMA wal_autocheckpoint = 0")
        let context = Unmanaged.passUnretained(self).toOpaque()
        _ = sqlite3_wal_hook(db.sqliteConnection, walHook, context)
    }

    /// Stops queuing checkpoints; one already running finishes.
    func close() {
        state.withLock { $0.closed = true }
    }

    /// The hook's decision, after a commit left `frames` frames in the WAL.
    func committed(frames: Int32) {
        guard frames >= threshold else { return }
        let queue = state.withLock { state -> Bool in
            guard !state.queued, !state.closed else { return false }
            state.queued = true
            return true
        }
        if queue { Self.queue.async { self.checkpoint() } }
    }

    /// Runs one passive checkpoint now, on the calling thread, on a connection of its own.
    private func checkpoint() {
        defer {
            state.withLock {
                $0.queued = false
                $0.completed += 1
            }
        }
        guard !state.withLock({ $0.closed }) else { return }
        var connection: OpaquePointer?
        // Never create: a store removed since the commit has nothing to copy.
        guard sqlite3_open_v2(path, &connection, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nil) == SQLITE_OK
        else {
            sqlite3_close_v2(connection)
            return
        }
        // A connection finds the file in WAL mode on its first read; before that a checkpoint is a no-op.
        sqlite3_exec(connection, "PRAGMA schema_version", nil, nil, nil)
        sqlite3_wal_checkpoint_v2(connection, "main", SQLITE_CHECKPOINT_PASSIVE, nil, nil)
        sqlite3_close_v2(connection)
    }

    /// Waits until no checkpoint is queued or running (tests).
    func waitUntilIdle() {
        Self.queue.sync {}
    }
}

/// `sqlite3_wal_hook` callback: the context is the store's ``WALCheckpointer``
/// (the store keeps it alive as long as its connections).
private func walHook(
    _ context: UnsafeMutableRawPointer?, _ db: OpaquePointer?, _ name: UnsafePointer<CChar>?, _ frames: Int32
) -> Int32 {
    if let context {
        Unmanaged<WALCheckpointer>.fromOpaque(context).takeUnretainedValue().committed(frames: frames)
    }
    return SQLITE_OK
}
