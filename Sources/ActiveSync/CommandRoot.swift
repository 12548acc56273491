import WBXML

extension CommandName {
    /// The code page and name of the command's request and response element (MS-ASCMD 2.2.1),
    /// where a common status is answered. GetAttachment has no body.
    var root: (namespace: String, name: String)? {
        switch self {
        case .sync: ("AirSync", "Sync")
        case .sendMail: ("ComposeMail", "SendMail")
        case .smartForward: ("ComposeMail", "SmartForward")
        case .smartReply: ("ComposeMail", "SmartReply")
        case .getAttachment: nil
        case .folderSync, .folderCreate, .folderDelete, .folderUpdate: ("FolderHierarchy", rawValue)
        case .moveItems: ("Move", "MoveItems")
        case .getItemEstimate: ("GetItemEstimate", "GetItemEstimate")
        case .meetingResponse: ("MeetingResponse", "MeetingResponse")
        case .search: ("Search", "Search")
        case .settings: ("Settings", "Settings")
        case .ping: ("Ping", "Ping")
        case .itemOperations: ("ItemOperations", "ItemOperations")
        case .provision: ("Provision", "Provision")
        case .resolveRecipients: ("ResolveRecipients", "ResolveRecipients")
        case .validateCert: ("ValidateCert", "ValidateCert")
        case .find: ("Find", "Find")
        }
    }

    /// `<Command><Status>n</Status></Command>` in the command's namespace.
    func statusBody(_ status: Int) -> WBXMLElement? {
        guard let root else { return nil }
        return WBXMLElement(
            root.namespace, root.name, children: [WBXMLElement(root.namespace, "Status", text: String(status))])
    }
}
