import Directory
import WBXML

/// Provision (MS-ASPROV 3.2.5.1): hands out the domain's policy with a temporary key, turns an
/// acknowledgement of that key into the final key (derived from the document sent, see
/// ``PolicyDocument``), and delivers and records remote wipes. DeviceInformation sent inside
/// Provision is stored (iOS does not finish provisioning otherwise).
enum ProvisionCommand {
    static func run(_ context: CommandContext) async throws -> CommandResult {
        guard let request = ProvisionRequest(context.body) else {
            return .body(response(.protocolError))
        }
        var head: [WBXMLElement] = []
        if let information = request.deviceInformation {
            head.append(try await SettingsCommand.setDeviceInformation(information, context))
        }
        switch context.device.wipe {
        case .none: break
        case .requested(let accountOnly, _), .acknowledged(let accountOnly, _, _):
            return .body(try await wipe(request, accountOnly: accountOnly, head: head, context))
        }
        if case .wipeAcknowledged = request.phase { return .body(response(.protocolError, head: head)) }

        let policy = try await context.directory.devicePolicy(domain: context.user.domain)
        let document = PolicyDocument(policy)
        switch request.phase {
        case .initial(let type), .acknowledge(let type, _, _):
            guard type == PolicyDocument.policyType else {
                return .body(response(.success, head: head, policy: policyElement(type ?? "", .unknownPolicyType)))
            }
        case .wipeAcknowledged: break
        }
        guard policy.isRequired else {
            return .body(response(.success, head: head, policy: policyElement(PolicyDocument.policyType, .noPolicy)))
        }
        switch request.phase {
        case .initial:
            let temporary = temporaryKey(avoiding: document.finalKey)
            try await context.directory.setPendingPolicyKey(
                userID: context.user.id, deviceID: context.device.deviceID, temporaryKey: temporary,
                finalKey: document.finalKey)
            return .body(
                response(
                    .success, head: head,
                    policy: policyElement(
                        PolicyDocument.policyType, .success, key: temporary,
                        data: WBXMLElement("Provision", "Data", children: [document.element]))))
        case .acknowledge(_, let key, let status):
            // MS-ASPROV 3.2.5.1.2.1: 1 applied, 2 applied in part; a device that applied
            // nothing (3) or is managed elsewhere (4) gets no key.
            guard let status, status == 1 || status == 2 else { return .status(.deviceNotFullyProvisionable) }
            guard let key,
                let final = try await context.directory.acknowledgePolicy(
                    userID: context.user.id, deviceID: context.device.deviceID, temporaryKey: key)
            else {
                return .body(
                    response(.success, head: head, policy: policyElement(PolicyDocument.policyType, .wrongPolicyKey)))
            }
            return .body(
                response(.success, head: head, policy: policyElement(PolicyDocument.policyType, .success, key: final)))
        case .wipeAcknowledged:
            return .body(response(.protocolError, head: head))
        }
    }

    /// MS-ASPROV 3.2.5.1.1 and 3.2.5.1.2.2: the wipe directive, and the record of its
    /// acknowledgement (status 1 records it; a failed wipe is asked for again with status 2).
    private static func wipe(
        _ request: ProvisionRequest, accountOnly: Bool, head: [WBXMLElement], _ context: CommandContext
    ) async throws -> WBXMLElement {
        let directive = WBXMLElement("Provision", accountOnly ? "AccountOnlyRemoteWipe" : "RemoteWipe")
        guard case .wipeAcknowledged(_, let status) = request.phase else {
            return response(.success, head: head, tail: [directive])
        }
        guard status == 1 else { return response(.protocolError, head: head, tail: [directive]) }
        if case .requested = context.device.wipe {
            try await context.directory.acknowledgeWipe(userID: context.user.id, deviceID: context.device.deviceID)
        }
        return response(.success, head: head, tail: [directive])
    }

    /// A temporary key: random, never 0 and never the final key.
    static func temporaryKey(avoiding final: UInt32) -> UInt32 {
        var key: UInt32
        repeat { key = UInt32.random(in: 1...UInt32.max) } while key == final
        return key
    }

    static func policyElement(
        _ type: String, _ status: PolicyStatus, key: UInt32? = nil, data: WBXMLElement? = nil
    ) -> WBXMLElement {
        var children = [
            WBXMLElement("Provision", "PolicyType", text: type),
            WBXMLElement("Provision", "Status", text: String(status.rawValue)),
        ]
        if let key { children.append(WBXMLElement("Provision", "PolicyKey", text: String(key))) }
        if let data { children.append(data) }
        return WBXMLElement(
            "Provision", "Policies", children: [WBXMLElement("Provision", "Policy", children: children)])
    }

    /// MS-ASPROV 2.2.2.44: DeviceInformation status, Status, Policies, then a wipe directive.
    static func response(
        _ status: ProvisionStatus, head: [WBXMLElement] = [], policy: WBXMLElement? = nil, tail: [WBXMLElement] = []
    ) -> WBXMLElement {
        WBXMLElement(
            "Provision", "Provision",
            children: head + [WBXMLElement("Provision", "Status", text: String(status.rawValue))]
                + (policy.map { [$0] } ?? []) + tail)
    }
}
