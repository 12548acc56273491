import Hummingbird
import Synchronization

/// Where a handler leaves a response it will give later (a Ping waiting for a change), for
/// ``AlmanacResponder`` to await once the router's frames are gone. One per request, in its
/// ``AlmanacRequestContext``.
public final class LaterResponse: Sendable {
    public typealias Answer = @Sendable () async -> Response

    private let answer = Mutex<Answer?>(nil)

    init() {}

    /// Leaves `answer` for the responder; the handler returns ``placeholder`` meanwhile.
    func park(_ answer: @escaping Answer) {
        self.answer.withLock { $0 = answer }
    }

    /// The parked answer, once.
    func take() -> Answer? {
        answer.withLock { answer in
            defer { answer = nil }
            return answer
        }
    }

    /// What a handler that parked returns through the middleware; never sent.
    static var placeholder: Response { Response(status: .accepted) }
}
