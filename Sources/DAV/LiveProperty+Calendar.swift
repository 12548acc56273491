import DAVXML
import Store

extension LiveProperty {
    /// CalDAV properties (RFC 4791 §5.2, §6.2).
    static let calendar: [LiveProperty] = [
        LiveProperty(DAVNames.calendarHomeSet) { resource, context in
            guard case .principal = resource else { return nil }
            return .href(Href.home(.calendars, context.principal.address))
        },
        LiveProperty(DAVNames.calendarUserAddressSet) { resource, context in
            guard case .principal = resource else { return nil }
            return .hrefs(["mailto:" + context.principal.address, Href.principal(context.principal.address)])
        },
        LiveProperty(DAVNames.supportedCalendarComponentSet) { resource, context in
            guard case .collection(.calendars, let folder) = resource else { return nil }
            let components = CalendarCollections.components(of: folder, context: context)
            return .xml { writer in
                for component in components { writer.emptyComponent(component) }
            }
        },
        LiveProperty(DAVNames.supportedCalendarData) { resource, _ in
            guard case .collection(.calendars, _) = resource else { return nil }
            return .xml { writer in
                writer.start(
                    DAVNames.calendarDataType,
                    attributes: [(XMLName("", "content-type"), "text/calendar"), (XMLName("", "version"), "2.0")])
                writer.end()
            }
        },
        LiveProperty(DAVNames.maxResourceSize) { resource, context in
            guard case .collection(.calendars, _) = resource else { return nil }
            return .text(String(context.limits.maximumResourceSize))
        },
        LiveProperty(DAVNames.minDateTime) { resource, context in
            guard case .collection(.calendars, _) = resource else { return nil }
            return .text(context.limits.minimumDateTime)
        },
        LiveProperty(DAVNames.maxDateTime) { resource, context in
            guard case .collection(.calendars, _) = resource else { return nil }
            return .text(context.limits.maximumDateTime)
        },
    ]
}

extension XMLWriter {
    /// `<C:comp name="VEVENT"/>`.
    mutating func emptyComponent(_ name: String) {
        start(DAVNames.comp, attributes: [(XMLName("", "name"), name)])
        end()
    }
}

extension CalendarCollections {
    /// The components a calendar accepts: the set a client gave at creation, else the class default.
    static func components(of folder: Folder, context: PropertyContext) -> [String] {
        guard let stored = context.property(DAVNames.supportedCalendarComponentSet.description, of: folder),
            let element = try? XMLDocument.parse(Array(stored.value.utf8))
        else { return defaultComponents(folder.folderClass) }
        let names = element.children(DAVNames.comp).compactMap { $0.attributes[XMLName("", "name")]?.uppercased() }
        return names.isEmpty ? defaultComponents(folder.folderClass) : names
    }
}
