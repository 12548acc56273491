import Conversions
import Directory
import Foundation
import Logging
import Store
import WBXML

/// Exchange ActiveSync over the user's store and the directory: takes an
/// ``ActiveSyncRequest`` and answers an ``ActiveSyncResponse``; never throws, never answers 500
/// for bad input. Before a handler runs, the request passes these gates, in order: method,
/// query (MS-ASHTTP 2.2.1.1.1), protocol version, command, DeviceId and DeviceType, content
/// type and body (MS-ASCMD 2.2.2), the device record (blocked, remote wipe) and the policy key
/// (MS-ASPROV 3.2.5.1).
public final class ActiveSyncService: Sendable {
    public let directory: Directory
    public let stores: StorePool
    public let configuration: ActiveSyncConfiguration
    /// The requests in progress and waiting, with their caps; the same one the health report and
    /// the shutdown read (`AlmanacRouter` passes it to each).
    public let admission: RequestAdmission
    let table: CommandTable
    let logger: Logger

    public init(
        directory: Directory, stores: StorePool, configuration: ActiveSyncConfiguration = ActiveSyncConfiguration(),
        admission: RequestAdmission = RequestAdmission(), logger: Logger = Logger(label: "almanac.activesync")
    ) {
        self.directory = directory
        self.stores = stores
        self.configuration = configuration
        self.admission = admission
        self.table = .standard
        self.logger = logger
    }

    /// Past a cap of ``RequestAdmission``: the request waits for nothing and changes nothing.
    struct TooBusy: Error {}

    /// The server's answer to OPTIONS and its `MS-Server-ActiveSync` header.
    static let serverVersion = "16.1"

    /// Answers `request`, waiting first when it is a Ping or a Sync with Wait that has nothing
    /// to say yet.
    public func handle(_ request: ActiveSyncRequest) async -> ActiveSyncResponse {
        switch await start(request) {
        case .answered(let response): return response
        case .waiting(let pending): return await pending.response()
        }
    }

    /// Runs `request` up to its answer, or up to the wait of a request that waits for a change:
    /// the caller then awaits ``PendingResponse/response()``, from as shallow a frame as it can.
    public func start(_ request: ActiveSyncRequest) async -> ActiveSyncStart {
        switch request.method.uppercased() {
        case "OPTIONS": return .answered(options())
        case "POST": break
        default: return .answered(ActiveSyncResponse(status: 405, headers: ["Allow": "OPTIONS, POST"]))
        }
        let query: ActiveSyncQuery
        do {
            query = try ActiveSyncQuery(request.query)
        } catch {
            return .answered(refusal(400, "\(error)"))
        }
        guard let version = query.version ?? request.header("MS-ASProtocolVersion").flatMap(ProtocolVersion.init),
            version.isSupported
        else {
            return .answered(refusal(400, "unsupported or missing protocol version"))
        }
        guard let command = query.command else {
            return .answered(refusal(501, "unknown command \(query.commandText)"))
        }
        guard let entry = table.entries[command], version >= entry.minimumVersion else {
            return .answered(answer(.status(.commandNotSupported), command: command, version: version))
        }
        guard (try? Validation.deviceID(query.deviceID)) != nil else {
            return .answered(answer(.status(.deviceIdMissingOrInvalid), command: command, version: version))
        }
        guard Self.isValidDeviceType(query.deviceType) else {
            return .answered(answer(.status(.deviceTypeMissingOrInvalid), command: command, version: version))
        }
        guard let ticket = admission.admit(userID: request.user.id, deviceID: query.deviceID) else {
            return .answered(tooBusy(command))
        }
        let started = await admitted(
            request, entry: entry, command: command, query: query, version: version, ticket: ticket)
        // A waiting request gives its place back when it has answered.
        if case .answered = started { admission.finish(ticket) }
        return started
    }

    /// An admitted request: its body, then ``run(_:command:query:version:body:_:ticket:)``.
    private func admitted(
        _ request: ActiveSyncRequest, entry: CommandTable.Entry, command: CommandName, query: ActiveSyncQuery,
        version: ProtocolVersion, ticket: RequestAdmission.Ticket
    ) async -> ActiveSyncStart {
        var body: WBXMLElement?
        if !request.body.isEmpty {
            let contentType = request.header("Content-Type")?.lowercased() ?? ""
            guard contentType.hasPrefix(ActiveSyncResponse.wbxmlContentType) else {
                return .answered(answer(.status(.invalidContent), command: command, version: version))
            }
            do {
                body = try WBXMLDecoder(limits: configuration.wbxmlLimits).decode(request.body)
            } catch {
                return .answered(answer(.status(.invalidWBXML), command: command, version: version))
            }
        }
        do {
            return try await run(
                entry, command: command, query: query, version: version, body: body, request, ticket: ticket)
        } catch {
            return .answered(failure(error, command: command, version: version))
        }
    }

    /// The answer to a command that threw: 503 past a cap (``TooBusy``), else a logged server
    /// error.
    func failure(_ error: any Error, command: CommandName, version: ProtocolVersion) -> ActiveSyncResponse {
        if error is TooBusy { return tooBusy(command) }
        logger.error(
            "ActiveSync command failed", metadata: ["command": .string(command.rawValue), "error": .string("\(error)")])
        return answer(.status(.serverError), command: command, version: version)
    }

