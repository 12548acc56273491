import DAVXML
import ICalendar
import ItemIndexing
import Store

extension DAVExchange {
    static let caldavNamespace = Namespaces.calDAV

    /// PUT of a calendar object resource (RFC 4791 §5.3.2) or an address object resource
    /// (RFC 6352 §6.3.2), with their preconditions and exact If-Match / If-None-Match
    /// semantics. The bytes are stored as sent: the UID and resource name are never rewritten.
    func put() async throws -> DAVResponse {
        guard case .member(let kind, _, let collection, let name) = path else {
            throw DAVError(
                405, nil, "PUT needs the path of a calendar object or a card, inside a calendar or an address book.")
        }
        // One read of the folders serves both the target and the UID check across the home.
        let collections = try await collections(kind)
        guard let folder = collections.first(where: { $0.name == collection }) else {
            throw DAVError(409, nil, "The \(kind.collectionNoun) \(collection) does not exist.")
        }
        let index: ItemIndex
        let contentType: String
        switch kind {
        case .calendars:
            index = try await calendarObjectIndex(in: folder)
            contentType = "text/calendar; charset=utf-8"
        case .addressbooks:
            index = try cardIndex()
            contentType = "text/vcard; charset=utf-8"
        }
        let current = try await store.item(folderID: folder.id, resourceName: name)
        let preconditions = Preconditions(
            ifMatch: request.header("If-Match"), ifNoneMatch: request.header("If-None-Match"))
        guard preconditions.allows(currentETag: current?.etag) else {
            throw DAVError(
                412, nil,
                "The precondition failed: the resource is \(current == nil ? "absent" : "at another version").")
        }
        if let uid = index.uid {
            let holders = try await store.items(uid: uid, folderIDs: collections.map(\.id))
            if let holder = holders.first(where: { $0.folderID != folder.id || $0.resourceName != name }),
                let holderFolder = collections.first(where: { $0.id == holder.folderID })
            {
                throw DAVError(
                    403, DAVNames.noUIDConflict(kind), "The UID \(uid) is already used by another resource.",
                    href: Href.member(kind, principal.address, holderFolder.name, holder.resourceName))
            }
        }
        let write = try await store.putItem(
            folderID: folder.id, resourceName: name, contentType: contentType, body: request.body, index: index,
            condition: current.map { .ifMatch($0.etag) } ?? .ifNoneMatchAny, quotaLimit: principal.quotaBytes)
        return DAVResponse(
            status: write.created ? 201 : 204, headers: [("ETag", "\"\(write.item.etag)\""), ("Content-Length", "0")])
    }

    /// The index of a calendar object PUT into `folder`, after its checks (RFC 4791 §5.3.2.1).
    private func calendarObjectIndex(in folder: Folder) async throws -> ItemIndex {
        let object = try validatedObject()
        let context = try await propertyContext(for: folder)
        let components = CalendarCollections.components(of: folder, context: context)
        guard object.componentNames.isSubset(of: Set(components)) else {
            throw DAVError(
                403, XMLName(Self.caldavNamespace, "supported-calendar-component"),
                "This calendar holds \(components.joined(separator: ", ")), not \(object.componentNames.sorted().joined(separator: ", "))."
            )
        }
        return CalendarIndex.index(object, floatingTimeZone: calendarTimeZone(of: folder, context: context))
    }

    /// The body as a calendar object resource: the right media type, within the size
    /// limit, parseable (`valid-calendar-data`) and one object (`valid-calendar-object-resource`).
    func validatedObject() throws -> ICalendarObject {
        if let type = request.header("Content-Type"), !type.lowercased().hasPrefix("text/calendar") {
            throw DAVError(
                403, XMLName(Self.caldavNamespace, "supported-calendar-data"),
                "Calendar objects are text/calendar, not \(type).")
        }
        guard request.body.count <= limits.maximumResourceSize else {
            throw DAVError(
                403, XMLName(Self.caldavNamespace, "max-resource-size"),
                "The object is \(request.body.count) bytes; at most \(limits.maximumResourceSize) are accepted.")
        }
        guard let text = String(validating: request.body, as: UTF8.self) else {
            throw DAVError(
                403, XMLName(Self.caldavNamespace, "valid-calendar-data"), "The calendar data is not UTF-8 text.")
        }
        let object: ICalendarObject
        do {
            object = try ICalendarObject.parse(text)
        } catch {
            throw DAVError(
                403, XMLName(Self.caldavNamespace, "valid-calendar-data"), "The calendar data is not valid: \(error)")
        }
        do {
            try object.validateAsCalendarResource()
        } catch {
            throw DAVError(
                403, XMLName(Self.caldavNamespace, "valid-calendar-object-resource"),
                "The calendar data is not one calendar object: \(error)")
        }
        return object
    }

    /// The TZID of the calendar's `calendar-timezone`, for floating times (RFC 4791 §5.2.2).
    func calendarTimeZone(of folder: Folder, context: PropertyContext) -> String? {
        guard let stored = context.property(DAVNames.calendarTimezone.description, of: folder),
            let element = try? XMLDocument.parse(Array(stored.value.utf8)),
            let object = try? ICalendarObject.parse(element.text)
        else { return nil }
        return object.root.components("VTIMEZONE").first?.property("TZID")?.value
    }
}
