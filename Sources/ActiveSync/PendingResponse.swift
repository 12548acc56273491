import Conversions
import Store
import Synchronization

/// A request waiting for a change (Ping, Sync with Wait or HeartbeatInterval), as
/// ``ActiveSyncService/start(_:)`` hands it back once its handler has run: ``response()`` waits
/// and answers. It holds the request's place in ``RequestAdmission`` until it has answered, or
/// until it is dropped unanswered.
///
/// The wait is apart from the handler so that the task awaiting it can do so from a shallow
/// frame. The Swift runtime keeps a task's frame memory at its deepest until the task ends; with
/// ten thousand phones waiting, every frame above the wait counts ten thousand times. For the
/// same reason ``response()`` reads the store, when a change comes, in a task of its own.
public final class PendingResponse: Sendable {
    private let service: ActiveSyncService
    private let waiting: Waiting
    private let ticket: RequestAdmission.Ticket
    private let command: CommandName
    private let version: ProtocolVersion
    /// ``Waiting/onChange`` with the request's context over a lease of the user's store.
    private let onChange: @Sendable ([StoreChange]) async throws -> CommandResult?
    private let answered = Atomic(false)

    init(
        service: ActiveSyncService, waiting: Waiting, ticket: RequestAdmission.Ticket, command: CommandName,
        version: ProtocolVersion, onChange: @escaping @Sendable ([StoreChange]) async throws -> CommandResult?
    ) {
        self.service = service
        self.waiting = waiting
        self.ticket = ticket
        self.command = command
        self.version = version
        self.onChange = onChange
    }

    deinit {
        if !answered.load(ordering: .acquiring) {
            waiting.subscription.cancel()
            service.admission.finish(ticket)
        }
    }

    /// Waits until a change calls for an answer, the heartbeat passes, a newer request of the
    /// device or the shutdown ends the wait; then answers, and gives the request's place back.
    /// Once: a second call answers at once as at the end of the interval.
    ///
    /// The task that awaits this holds one suspended continuation and nothing deeper: the wait
    /// is a listener on the subscription (``ChangeSubscription/listen(timeout:_:)``), and a
    /// change is read in a task of its own that ends with the read.
    public func response() async -> ActiveSyncResponse {
        guard !answered.exchange(true, ordering: .acquiringAndReleasing) else {
            return service.answer(waiting.timedOut, command: command, version: version)
        }
        let admission = service.admission
        defer {
            waiting.subscription.cancel()
            admission.finish(ticket)
        }
        let outcome: Outcome
        switch admission.beginWaiting(ticket, on: waiting.subscription) {
        case .ended:
            outcome = .success(waiting.timedOut)
        case .tooMany:
            outcome = .failure(ActiveSyncService.TooBusy())
        case .waiting:
            let deadline = ContinuousClock.now.advanced(by: waiting.timeout)
            outcome = await withCheckedContinuation { listen(until: deadline, answering: $0) }
            admission.endWaiting(ticket)
        }
        switch outcome {
        case .success(let result): return service.answer(result, command: command, version: version)
        case .failure(let error): return service.failure(error, command: command, version: version)
        }
    }

    private typealias Outcome = Result<CommandResult, any Error>

    /// Listens for the next change until `deadline`; resumes `done` once: with
    /// ``Waiting/timedOut`` when the deadline passes or the wait is ended (a newer request of the
    /// device, the shutdown), with what ``onChange`` answers, or with its error. A change that
    /// calls for no answer listens again.
    private func listen(until deadline: ContinuousClock.Instant, answering done: CheckedContinuation<Outcome, Never>) {
        let remaining = ContinuousClock.now.duration(to: deadline)
        guard remaining > .zero else { return done.resume(returning: .success(waiting.timedOut)) }
        waiting.subscription.listen(timeout: remaining) { [self] change in
            guard let change else { return done.resume(returning: .success(waiting.timedOut)) }
            Task {
                do {
                    switch try await onChange([change] + waiting.subscription.pending()) {
                    case nil: listen(until: deadline, answering: done)
                    case .wait?: done.resume(returning: .success(waiting.timedOut))
                    case let answer?: done.resume(returning: .success(answer))
                    }
                } catch {
                    done.resume(returning: .failure(error))
                }
            }
        }
    }
}
