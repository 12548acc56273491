import WBXML

/// What a Settings request asks for (MS-ASCMD 2.2.1.18): its parts, each answered in turn.
enum SettingsRequest {
    /// The parts Almanac answers; any other child makes the request a protocol error.
    static let parts: Set<String> = [
        "Oof", "DeviceInformation", "UserInformation", "RightsManagementInformation", "DevicePassword",
    ]

    /// Whether a body only sets DeviceInformation: iOS sends that before it provisions, so it
    /// runs without a policy key.
    static func onlySetsDeviceInformation(_ body: WBXMLElement?) -> Bool {
        guard let body, body.name == "Settings", !body.children.isEmpty else { return false }
        return body.children.allSatisfy { $0.name == "DeviceInformation" }
    }
}