    /// The device gates, then the handler with the user's store.
    private func run(
        _ entry: CommandTable.Entry, command: CommandName, query: ActiveSyncQuery, version: ProtocolVersion,
        body: WBXMLElement?, _ request: ActiveSyncRequest, ticket: RequestAdmission.Ticket
    ) async throws -> ActiveSyncStart {
        let user = request.user
        let device = try await directory.registerDevice(
            userID: user.id, deviceID: query.deviceID, deviceType: query.deviceType,
            // A User-Agent the directory would refuse (too long, control characters) is not
            // kept; the request still runs.
            userAgent: try? Validation.deviceField("User-Agent", request.header("User-Agent")),
            protocolVersion: version.description,
            pruneIdleAfter: configuration.pruneDevicesIdleFor)
        /// A result that needs no wait, as HTTP.
        func answered(_ result: CommandResult) -> ActiveSyncStart {
            .answered(answer(result, command: command, version: version))
        }
        if device.isBlocked { return answered(.status(.deviceIsBlockedForThisUser)) }
        switch device.wipe {
        case .none: break
        case .requested(let accountOnly, _), .acknowledged(let accountOnly, _, _):
            // An account-only wipe (MS-ASPROV 2.2.2.2, 16.1) is never turned into a full wipe of
            // an older client: that client is refused instead.
            if accountOnly && version < .v161 { return answered(.status(.accessDenied)) }
            if command != .provision { return answered(.status(.remoteWipeRequested)) }
        }
        let exempt = entry.exemptFromPolicy || (command == .settings && SettingsRequest.onlySetsDeviceInformation(body))
        if !exempt {
            let policy = try await directory.devicePolicy(domain: user.domain)
            let key = query.policyKey ?? request.header("X-MS-PolicyKey").flatMap { UInt32($0) }
            if let refusal = PolicyDocument(policy).check(key: key, device: device) {
                return answered(.status(refusal))
            }
        }
        /// Runs `work` with the request's context over a lease of the user's store.
        @Sendable func inContext<T: Sendable>(body: WBXMLElement?, _ work: (CommandContext) async throws -> T)
            async throws -> T
        {
            try await stores.withStore(userID: user.id) { store in
                try await work(
                    CommandContext(
                        query: query, version: version, user: user, device: device, store: store,
                        directory: directory, configuration: configuration, body: body, bus: stores.bus))
            }
        }
        let result = try await inContext(body: body) { try await entry.handler($0) }
        guard case .wait(let waiting) = result else { return answered(result) }
        // A wait holds no store lease (the pool may close the store meanwhile), and the body only
        // when the answer to a change reads it.
        let kept = waiting.readsBody ? body : nil
        return .waiting(
            PendingResponse(service: self, waiting: waiting, ticket: ticket, command: command, version: version) {
                changes in try await inContext(body: kept) { try await waiting.onChange($0, changes) }
            })
    }

    /// HTTP 503 with Retry-After (MS-ASHTTP 3.1.5.2.3): a cap of ``RequestAdmission`` is reached.
    func tooBusy(_ command: CommandName) -> ActiveSyncResponse {
        logger.notice("ActiveSync request refused: too many requests", metadata: ["command": .string(command.rawValue)])
        return ActiveSyncResponse(status: 503, headers: ["Retry-After": String(admission.limits.retryAfterSeconds)])
    }

    /// OPTIONS (MS-ASHTTP 2.2.2.2.1.1): the versions and the implemented commands.
    func options() -> ActiveSyncResponse {
        ActiveSyncResponse(
            status: 200,
            headers: [
                "Allow": "OPTIONS, POST", "Public": "OPTIONS, POST", "MS-Server-ActiveSync": Self.serverVersion,
                "MS-ASProtocolVersions": ProtocolVersion.supportedHeader,
                "MS-ASProtocolCommands": table.protocolCommands, "Content-Length": "0",
            ])
    }

    /// A handler's result as HTTP: WBXML bodies, and common statuses in the command's element
    /// from 14.0 on or as HTTP codes before.
    func answer(_ result: CommandResult, command: CommandName, version: ProtocolVersion) -> ActiveSyncResponse {
        switch result {
        case .empty:
            return ActiveSyncResponse(status: 200)
        case .wait(let waiting):
            return answer(waiting.timedOut, command: command, version: version)
        case .body(let element):
            do {
                return ActiveSyncResponse(
                    status: 200, headers: ["Content-Type": ActiveSyncResponse.wbxmlContentType],
                    body: try WBXMLEncoder().encode(element))
            } catch {
                logger.error("ActiveSync response not encodable", metadata: ["error": .string("\(error)")])
                return ActiveSyncResponse(status: 500)
            }
        case .status(let status):
            if version.usesStatusCodes, let element = command.statusBody(status.rawValue) {
                return answer(.body(element), command: command, version: version)
            }
            return refusal(status.legacyHTTPStatus, "status \(status.rawValue) before 14.0")
        }
    }

    /// An HTTP refusal (before the command is known, or a common status before 14.0); 400
    /// names the versions a client may use.
    private func refusal(_ status: Int, _ reason: String) -> ActiveSyncResponse {
        logger.debug(
            "ActiveSync request refused", metadata: ["status": .stringConvertible(status), "reason": .string(reason)])
        var headers: [String: String] = [:]
        if status == 400 {
            headers["MS-ASProtocolVersions"] = ProtocolVersion.supportedHeader
        }
        return ActiveSyncResponse(status: status, headers: headers)
    }

    /// MS-ASHTTP 2.2.1.1.1.2.4 DeviceType: a short printable ASCII name (`iPhone`, `Android`,
    /// `SAMSUNGSMG991B`); stricter than the directory's `Validation.deviceType`.
    static func isValidDeviceType(_ type: String) -> Bool {
        (1...64).contains(type.utf8.count) && type.utf8.allSatisfy { (0x21...0x7E).contains($0) }
    }
}
