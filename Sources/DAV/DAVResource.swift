import Store

/// A resource a request names, once looked up in the user's store.
enum DAVResource: Sendable {
    /// `/dav/`, `/caldav`, `/carddav`: where clients start discovery.
    case entry(href: String)
    /// `/dav/principals/`.
    case principals
    /// The user's principal.
    case principal
    /// The user's calendar home.
    case calendarHome
    /// A calendar collection (a calendar, tasks or notes folder).
    case calendar(Folder)
    /// A calendar object resource.
    case calendarObject(Folder, Item)

    var isCollection: Bool {
        if case .calendarObject = self { return false }
        return true
    }
}

/// Which store folders are calendar collections, and what they hold.
enum CalendarCollections {
    /// The folder classes that are CalDAV calendar collections.
    static let classes: Set<FolderClass> = [.calendar, .tasks, .notes]

    /// Calendar collections are the top-level folders of the calendar classes.
    static func contains(_ folder: Folder) -> Bool {
        folder.parentID == nil && classes.contains(folder.folderClass)
    }

    /// The component type each class holds when no supported-calendar-component-set was set.
    static func defaultComponents(_ folderClass: FolderClass) -> [String] {
        switch folderClass {
        case .tasks: ["VTODO"]
        case .notes: ["VJOURNAL"]
        default: ["VEVENT"]
        }
    }

    /// The folder class of a new calendar that supports `components` (RFC 4791 §5.2.3): one
    /// component type picks tasks or notes; anything else is a calendar.
    static func folderClass(for components: [String]) -> FolderClass {
        switch Set(components) {
        case ["VTODO"]: .tasks
        case ["VJOURNAL"]: .notes
        default: .calendar
        }
    }
}
