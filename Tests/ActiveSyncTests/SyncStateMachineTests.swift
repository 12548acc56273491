import Testing

@testable import ActiveSync

/// The SyncKey state machine without I/O: a `Saved` value stands for the `sync_state` row, a
/// list of `ServerItem`s for the folder.
struct SyncStateMachineTests {
    /// Saves what a machine finished with, as the command does.
    private func saving(_ machine: SyncStateMachine, over saved: SyncStateMachine.Saved?) -> SyncStateMachine.Saved? {
        switch machine.finish() {
        case .keep: return saved
        case .rewrite(let keyed):
            return SyncStateMachine.Saved(
                key: keyed.key, state: keyed.state, previousKey: saved?.previousKey, previous: saved?.previous)
        case .advance(let keyed, let previous):
            return SyncStateMachine.Saved(
                key: keyed.key, state: keyed.state, previousKey: previous?.key, previous: previous?.state)
        }
    }

    private func initial(_ saved: SyncStateMachine.Saved? = nil) throws -> SyncStateMachine.Saved? {
        guard case .initial(let machine) = SyncStateMachine.start(clientKey: "0", saved: saved) else {
            Issue.record("SyncKey 0 did not start")
            return nil
        }
        return saving(machine, over: saved)
    }

    private func resume(_ key: Int64, _ saved: SyncStateMachine.Saved?) throws -> SyncStateMachine {
        guard case .resume(let machine) = SyncStateMachine.start(clientKey: String(key), saved: saved) else {
            throw Failure.notResumed(key)
        }
        return machine
    }

    private enum Failure: Error { case notResumed(Int64) }

    /// Sends every Add and Change of a window, as a round with converters that never fail does.
    private func send(_ machine: inout SyncStateMachine, _ items: [ServerItem], window: Int = 100) -> (
        ServerChanges, Bool
    ) {
        let (changes, more) = machine.serverChanges(items, listedAt: items.map(\.modseq).max() ?? 0, windowSize: window)
        for item in changes.changes + changes.adds { machine.sent(item) }
        return (changes, more)
    }

    private func items(_ ids: ClosedRange<Int64>, modseq: Int64 = 1) -> [ServerItem] {
        ids.map { ServerItem(id: $0, modseq: modseq) }
    }

    @Test func syncKeyZeroAnswersANewKeyAndNoItemsThenEverythingComesOnce() throws {
        let saved = try initial()
        #expect(saved?.key == 1 && saved?.previousKey == nil && saved?.state?.held.isEmpty == true)
        var machine = try resume(1, saved)
        let (changes, more) = send(&machine, items(1...3))
        #expect(changes.adds.map(\.id) == [1, 2, 3] && !more)
        let next = saving(machine, over: saved)
        #expect(next?.key == 2 && next?.previousKey == 1)
        // Nothing new: the same key, nothing written.
        var quiet = try resume(2, next)
        #expect(send(&quiet, items(1...3)).0.count == 0)
        #expect(quiet.finish() == .keep(key: 2))
        #expect(quiet.isUpToDate(folderModseq: 1, hasTimeWindow: false))
        #expect(!quiet.isUpToDate(folderModseq: 2, hasTimeWindow: false))
        #expect(!quiet.isUpToDate(folderModseq: 1, hasTimeWindow: true))
        // New options with nothing to send: rewritten under the same key.
        var options = quiet.state.options
        options.conflict = .clientWins
        quiet.setOptions(options)
        #expect(quiet.finish() == .rewrite(.init(key: 2, state: quiet.state)))
    }

    /// A lost response: the client sends its previous key again and gets the same answer — the
    /// same server Adds, its Add answered with the same ServerId without a second write — under
    /// a new key; the key it never got is then unknown.
    @Test func resendingThePreviousKeyGivesTheSameAnswer() throws {
        var saved = try initial()
        var first = try resume(1, saved)
        #expect(first.add(clientID: "c1", fingerprint: 7) == .create)
        first.added(clientID: "c1", fingerprint: 7, itemID: 10, modseq: 4)
        let (firstChanges, _) = send(&first, items(1...3) + [ServerItem(id: 10, modseq: 4)])
        saved = saving(first, over: saved)
        #expect(saved?.key == 2)

        var resent = try resume(1, saved)
        #expect(resent.add(clientID: "c1", fingerprint: 7) == .answered(itemID: 10))
        resent.holds(10, modseq: 4)
        let (resentChanges, _) = send(&resent, items(1...3) + [ServerItem(id: 10, modseq: 4)])
        #expect(resentChanges == firstChanges && resentChanges.adds.map(\.id) == [1, 2, 3])
        saved = saving(resent, over: saved)
        #expect(saved?.key == 3 && saved?.previousKey == 1)
        #expect(saved?.state?.held == [1: 1, 2: 1, 3: 1, 10: 4])
        if case .invalidKey = SyncStateMachine.start(clientKey: "2", saved: saved) {
        } else {
            Issue.record("the key that was never received still resumes")
        }
    }

    /// An unknown key is status 3; the restart at 0 brings every item once, and the device's
    /// own Adds (remembered across the restart) are not sent back to it.
    @Test func unknownKeyThenRestartWithoutDuplicates() throws {
        var saved = try initial()
        var machine = try resume(1, saved)
        machine.added(clientID: "c1", fingerprint: 1, itemID: 5, modseq: 9)
        _ = send(&machine, items(1...4))
        saved = saving(machine, over: saved)
        for key in ["7", "abc", "1000", ""] {
            if case .invalidKey = SyncStateMachine.start(clientKey: key, saved: saved) {
            } else {
                Issue.record("key \(key) resumed")
            }
        }
        if case .invalidKey = SyncStateMachine.start(clientKey: "1", saved: nil) {
        } else {
            Issue.record("a key without any saved state resumed")
        }
        saved = try initial(saved)
        #expect(saved?.key == 3 && saved?.previousKey == nil && saved?.state?.held.isEmpty == true)
        var restarted = try resume(3, saved)
        // The client resends its Add after the restart: answered, and held so it is not added again.
        guard case .answered(let id) = restarted.add(clientID: "c1", fingerprint: 1) else {
            Issue.record("the ClientId map did not survive the restart")
            return
        }
        restarted.holds(id, modseq: 9)
        let (changes, _) = send(&restarted, items(1...5))
        #expect(changes.adds.map(\.id) == [1, 2, 3, 4])
    }

