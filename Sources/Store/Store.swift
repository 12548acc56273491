import Foundation
import GRDB

/// One user's store: a SQLite file (`<data>/users/<user-id>.sqlite`) of
/// folders, items and the change log.
///
/// Every write is one method and one transaction: it checks its conditions,
/// bumps the per-user modseq once per change-log row, writes, and commits;
/// then it publishes one ``StoreChange`` per affected folder on the
/// ``ChangeBus``. A refused write throws ``StoreError`` and changes nothing.
///
/// The file is in WAL mode with `synchronous = FULL`, so an acknowledged write
/// survives kill -9 and power loss, and has a busy timeout, so another
/// process (the CLI) can open the same file; writes take the write lock up
/// front (`BEGIN IMMEDIATE`), so two processes never both read the same
/// modseq. The WAL is copied back into the file off the write path
/// (``WALCheckpointer``). Open stores through a ``StorePool``, which caps how many are open.
public final class Store: Sendable {
    /// The user this store belongs to.
    public let userID: Int64
    /// The random UUID generated when the store was created (stable for the life of the file);
    /// sync tokens carry it so a restored backup rejects tokens it never issued.
    public let storeID: String
    /// The path of the SQLite file.
    public let path: String

    let database: DatabasePool
    let bus: ChangeBus?
    /// Checkpoints the WAL in the background, so no write pays for it (``WALCheckpointer``).
    let checkpointer: WALCheckpointer
    /// Short reads on the calling thread (``QuickReader``).
    let quickReader: QuickReader

    /// How long a write waits for another connection's lock (the CLI, a second process) before failing.
    public static let busyTimeout: TimeInterval = 10

    /// Opens (creating and migrating if needed) the store of one user; a new
    /// store gets the standard folders (``StandardFolder/all``).
    ///
    /// - Parameters:
    ///   - path: the SQLite file; its directory is created if needed.
    ///   - userID: the owner, carried by the changes published on `bus`.
    ///   - bus: where committed changes are published; nil publishes nothing.
    public init(path: String, userID: Int64, bus: ChangeBus?) throws {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)

        var configuration = Configuration()
        configuration.label = "almanac.store.\(userID)"
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(Self.busyTimeout)
        // One writer connection plus at most two readers, opened lazily. A user's traffic is a
        // few devices at a time, and reads are short: two readers let a long sync listing and a
        // Ping check run beside a write without keeping many descriptors per store, which matters
        // when a StorePool holds hundreds of stores open.
        configuration.maximumReaderCount = 2
        let checkpointer = WALCheckpointer(path: path)
        configuration.prepareDatabase { db in try checkpointer.install(on: db) }
        let database = try DatabasePool(path: path, configuration: configuration)
        do {
            // GRDB sets synchronous = NORMAL with WAL; FULL syncs the WAL on every commit, so an
            // acknowledged write also survives power loss, not only a crash of the process.
            try database.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
            try Self.migrate(database)
            self.storeID = try Self.seed(database)
        } catch {
            try? database.close()
            throw error
        }
        self.database = database
        self.checkpointer = checkpointer
        self.quickReader = QuickReader(path: path)
        self.userID = userID
        self.path = path
        self.bus = bus
    }

    /// The current modseq: the modseq of the latest change anywhere in the store.
    public func modseq() async throws -> Int64 {
        try await quickRead { db in try StoreInfo.fetch(db).modseq }
    }

    /// Bytes counted against the quota: the sum of the item sizes.
    public func usedBytes() async throws -> Int64 {
        try await quickRead { db in try StoreInfo.fetch(db).usedBytes }
    }

    /// The store's counters, read together.
    public func info() async throws -> StoreInfo {
        try await quickRead { db in try StoreInfo.fetch(db) }
    }

    /// Closes the file's connections. Later calls throw.
    public func close() throws {
        checkpointer.close()
        try quickReader.close()
        try database.close()
    }

    /// Runs `updates` in one immediate transaction, then publishes the
    /// changes it reports for the affected folders.
    func write<T: Sendable>(
        _ updates: @escaping @Sendable (Database) throws -> (result: T, published: [StoreChange])
    ) async throws -> T {
        let (result, published) = try await database.write(updates)
        if let bus {
            for change in published { bus.publish(change) }
        }
        return result
    }
}
