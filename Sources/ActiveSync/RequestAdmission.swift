import Store
import Synchronization

/// The ActiveSync requests in progress, per user and per device, and the ones waiting for a
/// change (Ping, Sync with Wait): the caps that keep one client from starving the others, and
/// the rule that a device's newer request ends its older wait.
///
/// - A request is admitted (``admit(userID:deviceID:)``) before any work: past
///   ``Limits/requestsPerDevice`` or ``Limits/requestsPerUser`` in progress it is refused, and
///   answered HTTP 503 with Retry-After (MS-ASHTTP 3.1.5.2.3).
/// - Admission ends the device's waiting request at once (its subscription is cancelled, so it
///   answers as if its interval had passed) and moves the device's generation on; a request
///   that would wait after a newer one of its device was admitted answers at once instead, so
///   stale Pings never pile up.
/// - At most ``Limits/waitingPerUser`` requests of a user wait at once; a request past that
///   answers at once (as at the end of its interval).
/// - ``shutDown()`` ends every wait and makes later ones answer at once: the server can stop
///   with thousands of Pings waiting, each answered.
///
/// Nothing here holds a thread or a store: a waiting request is its suspended task and its
/// ``ChangeSubscription``.
public final class RequestAdmission: Sendable {
    /// The caps; configured in ``ActiveSyncConfiguration/limits``.
    public struct Limits: Sendable, Equatable {
        /// Requests of one device in progress at once, a waiting one included.
        public var requestsPerDevice: Int
        /// Requests of one user (all devices) in progress at once, waiting ones included.
        public var requestsPerUser: Int
        /// Requests of one user waiting for a change at once (one per device at most).
        public var waitingPerUser: Int
        /// The Retry-After of a refusal, in seconds.
        public var retryAfterSeconds: Int

        public init(
            requestsPerDevice: Int = 4, requestsPerUser: Int = 40, waitingPerUser: Int = 20, retryAfterSeconds: Int = 30
        ) {
            self.requestsPerDevice = requestsPerDevice
            self.requestsPerUser = requestsPerUser
            self.waitingPerUser = waitingPerUser
            self.retryAfterSeconds = retryAfterSeconds
        }
    }

    struct DeviceKey: Hashable, Sendable {
        let userID: Int64
        let deviceID: String
    }

    /// An admitted request: give it back with ``finish(_:)``.
    struct Ticket: Sendable {
        let device: DeviceKey
        let generation: UInt64
    }

    private struct Waiter {
        let generation: UInt64
        let subscription: ChangeSubscription
    }

    private struct DeviceState {
        var inProgress = 0
        var generation: UInt64 = 0
        var waiter: Waiter?
    }

    private struct UserState {
        var inProgress = 0
        var waiting = 0
    }

    private struct State {
        var devices: [DeviceKey: DeviceState] = [:]
        var users: [Int64: UserState] = [:]
        var nextGeneration: UInt64 = 0
        var shutDown = false
    }

    public let limits: Limits
    private let state = Mutex(State())

    public init(limits: Limits = Limits()) {
        self.limits = limits
    }

    /// Admits a request of `deviceID`, ending that device's waiting request; nil when a cap is
    /// reached (nothing changes then).
    func admit(userID: Int64, deviceID: String) -> Ticket? {
        let key = DeviceKey(userID: userID, deviceID: deviceID)
        let (ticket, ended) = state.withLock { state -> (Ticket?, ChangeSubscription?) in
            let device = state.devices[key] ?? DeviceState()
            let user = state.users[userID] ?? UserState()
            // The device's waiting request is ending: its place does not count against this one.
            let ending = device.waiter == nil ? 0 : 1
            guard device.inProgress - ending < limits.requestsPerDevice,
                user.inProgress - ending < limits.requestsPerUser
            else { return (nil, nil) }
            state.nextGeneration += 1
            let generation = state.nextGeneration
            let ended = device.waiter?.subscription
            state.devices[key, default: DeviceState()].inProgress += 1
            state.devices[key]?.generation = generation
            // The ended request stops being the device's waiter now, not when it gets round to
            // answering: this request may reach `beginWaiting` first, and must not find it there.
            // Its own `endWaiting` is then a no-op (another generation).
            if device.waiter != nil {
                state.devices[key]?.waiter = nil
                state.users[userID]?.waiting -= 1
            }
            state.users[userID, default: UserState()].inProgress += 1
            return (Ticket(device: key, generation: generation), ended)
        }
        ended?.cancel()
        return ticket
    }

    /// Gives back an admitted request's place.
    func finish(_ ticket: Ticket) {
        state.withLock { state in
            state.devices[ticket.device]?.inProgress -= 1
            if let device = state.devices[ticket.device], device.inProgress <= 0, device.waiter == nil {
                state.devices[ticket.device] = nil
            }
            state.users[ticket.device.userID]?.inProgress -= 1
            if let user = state.users[ticket.device.userID], user.inProgress <= 0, user.waiting <= 0 {
                state.users[ticket.device.userID] = nil
            }
        }
    }

    /// Whether a request may wait (``beginWaiting(_:on:)``).
    enum WaitAdmission: Sendable, Equatable {
        /// Registered as the device's waiting request.
        case waiting
        /// A newer request of the device was admitted, or the server is shutting down: answer
        /// at once, as at the end of the interval.
        case ended
        /// The user has ``Limits/waitingPerUser`` requests waiting: refuse (HTTP 503).
        case tooMany
    }

    /// Registers `subscription` as the device's waiting request, unless it must not wait.
    func beginWaiting(_ ticket: Ticket, on subscription: ChangeSubscription) -> WaitAdmission {
        state.withLock { state in
            guard !state.shutDown, let device = state.devices[ticket.device], device.generation == ticket.generation,
                device.waiter == nil
            else { return .ended }
            guard (state.users[ticket.device.userID]?.waiting ?? 0) < limits.waitingPerUser else { return .tooMany }
            state.devices[ticket.device]?.waiter = Waiter(generation: ticket.generation, subscription: subscription)
            state.users[ticket.device.userID, default: UserState()].waiting += 1
            return .waiting
        }
    }

    /// Ends a wait registered by ``beginWaiting(_:on:)`` (woken, timed out or ended).
    func endWaiting(_ ticket: Ticket) {
        state.withLock { state in
            guard state.devices[ticket.device]?.waiter?.generation == ticket.generation else { return }
            state.devices[ticket.device]?.waiter = nil
            state.users[ticket.device.userID]?.waiting -= 1
        }
    }

    /// Ends every wait (each answers as at the end of its interval) and lets no request wait
    /// from now on. Idempotent.
    public func shutDown() {
        let subscriptions = state.withLock { state -> [ChangeSubscription] in
            state.shutDown = true
            return state.devices.values.compactMap { $0.waiter?.subscription }
        }
        for subscription in subscriptions { subscription.cancel() }
    }

    /// How many requests wait for a change now (all users).
    public var waitingCount: Int {
        state.withLock { state in state.users.values.reduce(0) { $0 + $1.waiting } }
    }

    /// How many requests are in progress now, waiting ones included (all users).
    public var inProgressCount: Int {
        state.withLock { state in state.users.values.reduce(0) { $0 + $1.inProgress } }
    }
}
