import WBXML

/// Request bodies as the clients send them (MS-ASCMD, MS-ASPROV examples).
enum EAS {
    static func element(_ namespace: String, _ name: String, _ children: [WBXMLElement]) -> WBXMLElement {
        WBXMLElement(namespace, name, children: children)
    }

    static func text(_ namespace: String, _ name: String, _ value: String) -> WBXMLElement {
        WBXMLElement(namespace, name, text: value)
    }

    static func deviceInformation(model: String = "iPhone16,1", os: String = "iOS 18.1") -> WBXMLElement {
        element(
            "Settings", "DeviceInformation",
            [
                element(
                    "Settings", "Set",
                    [
                        text("Settings", "Model", model), text("Settings", "IMEI", "356938035643809"),
                        text("Settings", "FriendlyName", "Demo's iPhone"), text("Settings", "OS", os),
                        text("Settings", "OSLanguage", "English"), text("Settings", "PhoneNumber", "+4917012345"),
                        text("Settings", "UserAgent", "Apple-iPhone16C1/2201.100"),
                        text("Settings", "MobileOperator", "Telekom"),
                    ])
            ])
    }

    /// The initial Provision (with DeviceInformation, as 14.1 clients send it).
    static func provision(withDeviceInformation: Bool = true) -> WBXMLElement {
        element(
            "Provision", "Provision",
            (withDeviceInformation ? [deviceInformation()] : [])
                + [
                    element(
                        "Provision", "Policies",
                        [element("Provision", "Policy", [text("Provision", "PolicyType", "MS-EAS-Provisioning-WBXML")])]
                    )
                ])
    }

    /// The acknowledgement of a temporary key.
    static func provision(acknowledging key: UInt32, status: Int = 1) -> WBXMLElement {
        element(
            "Provision", "Provision",
            [
                element(
                    "Provision", "Policies",
                    [
                        element(
                            "Provision", "Policy",
                            [
                                text("Provision", "PolicyType", "MS-EAS-Provisioning-WBXML"),
                                text("Provision", "PolicyKey", String(key)),
                                text("Provision", "Status", String(status)),
                            ])
                    ])
            ])
    }

    static func folderSync(_ key: String) -> WBXMLElement {
        element("FolderHierarchy", "FolderSync", [text("FolderHierarchy", "SyncKey", key)])
    }

    static func folderCreate(_ key: String, parent: String = "0", name: String, type: Int) -> WBXMLElement {
        element(
            "FolderHierarchy", "FolderCreate",
            [
                text("FolderHierarchy", "SyncKey", key), text("FolderHierarchy", "ParentId", parent),
                text("FolderHierarchy", "DisplayName", name), text("FolderHierarchy", "Type", String(type)),
            ])
    }

    static func folderUpdate(_ key: String, id: String, parent: String = "0", name: String) -> WBXMLElement {
        element(
            "FolderHierarchy", "FolderUpdate",
            [
                text("FolderHierarchy", "SyncKey", key), text("FolderHierarchy", "ServerId", id),
                text("FolderHierarchy", "ParentId", parent), text("FolderHierarchy", "DisplayName", name),
            ])
    }

    static func folderDelete(_ key: String, id: String) -> WBXMLElement {
        element(
            "FolderHierarchy", "FolderDelete",
            [text("FolderHierarchy", "SyncKey", key), text("FolderHierarchy", "ServerId", id)])
    }

    static func settings(_ parts: [WBXMLElement]) -> WBXMLElement {
        element("Settings", "Settings", parts)
    }
}
