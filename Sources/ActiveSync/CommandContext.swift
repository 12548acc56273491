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
enum CommandResult: Sendable {
    /// A WBXML body, HTTP 200.
    case body(WBXMLElement)
    /// HTTP 200 without a body.
    case empty
    /// A common status (MS-ASCMD 2.2.2), or its HTTP form before 14.0.
    case status(CommonStatus)
    /// Nothing to say yet: wait (without the store) until the subscription sees a change or the
    /// timeout passes, then run the handler again with ``CommandContext/mayWait`` false; a
    /// timeout answers ``empty``.
    case wait(ChangeSubscription, timeout: Duration)
}

/// A command's handler.
typealias CommandHandler = @Sendable (CommandContext) async throws -> CommandResult
