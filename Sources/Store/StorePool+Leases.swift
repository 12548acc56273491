extension StorePool {
    /// Leases the user's store; pair with ``release(userID:)``. Prefer ``withStore(userID:_:)``.
    ///
    /// - Throws: the error of opening the store, or `CancellationError` when the task is
    ///   cancelled while waiting for room.
    public func acquire(userID: Int64) async throws -> Store {
        while true {
            if var entry = entries[userID] {
                entry.leases += 1
                entry.lastUsed = tick()
                entries[userID] = entry
                switch entry.slot {
                case .open(let store):
                    return store
                case .opening(let task):
                    // On failure the opener removes the entry (and our lease with it).
                    return try await task.value
                }
            }
            if entries.count >= maxOpen && !closeLeastRecentlyUsedIdle() {
                try await waitForCapacity()
                continue
            }
            return try await open(userID: userID)
        }
    }

    /// Returns a lease taken by ``acquire(userID:)``.
    public func release(userID: Int64) {
        guard var entry = entries[userID], entry.leases > 0 else { return }
        entry.leases -= 1
        entry.lastUsed = tick()
        entries[userID] = entry
        if entry.leases == 0 {
            for waiter in idleWaiters.removeValue(forKey: userID) ?? [] { waiter.resume() }
            wakeCapacityWaiters()
        }
    }

    /// Opens the store off the actor (opening does file I/O and may migrate), holding a lease
    /// on a placeholder entry so that concurrent callers for the same user join this opening.
    private func open(userID: Int64) async throws -> Store {
        let path = path(userID: userID)
        let bus = bus
        let task = Task.detached { try Store(path: path, userID: userID, bus: bus) }
        entries[userID] = Entry(slot: .opening(task), leases: 1, lastUsed: tick())
        do {
            let store = try await task.value
            entries[userID]?.slot = .open(store)
            return store
        } catch {
            entries[userID] = nil
            wakeCapacityWaiters()
            throw error
        }
    }

    /// Closes the idle store used least recently; false when every open store is leased.
    private func closeLeastRecentlyUsedIdle() -> Bool {
        var victim: (userID: Int64, lastUsed: UInt64, store: Store)?
        for (userID, entry) in entries where entry.leases == 0 {
            guard case .open(let store) = entry.slot else { continue }
            if victim == nil || entry.lastUsed < victim!.lastUsed { victim = (userID, entry.lastUsed, store) }
        }
        guard let victim else { return false }
        entries[victim.userID] = nil
        try? victim.store.close()
        return true
    }

    /// Suspends until a store becomes idle or is closed. Every waiter is woken and checks again
    /// (waiting at the cap is rare: it means `maxOpen` requests in flight at once).
    private func waitForCapacity() async throws {
        nextWaiterID += 1
        let id = nextWaiterID
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                if Task.isCancelled {
                    continuation.resume(throwing: CancellationError())
                } else {
                    capacityWaiters[id] = continuation
                }
            }
        } onCancel: {
            Task { await self.cancelCapacityWaiter(id: id) }
        }
    }

    private func cancelCapacityWaiter(id: UInt64) {
        capacityWaiters.removeValue(forKey: id)?.resume(throwing: CancellationError())
    }

    func wakeCapacityWaiters() {
        let waiters = capacityWaiters
        capacityWaiters = [:]
        for waiter in waiters.values { waiter.resume() }
    }

    private func tick() -> UInt64 {
        clock += 1
        return clock
    }
}
