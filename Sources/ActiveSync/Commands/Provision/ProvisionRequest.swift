import WBXML

/// A Provision request (MS-ASPROV 3.1.5.1): the initial request for the policy, its
/// acknowledgement with the temporary key, or a remote wipe acknowledgement; any of them may
/// carry `settings:DeviceInformation` (14.1 and later).
struct ProvisionRequest: Sendable {
    enum Phase: Sendable, Equatable {
        /// The initial request (or the empty Provision a client sends after a wipe status).
        case initial(policyType: String?)
        /// Phase two: the temporary key and the client's result of applying the policy
        /// (MS-ASPROV 2.2.2.54.1: 1 applied, 2 partly, 3 not at all, 4 managed elsewhere).
        case acknowledge(policyType: String?, key: UInt32?, status: Int?)
        /// A RemoteWipe or AccountOnlyRemoteWipe acknowledgement (2.2.2.54.3: 1 done, 2 failed).
        case wipeAcknowledged(accountOnly: Bool, status: Int?)
    }

    let phase: Phase
    let deviceInformation: WBXMLElement?

    /// Nil when the body is not a Provision request.
    init?(_ body: WBXMLElement?) {
        guard let body, body.name == "Provision", body.namespace == "Provision" else { return nil }
        deviceInformation = body.child("DeviceInformation", namespace: "Settings")
        if let wipe = body.child("RemoteWipe") ?? body.child("AccountOnlyRemoteWipe") {
            phase = .wipeAcknowledged(
                accountOnly: wipe.name == "AccountOnlyRemoteWipe", status: wipe.childText("Status").flatMap(Int.init))
            return
        }
        let policy = body.child("Policies")?.child("Policy")
        let type = policy?.childText("PolicyType")
        if let keyText = policy?.childText("PolicyKey"), !keyText.isEmpty, keyText != "0" {
            phase = .acknowledge(
                policyType: type, key: UInt32(keyText), status: policy?.childText("Status").flatMap(Int.init))
        } else {
            phase = .initial(policyType: type)
        }
    }
}
