import Store

/// The EAS folder types (MS-ASCMD 2.2.3.186.3, `Type` of FolderSync, FolderCreate), and how
/// they map to the store's folder classes and roles. A table, both ways.
public enum FolderType: Int, Sendable, CaseIterable {
    case userGeneric = 1
    case inbox = 2
    case drafts = 3
    case deletedItems = 4
    case sentItems = 5
    case outbox = 6
    case tasks = 7
    case calendar = 8
    case contacts = 9
    case notes = 10
    case journal = 11
    case userMail = 12
    case userCalendar = 13
    case userContacts = 14
    case userTasks = 15
    case userJournal = 16
    case userNotes = 17
    case unknown = 18
    case recipientInformationCache = 19

    /// The default folder of each role; a mail folder without a role (and the junk folder,
    /// which EAS has no type for) is user-created mail.
    static let byRole: [FolderRole: FolderType] = [
        .inbox: .inbox, .drafts: .drafts, .trash: .deletedItems, .sent: .sentItems, .outbox: .outbox,
        .junk: .userMail, .tasks: .tasks, .calendar: .calendar, .contacts: .contacts, .notes: .notes,
    ]

    /// User-created folders by class (FolderCreate's Type, FolderSync's Type of a folder without
    /// a role).
    static let userCreated: [(FolderClass, FolderType)] = [
        (.mail, .userMail), (.calendar, .userCalendar), (.contacts, .userContacts), (.tasks, .userTasks),
        (.notes, .userNotes),
    ]

    /// The type FolderSync reports for a store folder.
    public init(_ folder: Folder) {
        if let role = folder.role, let type = Self.byRole[role] {
            self = type
        } else {
            self = Self.userCreated.first { $0.0 == folder.folderClass }?.1 ?? .userMail
        }
    }

    /// The class of the folder a FolderCreate with this type makes; nil for types a client may
    /// not create (the default folders, journal, the recipient cache).
    public var creatableClass: FolderClass? {
        Self.userCreated.first { $0.1 == self }?.0
    }
}
