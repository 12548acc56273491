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
public struct ActiveSyncService: Sendable {
    public let directory: Directory
    public let stores: StorePool
    public let configuration: ActiveSyncConfiguration
    let table: CommandTable
    let logger: Logger

    public init(
        directory: Directory, stores: StorePool, configuration: ActiveSyncConfiguration = ActiveSyncConfiguration(),
        logger: Logger = Logger(label: "almanac.activesync")
    ) {
        self.directory = directory
        self.stores = stores
        self.configuration = configuration
        self.table = .standard
        self.logger = logger
    }

    /// The server's answer to OPTIONS and its `MS-Server-ActiveSync` header.
    static let serverVersion = "16.1"

    public func handle(_ request: ActiveSyncRequest) async -> ActiveSyncResponse {
        switch request.method.uppercased() {
        case "OPTIONS": return options()
        case "POST": break
        default: return ActiveSyncResponse(status: 405, headers: ["Allow": "OPTIONS, POST"])
        }
        let query: ActiveSyncQuery
        do {
            query = try ActiveSyncQuery(request.query)
        } catch {
            return refusal(400, "\(error)")
        }
        guard let version = query.version ?? request.header("MS-ASProtocolVersion").flatMap(ProtocolVersion.init),
            version.isSupported
        else {
            return refusal(400, "unsupported or missing protocol version")
        }
        guard let command = query.command else { return refusal(501, "unknown command \(query.commandText)") }
        guard let entry = table.entries[command], version >= entry.minimumVersion else {
            return answer(.status(.commandNotSupported), command: command, version: version)
        }
        guard (try? Validation.deviceID(query.deviceID)) != nil else {
            return answer(.status(.deviceIdMissingOrInvalid), command: command, version: version)
        }
        guard Self.isValidDeviceType(query.deviceType) else {
            return answer(.status(.deviceTypeMissingOrInvalid), command: command, version: version)
        }
        var body: WBXMLElement?
        if !request.body.isEmpty {
            let contentType = request.header("Content-Type")?.lowercased() ?? ""
            guard contentType.hasPrefix(ActiveSyncResponse.wbxmlContentType) else {
                return answer(.status(.invalidContent), command: command, version: version)
            }
            do {
                body = try WBXMLDecoder(limits: configuration.wbxmlLimits).decode(request.body)
            } catch {
                return answer(.status(.invalidWBXML), command: command, version: version)
            }
        }
        do {
            let result = try await run(entry, command: command, query: query, version: version, body: body, request)
            return answer(result, command: command, version: version)
        } catch {
            logger.error(
                "ActiveSync command failed",
                metadata: ["command": .string(command.rawValue), "error": .string("\(error)")])
            return answer(.status(.serverError), command: command, version: version)
        }
    }

    /// The device gates, then the handler with the user's store.
    private func run(
        _ entry: CommandTable.Entry, command: CommandName, query: ActiveSyncQuery, version: ProtocolVersion,
        body: WBXMLElement?, _ request: ActiveSyncRequest
    ) async throws -> CommandResult {
        let user = request.user
        let device = try await directory.registerDevice(
            userID: user.id, deviceID: query.deviceID, deviceType: query.deviceType,
            // A User-Agent the directory would refuse (too long, control characters) is not
            // kept; the request still runs.
            userAgent: try? Validation.deviceField("User-Agent", request.header("User-Agent")),
            protocolVersion: version.description,
            pruneIdleAfter: configuration.pruneDevicesIdleFor)
        if device.isBlocked { return .status(.deviceIsBlockedForThisUser) }
        switch device.wipe {
        case .none: break
        case .requested(let accountOnly, _), .acknowledged(let accountOnly, _, _):
            // An account-only wipe (MS-ASPROV 2.2.2.2, 16.1) is never turned into a full wipe of
            // an older client: that client is refused instead.
            if accountOnly && version < .v161 { return .status(.accessDenied) }
            if command != .provision { return .status(.remoteWipeRequested) }
        }
        let exempt = entry.exemptFromPolicy || (command == .settings && SettingsRequest.onlySetsDeviceInformation(body))
        if !exempt {
            let policy = try await directory.devicePolicy(domain: user.domain)
            let key = query.policyKey ?? request.header("X-MS-PolicyKey").flatMap { UInt32($0) }
            if let refusal = PolicyDocument(policy).check(key: key, device: device) { return .status(refusal) }
        }
        let bus = stores.bus
        var mayWait = true
        while true {
            let result = try await stores.withStore(userID: user.id) { store in
                var context = CommandContext(
                    query: query, version: version, user: user, device: device, store: store, directory: directory,
                    configuration: configuration, body: body, bus: bus)
                context.mayWait = mayWait
                return try await entry.handler(context)
            }
            // A wait holds no store lease: the pool may close the store meanwhile.
            guard case .wait(let subscription, let timeout) = result else { return result }
            let change = await subscription.next(timeout: timeout)
            subscription.cancel()
            guard change != nil, mayWait else { return .empty }
            mayWait = false
        }
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
        case .empty, .wait:
            return ActiveSyncResponse(status: 200)
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
