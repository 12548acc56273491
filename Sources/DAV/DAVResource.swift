import Store

/// A resource a request names, once looked up in the user's store.
enum DAVResource: Sendable {
    /// `/dav/`, `/caldav`, `/carddav`: where clients start discovery.
    case entry(href: String)
    /// `/dav/principals/`.
    case principals
    /// The user's principal.
    case principal
    /// The user's calendar home or address book home.
    case home(DAVPath.HomeKind)
    /// A calendar collection (a calendar, tasks or notes folder) or an address book.
    case collection(DAVPath.HomeKind, Folder)
    /// A calendar object resource or an address object resource.
    case object(DAVPath.HomeKind, Folder, Item)

    var isCollection: Bool {
        if case .object = self { return false }
        return true
    }
}

extension DAVPath.HomeKind {
    /// The folder classes whose top-level folders are collections of this home.
    var folderClasses: Set<FolderClass> {
        switch self {
        case .calendars: CalendarCollections.classes
        case .addressbooks: [.contacts]
        }
    }

    /// Whether a folder is a collection of this home: a top-level folder of its classes.
    func contains(_ folder: Folder) -> Bool {
        folder.parentID == nil && folderClasses.contains(folder.folderClass)
    }

    /// The home a folder's collection lives in, if any.
    static func of(_ folder: Folder) -> Self? {
        allCases.first { $0.contains(folder) }
    }

    /// What the home is called in `displayname`.
    var displayName: String {
        switch self {
        case .calendars: "Calendars"
        case .addressbooks: "Address Books"
        }
    }

    /// What one collection of this home is called in messages.
    var collectionNoun: String {
        switch self {
        case .calendars: "calendar"
        case .addressbooks: "address book"
        }
    }
}

/// Which store folders are calendar collections, and what they hold.
enum CalendarCollections {
    /// The folder classes that are CalDAV calendar collections.
    static let classes: Set<FolderClass> = [.calendar, .tasks, .notes]

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
