import DAVXML
import Store

extension DAVExchange {
    /// MKCALENDAR (RFC 4791 §5.3.1): a new calendar in the calendar home,
    /// with the properties of its `set`, all or nothing.
    func mkcalendar() async throws -> DAVResponse {
        let body = try xmlBody()
        if let body, body.name != DAVNames.mkcalendar {
            throw DAVError.badRequest("An MKCALENDAR body must be a CALDAV:mkcalendar element.")
        }
        return try await createCalendar(set: body?.child(DAVNames.set), responseName: DAVNames.mkcalendarResponse)
    }

    /// MKCOL (RFC 4918 §9.3), extended (RFC 5689): a collection whose resourcetype is a
    /// calendar or an address book (RFC 6352 §6.3.1). Plain collections are not kept (the
    /// store has no use for them).
    func mkcol() async throws -> DAVResponse {
        guard let body = try xmlBody() else {
            throw DAVError(
                403, nil, "Only calendars and address books can be created here; use MKCALENDAR or an extended MKCOL.")
        }
        guard body.name == DAVNames.mkcol else {
            throw DAVError(415, nil, "An MKCOL body must be a DAV:mkcol element (RFC 5689).")
        }
        let set = body.child(DAVNames.set)
        let resourcetype = set?.child(DAVNames.prop)?.child(DAVNames.resourcetype)
        if resourcetype?.child(DAVNames.addressbook) != nil {
            return try await createAddressBook(set: set)
        }
        guard resourcetype?.child(DAVNames.calendar) != nil else {
            throw DAVError(
                403, .dav("valid-resourcetype"), "Only calendar and address book collections can be created here.")
        }
        return try await createCalendar(set: set, responseName: DAVNames.mkcolResponse)
    }

    private func createCalendar(set: XMLElement?, responseName: XMLName) async throws -> DAVResponse {
        guard case .collection(.calendars, _, let name) = path else {
            throw DAVError(403, .dav("resource-must-be-null"), "Calendars are created directly in the calendar home.")
        }
        let instructions = set.map { PropertyInstructions([$0]) }
        if let refusal = try await refuseCreation(name: name, instructions: instructions, responseName: responseName) {
            return refusal
        }
        let components =
            try instructions?.value(DAVNames.supportedCalendarComponentSet).map(componentNames) ?? ["VEVENT"]
        let displayName = instructions?.displayName.flatMap { $0.isEmpty ? nil : $0 } ?? name
        _ = try await store.createFolder(
            class: CalendarCollections.folderClass(for: components), name: name, displayName: displayName,
            parentID: nil, properties: instructions?.kept ?? [])
        return DAVResponse(status: 201, headers: [("Content-Length", "0")])
    }

    private func createAddressBook(set: XMLElement?) async throws -> DAVResponse {
        guard case .collection(.addressbooks, _, let name) = path else {
            throw DAVError(
                403, .dav("resource-must-be-null"), "Address books are created directly in the address book home.")
        }
        let instructions = set.map { PropertyInstructions([$0]) }
        if let refusal = try await refuseCreation(
            name: name, instructions: instructions, responseName: DAVNames.mkcolResponse)
        {
            return refusal
        }
        let displayName = instructions?.displayName.flatMap { $0.isEmpty ? nil : $0 } ?? name
        _ = try await store.createFolder(
            class: .contacts, name: name, displayName: displayName, parentID: nil,
            properties: instructions?.kept ?? [])
        return DAVResponse(status: 201, headers: [("Content-Length", "0")])
    }

    /// The answer refusing a creation when a property cannot be set, or nil; throws when the name
    /// is taken (calendars and address books share the store's top level).
    private func refuseCreation(
        name: String, instructions: PropertyInstructions?, responseName: XMLName
    ) async throws -> DAVResponse? {
        if try await store.folder(parentID: nil, name: name) != nil {
            throw DAVError(405, .dav("resource-must-be-null"), "\(name) already exists.")
        }
        if let instructions {
            let refused = instructions.refusals(creating: true)
            if !refused.isEmpty {
                var writer = XMLWriter()
                writer.start(responseName)
                for name in instructions.names {
                    writer.start(DAVNames.propstat)
                    writer.start(DAVNames.prop)
                    writer.empty(name)
                    writer.end()
                    writer.element(DAVNames.status, text: Multistatus.statusLine(refused[name] ?? 424))
                    writer.end()
                }
                writer.end()
                return DAVResponse(
                    status: 403, headers: [("Content-Type", DAVResponse.xmlContentType)], body: writer.bytes)
            }
        }
        return nil
    }

    /// The component names of a `supported-calendar-component-set` (RFC 4791 §5.2.3).
    private func componentNames(_ set: XMLElement) throws -> [String] {
        let names = set.children(DAVNames.comp).compactMap { $0.attributes[XMLName("", "name")]?.uppercased() }
        let known: Set<String> = ["VEVENT", "VTODO", "VJOURNAL", "VFREEBUSY", "VAVAILABILITY"]
        guard !names.isEmpty, names.allSatisfy(known.contains) else {
            throw DAVError(
                403, XMLName(Namespaces.calDAV, "supported-calendar-component"),
                "Unknown or no calendar components in the set.")
        }
        return names
    }
}
