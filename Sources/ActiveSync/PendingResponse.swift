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
/// same reason ``response()`` reads the store, when a change comes, in a child task.
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
    public func response() async -> ActiveSyncResponse {
        guard !answered.exchange(true, ordering: .acquiringAndReleasing) else {
            return service.answer(waiting.timedOut, command: command, version: version)
        }
        defer { service.admission.finish(ticket) }
        do {
            let result = try await service.wait(waiting, ticket: ticket, onChange: onChange)
            return service.answer(result, command: command, version: version)
        } catch {
            return service.failure(error, command: command, version: version)
        }
    }
}
