import Directory
import WBXML

/// Settings (MS-ASCMD 2.2.1.18): Oof get and set, DeviceInformation set, UserInformation get,
/// RightsManagementInformation get (no templates: Almanac has no rights management).
enum SettingsCommand {
    static func run(_ context: CommandContext) async throws -> CommandResult {
        guard let body = context.body, body.name == "Settings",
            body.children.allSatisfy({ SettingsRequest.parts.contains($0.name) })
        else { return .body(response(.protocolError, [])) }
        var parts: [WBXMLElement] = []
        for part in body.children {
            switch part.name {
            case "Oof": parts.append(try await OofSettings.answer(part, context))
            case "DeviceInformation": parts.append(try await setDeviceInformation(part, context))
            case "UserInformation": parts.append(userInformation(part, context))
            case "RightsManagementInformation": parts.append(rightsManagementInformation())
            default: parts.append(status("DevicePassword", .success))  // no recovery password is kept
            }
        }
        return .body(response(.success, parts))
    }

    static func response(_ status: SettingsStatus, _ parts: [WBXMLElement]) -> WBXMLElement {
        WBXMLElement(
            "Settings", "Settings",
            children: [WBXMLElement("Settings", "Status", text: String(status.rawValue))] + parts)
    }

    /// `<Part><Status>n</Status></Part>`.
    static func status(_ part: String, _ status: SettingsStatus, _ more: [WBXMLElement] = []) -> WBXMLElement {
        WBXMLElement(
            "Settings", part, children: [WBXMLElement("Settings", "Status", text: String(status.rawValue))] + more)
    }

    /// MS-ASCMD 2.2.3.53 DeviceInformation `Set`: the device's model, OS, names and numbers.
    static func setDeviceInformation(_ part: WBXMLElement, _ context: CommandContext) async throws -> WBXMLElement {
        guard let set = part.child("Set") else { return status("DeviceInformation", .protocolError) }
        func value(_ name: String) -> String? {
            set.childText(name).map { String($0.prefix(256)) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        let information = DeviceInformation(
            model: value("Model"), imei: value("IMEI"), friendlyName: value("FriendlyName"), os: value("OS"),
            osLanguage: value("OSLanguage"), phoneNumber: value("PhoneNumber"), mobileOperator: value("MobileOperator"),
            userAgent: value("UserAgent"))
        do {
            try await context.directory.setDeviceInformation(
                userID: context.user.id, deviceID: context.device.deviceID, information)
        } catch is DirectoryError {
            // A field the directory refuses (control characters): nothing is stored.
            return status("DeviceInformation", .invalidArguments)
        }
        return status("DeviceInformation", .success)
    }

    /// MS-ASCMD 2.2.3.190 UserInformation `Get`: the primary address; from 14.1 the Accounts
    /// form with the display name.
    static func userInformation(_ part: WBXMLElement, _ context: CommandContext) -> WBXMLElement {
        guard part.child("Get") != nil else { return status("UserInformation", .protocolError) }
        let user = context.user
        let get: WBXMLElement
        if context.version >= .v141 {
            get = WBXMLElement(
                "Settings", "Get",
                children: [
                    WBXMLElement(
                        "Settings", "Accounts",
                        children: [
                            WBXMLElement(
                                "Settings", "Account",
                                children: [
                                    WBXMLElement("Settings", "UserDisplayName", text: user.displayName),
                                    WBXMLElement(
                                        "Settings", "EmailAddresses",
                                        children: [WBXMLElement("Settings", "PrimarySmtpAddress", text: user.address)]),
                                ])
                        ])
                ])
        } else {
            get = WBXMLElement(
                "Settings", "Get",
                children: [
                    WBXMLElement(
                        "Settings", "EmailAddresses",
                        children: [WBXMLElement("Settings", "SMTPAddress", text: user.address)])
                ])
        }
        return status("UserInformation", .success, [get])
    }

    /// MS-ASCMD 2.2.3.148 RightsManagementInformation `Get`: an empty template list.
    static func rightsManagementInformation() -> WBXMLElement {
        status(
            "RightsManagementInformation", .success,
            [
                WBXMLElement(
                    "Settings", "Get", children: [WBXMLElement("RightsManagement", "RightsManagementTemplates")])
            ])
    }
}
