import Foundation

/// The owner of every open ``Store``: each user's file is opened once, at most `maxOpen` are
/// open at a time (tens of thousands of users must not mean tens of thousands of open files),
/// and the least recently used idle store is closed to make room.
///
/// A store is leased while in use (``withStore(userID:_:)``) and never closed while leased.
/// When `maxOpen` stores are open and all are leased, callers wait (suspended) until one is
/// returned.
public actor StorePool {
    /// The bus every store of the pool publishes on.
    public nonisolated let bus: ChangeBus
    /// `<data>/users`: the store of user N is `N.sqlite` there.
    public nonisolated let directory: URL
    /// The most stores open at once.
    public nonisolated let maxOpen: Int

    enum Slot {
        case opening(Task<Store, any Error>)
        case open(Store)
    }

    struct Entry {
        var slot: Slot
        var leases: Int
        var lastUsed: UInt64
    }

    var entries: [Int64: Entry] = [:]
    var clock: UInt64 = 0
    var capacityWaiters: [UInt64: CheckedContinuation<Void, any Error>] = [:]
    var idleWaiters: [Int64: [CheckedContinuation<Void, Never>]] = [:]
    var nextWaiterID: UInt64 = 0

    /// - Parameters:
    ///   - directory: `<data>/users`, created when the first store is.
    ///   - maxOpen: the most stores open at once (at least 1).
    ///   - bus: where the stores publish their changes.
    public init(directory: URL, maxOpen: Int = 256, bus: ChangeBus) {
        precondition(maxOpen >= 1, "maxOpen must be at least 1")
        self.directory = directory
        self.maxOpen = maxOpen
        self.bus = bus
    }

    /// The file of a user's store.
    public nonisolated func path(userID: Int64) -> String {
        directory.appendingPathComponent("\(userID).sqlite").path
    }

    /// Leases the user's store (opening it, and creating the file if needed) for the duration
    /// of `body`; it is not closed meanwhile.
    public nonisolated(nonsending) func withStore<T: Sendable>(
        userID: Int64, _ body: (Store) async throws -> T
    ) async throws -> T {
        let store = try await acquire(userID: userID)
        do {
            let result = try await body(store)
            await release(userID: userID)
            return result
        } catch {
            await release(userID: userID)
            throw error
        }
    }

    /// The number of stores open (or being opened).
    public func openCount() -> Int {
        entries.count
    }

    /// The users whose stores are open, for diagnostics and tests.
    public func openUserIDs() -> Set<Int64> {
        Set(entries.keys)
    }

    /// Closes the user's store (waiting until no one leases it) and deletes its file and the
    /// `-wal` and `-shm` files beside it: used when a user is removed.
    public func removeStore(userID: Int64) async throws {
        while let entry = entries[userID], entry.leases > 0 {
            await withCheckedContinuation { idleWaiters[userID, default: []].append($0) }
        }
        if let entry = entries.removeValue(forKey: userID), case .open(let store) = entry.slot {
            try store.close()
        }
        wakeCapacityWaiters()
        let path = path(userID: userID)
        for file in [path, path + "-wal", path + "-shm"] where FileManager.default.fileExists(atPath: file) {
            try FileManager.default.removeItem(atPath: file)
        }
    }

    /// Closes every store, leased or not (at shutdown, once requests have stopped).
    public func closeAll() async {
        let all = entries
        entries = [:]
        for entry in all.values {
            switch entry.slot {
            case .open(let store): try? store.close()
            case .opening(let task): try? await task.value.close()
            }
        }
        wakeCapacityWaiters()
    }
}
