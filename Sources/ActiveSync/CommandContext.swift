import Conversions
import Directory
import Store
import WBXML

/// What a command handler works with: the parsed request, the user, their device record and
/// store, and the directory. Built by ``ActiveSyncService`` after every gate passed.
struct CommandContext: Sendable {
    let query: ActiveSyncQuery
    let version: ProtocolVersion
    let user: User
    let device: Device
    let store: Store
    let directory: Directory
    let configuration: ActiveSyncConfiguration
    /// The decoded body; nil when the request had none.
    let body: WBXMLElement?
    /// Where the user's store publishes its changes: a command that waits for them (Sync with
    /// Wait or HeartbeatInterval) subscribes here before it reads the store.
    let bus: ChangeBus
    /// False when the handler runs again after a wait: it then answers at once.
    var mayWait = true
}

/// What a handler answers.
indirect enum CommandResult: Sendable {
    /// A WBXML body, HTTP 200.
    case body(WBXMLElement)
    /// HTTP 200 without a body.
    case empty
    /// A common status (MS-ASCMD 2.2.2), or its HTTP form before 14.0.
    case status(CommonStatus)
    /// Nothing to say yet: wait without the store (``Waiting``).
    case wait(Waiting)
}

/// A request that waits for a change (Ping, Sync with Wait or HeartbeatInterval): a suspended
/// task and its subscription; no thread, no timer loop, no store lease. When the subscription
/// delivers, ``onChange`` runs with the store and the changes seen; it answers, or returns nil
/// to wait on until the timeout. When the timeout passes, or the wait is ended (a newer
/// request of the device, the server shutting down), the answer is ``timedOut``.
struct Waiting: Sendable {
    let subscription: ChangeSubscription
    let timeout: Duration
    let timedOut: CommandResult
    let onChange: @Sendable (CommandContext, [StoreChange]) async throws -> CommandResult?
    /// Whether ``onChange`` reads the request's body (Sync runs the request again); else the
    /// body is not kept while the request waits.
    var readsBody = false
}

/// A command's handler.
typealias CommandHandler = @Sendable (CommandContext) async throws -> CommandResult
