import Synchronization

/// What the Ping benchmark expects and what it got: each change names the devices that must be
/// told (every phone of the changed user) and the folder; each Ping answer is checked against it.
final class PingLedger: Sendable {
    private struct Expected {
        var folder: String
        var sent: ContinuousClock.Instant
    }

    private struct State {
        var expected: [String: Expected] = [:]
        var latencies = Latencies()
        var unexpected = 0
        var lost = 0
        var statuses: [Int: Int] = [:]
        var errors = 0
        var shuttingDown = false
        var shutdownAnswers: [Int: Int] = [:]
    }

    private let state = Mutex(State())

    /// A change to `folder` was sent at `sent`: each of `devices` must answer status 2 with it.
    func expect(_ devices: [String], folder: String, sent: ContinuousClock.Instant) {
        state.withLock { state in
            for device in devices { state.expected[device] = Expected(folder: folder, sent: sent) }
        }
    }

    /// A device's Ping answered at `at`.
    func record(device: String, _ answer: PingPhone.Answer, at: ContinuousClock.Instant) {
        state.withLock { state in
            if state.shuttingDown {
                state.shutdownAnswers[answer.status, default: 0] += 1
                return
            }
            state.statuses[answer.status, default: 0] += 1
            guard answer.status == 2 else { return }
            if let expected = state.expected.removeValue(forKey: device), answer.folders == [expected.folder] {
                state.latencies.append(at - expected.sent)
            } else {
                state.unexpected += 1
            }
        }
    }

    /// A device's Ping failed (connection error, timeout).
    func failed() {
        state.withLock { $0.errors += 1 }
    }

    /// How many expected answers are still to come.
    var outstanding: Int { state.withLock { $0.expected.count } }

    /// Counts the answers still expected as lost and forgets them.
    func giveUp() {
        state.withLock { state in
            state.lost += state.expected.count
            state.expected = [:]
        }
    }

    var isShuttingDown: Bool { state.withLock { $0.shuttingDown } }

    /// From now on answers are those of the shutdown.
    func beginShutdown() {
        state.withLock { $0.shuttingDown = true }
    }

    struct Summary {
        var latencies: Latencies
        var unexpected: Int
        var lost: Int
        var statuses: [Int: Int]
        var errors: Int
        var shutdownAnswers: [Int: Int]
    }

    var summary: Summary {
        state.withLock { state in
            Summary(
                latencies: state.latencies, unexpected: state.unexpected, lost: state.lost, statuses: state.statuses,
                errors: state.errors, shutdownAnswers: state.shutdownAnswers)
        }
    }
}
