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
}

/// What a handler answers.
enum CommandResult: Sendable {
    /// A WBXML body, HTTP 200.
    case body(WBXMLElement)
    /// HTTP 200 without a body.
    case empty
    /// A common status (MS-ASCMD 2.2.2), or its HTTP form before 14.0.
    case status(CommonStatus)
}

/// A command's handler.
typealias CommandHandler = @Sendable (CommandContext) async throws -> CommandResult