    @Test func windowSizeAndMoreAvailableAcrossRoundsSendEveryItemOnce() throws {
        var saved = try initial()
        var key: Int64 = 1
        var folder = items(1...250)
        var received: [Int64] = []
        var rounds: [Bool] = []
        for _ in 0..<10 {  // bounded: a machine that never finishes fails instead of hanging
            var machine = try resume(key, saved)
            let (changes, more) = send(&machine, folder, window: 100)
            received += changes.adds.map(\.id)
            rounds.append(more)
            saved = saving(machine, over: saved)
            key = try #require(saved?.key)
            if !more { break }
            folder.append(ServerItem(id: Int64(300 + rounds.count), modseq: 2))  // one new item per round
        }
        #expect(rounds == [true, true, false])
        #expect(received.count == Set(received).count)
        #expect(Set(received) == Set(folder.map(\.id)))
    }

    @Test func clientIdsAnswerResentAddsButNotNewItemsThatReuseThem() throws {
        var saved = try initial()
        var machine = try resume(1, saved)
        machine.added(clientID: "1", fingerprint: 100, itemID: 20, modseq: 3)
        saved = saving(machine, over: saved)
        var next = try resume(2, saved)
        #expect(next.add(clientID: "1", fingerprint: 100) == .answered(itemID: 20))
        #expect(next.add(clientID: "1", fingerprint: 101) == .create)  // another item, same ClientId
        #expect(next.add(clientID: "2", fingerprint: 100) == .create)
        // The map keeps the last four keys.
        for _ in 0..<4 {
            next.holds(1, modseq: Int64(next.nextKey))
            saved = saving(next, over: saved)
            next = try resume(saved!.key, saved)
        }
        #expect(next.add(clientID: "1", fingerprint: 100) == .create)
    }

    @Test func anUnconvertibleItemIsSkippedUntilItChanges() throws {
        var saved = try initial()
        var machine = try resume(1, saved)
        let (changes, _) = machine.serverChanges(items(1...3), listedAt: 1, windowSize: 2)
        machine.sent(changes.adds[0])
        machine.failed(changes.adds[1])
        saved = saving(machine, over: saved)
        var next = try resume(2, saved)
        var (more, _) = next.serverChanges(items(1...3), listedAt: 1, windowSize: 2)
        #expect(more.adds.map(\.id) == [3])  // 2 is left out, and MoreAvailable does not loop on it
        next.sent(more.adds[0])
        saved = saving(next, over: saved)
        var changed = try resume(3, saved)
        (more, _) = changed.serverChanges(
            [ServerItem(id: 2, modseq: 5)] + items(1...1) + items(3...3), listedAt: 5, windowSize: 10)
        #expect(more.adds.map(\.id) == [2])
    }

    /// A calendar window that moves (or a narrower FilterType) sends the items leaving it as
    /// SoftDelete; items coming back are added again.
    @Test func filterWindowMovesSendSoftDeletes() throws {
        var saved = try initial()
        var machine = try resume(1, saved)
        _ = send(&machine, items(1...4))
        saved = saving(machine, over: saved)
        var narrowed = try resume(2, saved)
        var options = narrowed.state.options
        options.filterType = .oneWeek
        narrowed.setOptions(options)
        let outside = [ServerItem(id: 1, modseq: 1, inWindow: false), ServerItem(id: 2, modseq: 1, inWindow: false)]
        let (changes, _) = send(&narrowed, outside + items(3...4))
        #expect(changes.softDeletes == [1, 2] && changes.deletes.isEmpty && changes.adds.isEmpty)
        saved = saving(narrowed, over: saved)
        #expect(saved?.state?.held.keys.sorted() == [3, 4])
        #expect(saved?.state?.options.filterType == .oneWeek)
        var widened = try resume(3, saved)
        let (back, _) = send(&widened, items(1...3))
        #expect(back.adds.map(\.id) == [1, 2] && back.deletes == [4])
    }

    @Test func conflictsFollowTheConflictOption() throws {
        var saved = try initial()
        var machine = try resume(1, saved)
        machine.holds(8, modseq: 5)
        saved = saving(machine, over: saved)
        let next = try resume(2, saved)
        #expect(next.change(itemID: 8, storeModseq: 5) == .apply)
        #expect(next.change(itemID: 8, storeModseq: 6) == .conflict)
        var clientWins = next
        var options = clientWins.state.options
        options.conflict = .clientWins
        clientWins.setOptions(options)
        #expect(clientWins.change(itemID: 8, storeModseq: 6) == .apply)
    }

    @Test func stateEncodingRoundTrips() throws {
        var state = CollectionSyncState()
        state.held = [3: 9, 1: 2]
        state.skipped = [4: 4]
        state.options.filterType = .twoWeeks
        state.options.supported = ["Contacts:FirstName"]
        state.clientAdds = [.init(clientID: "x", itemID: 3, fingerprint: .max, key: 2)]
        state.upToDate = 12
        #expect(CollectionSyncState(encoded: state.encoded()) == state)
        #expect(CollectionSyncState(encoded: Array("nonsense".utf8)) == nil)
    }
}
