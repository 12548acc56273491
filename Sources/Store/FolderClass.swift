import GRDB

/// What a folder holds, and so which protocols see it.
public enum FolderClass: String, Sendable, Codable, CaseIterable, DatabaseValueConvertible {
    /// RFC 5322 messages.
    case mail
    /// iCalendar VEVENTs (a CalDAV calendar collection).
    case calendar
    /// vCards (a CardDAV address book).
    case contacts
    /// iCalendar VTODOs.
    case tasks
    /// iCalendar VJOURNALs.
    case notes
}

/// The special purpose of a folder: at most one folder per role, and a role
/// folder can be neither deleted nor moved.
public enum FolderRole: String, Sendable, Codable, CaseIterable, DatabaseValueConvertible {
    case inbox, drafts, sent, trash, junk, outbox
    /// The default calendar.
    case calendar
    /// The default address book.
    case contacts
    /// The default task list.
    case tasks
    /// The default notes folder.
    case notes
}
