/// A folder every new store starts with.
public struct StandardFolder: Sendable, Equatable {
    public let folderClass: FolderClass
    public let role: FolderRole
    /// The URL segment (the role's raw value).
    public let name: String
    public let displayName: String

    /// The standard set, created once, in this order, when a store is created
    /// (MS-ASCMD 2.2.3.170.3 names the default folder types).
    public static let all: [StandardFolder] = [
        StandardFolder(folderClass: .mail, role: .inbox, name: "inbox", displayName: "Inbox"),
        StandardFolder(folderClass: .mail, role: .drafts, name: "drafts", displayName: "Drafts"),
        StandardFolder(folderClass: .mail, role: .sent, name: "sent", displayName: "Sent Items"),
        StandardFolder(folderClass: .mail, role: .trash, name: "trash", displayName: "Deleted Items"),
        StandardFolder(folderClass: .mail, role: .junk, name: "junk", displayName: "Junk E-mail"),
        StandardFolder(folderClass: .mail, role: .outbox, name: "outbox", displayName: "Outbox"),
        StandardFolder(folderClass: .calendar, role: .calendar, name: "calendar", displayName: "Calendar"),
        StandardFolder(folderClass: .contacts, role: .contacts, name: "contacts", displayName: "Contacts"),
        StandardFolder(folderClass: .tasks, role: .tasks, name: "tasks", displayName: "Tasks"),
        StandardFolder(folderClass: .notes, role: .notes, name: "notes", displayName: "Notes"),
    ]
}
