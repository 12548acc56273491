import Directory
import WBXML

/// The provisioning policy of a domain as the Provision command sends it (MS-ASPROV
/// 2.2.2.27 EASProvisionDoc), and the policy key that names it.
///
/// The final key derives only from the document sent: a device that acknowledged a document
/// holds the key of that document, and is asked to provision again (143) only when the
/// domain's policy, and so its document, changed. A client that acknowledges never loops.
struct PolicyDocument: Sendable, Equatable {
    let policy: DevicePolicy

    init(_ policy: DevicePolicy) {
        self.policy = policy
    }

    /// MS-ASPROV 2.2.2.44 PolicyType of 12.0 and later.
    static let policyType = "MS-EAS-Provisioning-WBXML"

    /// The settings, in MS-ASPROV's schema order, as (element, value): what the domain
    /// configures, and Almanac's fixed answers for what it does not restrict.
    var settings: [(String, String)] {
        let flag: (Bool) -> String = { $0 ? "1" : "0" }
        var settings: [(String, String)] = [
            ("DevicePasswordEnabled", flag(policy.passwordRequired)),
            ("AlphanumericDevicePasswordRequired", flag(policy.passwordRequired && policy.alphanumericRequired)),
            ("PasswordRecoveryEnabled", "0"),
            ("RequireStorageCardEncryption", "0"),
            ("AttachmentsEnabled", "1"),
        ]
        if policy.passwordRequired {
            settings.append(("MinDevicePasswordLength", String(policy.minimumPasswordLength)))
        }
        // MS-ASPROV 2.2.2.35: an empty value means no inactivity lock.
        settings.append(
            ("MaxInactivityTimeDeviceLock", policy.maxInactivityLockSeconds.map(String.init) ?? ""))
        settings.append(("MaxDevicePasswordFailedAttempts", policy.maxFailedAttempts.map(String.init) ?? ""))
        settings += [
            ("AllowSimpleDevicePassword", flag(policy.allowSimplePassword)),
            ("DevicePasswordExpiration", ""),
            ("DevicePasswordHistory", "0"),
            ("AllowStorageCard", "1"),
            ("AllowCamera", "1"),
            ("RequireDeviceEncryption", "0"),
            ("AllowUnsignedApplications", "1"),
            ("AllowUnsignedInstallationPackages", "1"),
            ("MinDevicePasswordComplexCharacters", policy.alphanumericRequired ? "3" : "1"),
            ("AllowWiFi", "1"),
            ("AllowTextMessaging", "1"),
            ("AllowPOPIMAPEmail", "1"),
            ("AllowBluetooth", "2"),
            ("AllowIrDA", "1"),
            ("RequireManualSyncWhenRoaming", "0"),
            ("AllowDesktopSync", "1"),
            ("MaxCalendarAgeFilter", "0"),
            ("AllowHTMLEmail", "1"),
            ("MaxEmailAgeFilter", "0"),
            ("MaxEmailBodyTruncationSize", "-1"),
            ("MaxEmailHTMLBodyTruncationSize", "-1"),
            ("RequireSignedSMIMEMessages", "0"),
            ("RequireEncryptedSMIMEMessages", "0"),
            ("RequireSignedSMIMEAlgorithm", "0"),
            ("RequireEncryptionSMIMEAlgorithm", "0"),
            ("AllowSMIMEEncryptionAlgorithmNegotiation", "2"),
            ("AllowSMIMESoftCerts", "1"),
            ("AllowBrowser", "1"),
            ("AllowConsumerEmail", "1"),
            ("AllowRemoteDesktop", "1"),
            ("AllowInternetSharing", "1"),
        ]
        return settings
    }

    /// `EASProvisionDoc` in the Provision code page.
    var element: WBXMLElement {
        WBXMLElement(
            "Provision", "EASProvisionDoc",
            children: settings.map { name, value in
                value.isEmpty ? WBXMLElement("Provision", name) : WBXMLElement("Provision", name, text: value)
            })
    }

    /// The final policy key of this document: a 32-bit FNV-1a hash of its settings, never 0
    /// (0 means "no key" to clients).
    var finalKey: UInt32 {
        var hash: UInt32 = 2_166_136_261
        for (name, value) in settings {
            for byte in name.utf8 + [0] + value.utf8 + [0] {
                hash = (hash ^ UInt32(byte)) &* 16_777_619
            }
        }
        return hash == 0 ? 1 : hash
    }

    /// Whether a request with this policy key may run (MS-ASPROV 3.2.5.1; MS-ASCMD 2.2.2):
    /// nil when it may; 142 when the device never acknowledged a policy, 144 when the key is
    /// not the one it acknowledged, 143 when it acknowledged an older policy than the domain's.
    func check(key: UInt32?, device: Device) -> CommonStatus? {
        guard policy.isRequired else { return nil }
        guard let key, key != 0, let held = device.policyKey else { return .deviceNotProvisioned }
        guard key == held else { return .invalidPolicyKey }
        return held == finalKey ? nil : .policyRefresh
    }
}
