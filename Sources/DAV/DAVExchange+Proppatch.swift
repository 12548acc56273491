import DAVXML
import ICalendar
import Store

extension DAVExchange {
    /// PROPPATCH (RFC 4918 §9.2): every instruction applies, in order, or none
    /// does. Protected properties are refused with 403 and the rest get 424.
    func proppatch() async throws -> DAVResponse {
        guard let body = try xmlBody(), body.name == DAVNames.propertyupdate else {
            throw DAVError.badRequest("A PROPPATCH body must be a DAV:propertyupdate element.")
        }
        guard let resource = try await resolve(path) else { throw DAVError.notFound(request.path) }
        let instructions = PropertyInstructions(body.children)
        if case .home(.addressbooks) = resource, instructions.names == [DAVNames.meCard],
            let folder = try await store.folder(role: .contacts)
        {
            // Apple's me-card names the user's own card; it is kept with the default address book.
            _ = try await store.updateFolderProperties(
                id: folder.id, displayName: nil, set: instructions.kept, remove: instructions.removed)
            var multistatus = Multistatus()
            multistatus.response(href: href(of: resource), found: [(DAVNames.meCard, .empty)])
            return .multistatus(multistatus.bytes)
        }
        guard case .collection(_, let folder) = resource else {
            // Only collections keep properties; the rest are computed.
            var multistatus = Multistatus()
            multistatus.response(href: href(of: resource), found: [], failed: instructions.names.map { ($0, 403) })
            return .multistatus(multistatus.bytes)
        }
        let refused = instructions.refusals()
        var multistatus = Multistatus()
        if !refused.isEmpty {
            let failed = instructions.names.map { name in (name, refused[name] ?? 424) }
            multistatus.response(href: href(of: resource), found: [], failed: failed)
            return .multistatus(multistatus.bytes)
        }
        _ = try await store.updateFolderProperties(
            id: folder.id, displayName: instructions.displayName, set: instructions.kept, remove: instructions.removed)
        multistatus.response(href: href(of: resource), found: instructions.names.map { ($0, .empty) })
        return .multistatus(multistatus.bytes)
    }
}

/// The set and remove instructions of a `propertyupdate` or the `set` of an
/// MKCALENDAR / extended MKCOL, reduced to what the store keeps.
struct PropertyInstructions {
    /// Every property named, in document order (for the response).
    private(set) var names: [XMLName] = []
    /// The new display name, if set (an empty string when removed).
    private(set) var displayName: String?
    /// Properties to keep, as fragments.
    private(set) var kept: [FolderProperty] = []
    /// Names of kept properties to remove.
    private(set) var removed: [String] = []
    /// Values that were set, by name, for validation.
    private(set) var values: [XMLName: XMLElement] = [:]
    private var removedNames: Set<XMLName> = []

    /// From the `set` and `remove` elements, in document order.
    init(_ instructions: [XMLElement]) {
        for instruction in instructions where instruction.name == DAVNames.set || instruction.name == DAVNames.remove {
            let isSet = instruction.name == DAVNames.set
            for property in instruction.child(DAVNames.prop)?.children ?? [] {
                add(property, isSet: isSet)
            }
        }
    }

    private mutating func add(_ property: XMLElement, isSet: Bool) {
        let name = property.name
        if !names.contains(name) { names.append(name) }
        kept.removeAll { $0.name == name.description }
        removed.removeAll { $0 == name.description }
        if name == DAVNames.displayname {
            displayName = isSet ? property.text : ""
        } else if isSet {
            kept.append(FolderProperty(name: name.description, value: property.fragment))
            values[name] = property
            removedNames.remove(name)
        } else {
            removed.append(name.description)
            removedNames.insert(name)
        }
    }

    /// The refused instructions and their status: live properties clients cannot set
    /// (`cannot-modify-protected-property`, RFC 4918 §16), and invalid values of the
    /// CalDAV properties (`calendar-timezone` must be a VCALENDAR with one VTIMEZONE,
    /// RFC 4791 §5.2.2).
    /// `creating`: at creation the component set may be given (RFC 4791 §5.3.1.2).
    func refusals(creating: Bool = false) -> [XMLName: Int] {
        var refused: [XMLName: Int] = [:]
        for name in names {
            if creating && (name == DAVNames.supportedCalendarComponentSet || name == DAVNames.resourcetype) {
                continue
            }
            if let live = LiveProperty.named(name), !live.settable { refused[name] = 403 }
        }
        if let timezone = values[DAVNames.calendarTimezone] {
            let valid =
                (try? ICalendarObject.parse(timezone.text)).map { !$0.root.components("VTIMEZONE").isEmpty } ?? false
            if !valid { refused[DAVNames.calendarTimezone] = 403 }
        }
        return refused
    }

    /// The value set for a property, if any.
    func value(_ name: XMLName) -> XMLElement? { values[name] }
}
