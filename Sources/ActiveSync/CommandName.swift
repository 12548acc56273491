/// The Exchange ActiveSync commands (MS-ASCMD 2.2.1), with the code each has in a base64
/// encoded query (MS-ASHTTP 2.2.1.1.1.1.2). Whether Almanac implements one is the
/// ``CommandTable``'s business.
public enum CommandName: String, Sendable, CaseIterable {
    case sync = "Sync"
    case sendMail = "SendMail"
    case smartForward = "SmartForward"
    case smartReply = "SmartReply"
    case getAttachment = "GetAttachment"
    case folderSync = "FolderSync"
    case folderCreate = "FolderCreate"
    case folderDelete = "FolderDelete"
    case folderUpdate = "FolderUpdate"
    case moveItems = "MoveItems"
    case getItemEstimate = "GetItemEstimate"
    case meetingResponse = "MeetingResponse"
    case search = "Search"
    case settings = "Settings"
    case ping = "Ping"
    case itemOperations = "ItemOperations"
    case provision = "Provision"
    case resolveRecipients = "ResolveRecipients"
    case validateCert = "ValidateCert"
    case find = "Find"

    /// MS-ASHTTP 2.2.1.1.1.1.2, command codes.
    public var code: UInt8 {
        switch self {
        case .sync: 0
        case .sendMail: 1
        case .smartForward: 2
        case .smartReply: 3
        case .getAttachment: 4
        case .folderSync: 9
        case .folderCreate: 10
        case .folderDelete: 11
        case .folderUpdate: 12
        case .moveItems: 13
        case .getItemEstimate: 14
        case .meetingResponse: 15
        case .search: 16
        case .settings: 17
        case .ping: 18
        case .itemOperations: 19
        case .provision: 20
        case .resolveRecipients: 21
        case .validateCert: 22
        case .find: 23
        }
    }

    public init?(code: UInt8) {
        guard let name = Self.allCases.first(where: { $0.code == code }) else { return nil }
        self = name
    }

    /// The plain query's `Cmd` value, matched without regard to case (clients vary it).
    public init?(queryValue: String) {
        guard let name = Self.allCases.first(where: { $0.rawValue.lowercased() == queryValue.lowercased() }) else {
            return nil
        }
        self = name
    }
}
