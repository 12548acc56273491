import DAVXML
import Foundation
import ICalendar
import Store

extension DAVExchange {
    /// COPY and MOVE of calendar objects between the user's calendars
    /// (RFC 4918 §9.8, §9.9; RFC 4791 §5.3.2 preconditions apply to the target).
    func copyOrMove(isMove: Bool) async throws -> DAVResponse {
        let resource = try await resolve(path)
        guard case .calendarObject(let source, let item)? = resource else {
            if case .calendar? = resource {
                throw DAVError(403, nil, "Whole calendars cannot be copied or moved; items can.")
            }
            throw DAVError.notFound(request.path)
        }
        guard let destinationHeader = request.header("Destination"),
            let destinationPath = Self.path(of: destinationHeader)
        else { throw DAVError.badRequest("COPY and MOVE need a Destination header.") }
        guard case .member(.calendars, let owner, let collection, let name)? = try DAVPath(destinationPath) else {
            throw DAVError(403, nil, "The destination is not a calendar object path.")
        }
        guard owner == principal.address else { throw DAVError.forbidden("The destination belongs to another user.") }
        guard let target = try await calendar(named: collection) else {
            throw DAVError(409, nil, "The calendar \(collection) does not exist.")
        }
        if target.id == source.id && name == item.resourceName {
            throw DAVError(403, nil, "The source and the destination are the same.")
        }
        let overwrite = request.header("Overwrite")?.trimmingWhitespace().uppercased() != "F"
        let existing = try await store.item(folderID: target.id, resourceName: name)
        if existing != nil && !overwrite {
            throw DAVError(412, nil, "\(name) exists and Overwrite is F.")
        }
        let context = try await propertyContext(for: target)
        let components = CalendarCollections.components(of: target, context: context)
        // The resolved item carries its body already.
        let body = item.body
        let kinds = (try? ICalendarObject.parse(String(decoding: body, as: UTF8.self)))?.componentNames ?? []
        guard kinds.isSubset(of: Set(components)) else {
            throw DAVError(
                403, DAVNames.supportedCalendarComponent,
                "The calendar \(collection) holds \(components.joined(separator: ", ")), not \(kinds.sorted().joined(separator: ", "))."
            )
        }
        if let uid = item.uid, !isMove || target.id != source.id {
            // A copy in the same home would duplicate the UID; a move keeps it unique.
            let holders = try await store.items(uid: uid, folderIDs: try await calendars().map(\.id))
            let conflicting = holders.filter {
                !($0.folderID == source.id && $0.resourceName == item.resourceName && isMove)
                    && !($0.folderID == target.id && $0.resourceName == name)
            }
            if !conflicting.isEmpty {
                throw DAVError(
                    403, DAVNames.noUIDConflict, "The UID \(uid) is already used in this calendar home.",
                    href: Href.member(.calendars, principal.address, source.name, item.resourceName))
            }
        }
        if let existing {
            try await store.deleteItem(folderID: target.id, resourceName: name, condition: .ifMatch(existing.etag))
        }
        if isMove {
            _ = try await store.moveItem(
                folderID: source.id, resourceName: item.resourceName, toFolderID: target.id, toResourceName: name,
                condition: .ifMatch(item.etag))
        } else {
            _ = try await store.putItem(
                folderID: target.id, resourceName: name, contentType: item.contentType, body: body, index: item.index,
                condition: .ifNoneMatchAny, quotaLimit: principal.quotaBytes)
        }
        return DAVResponse(status: existing == nil ? 201 : 204, headers: [("Content-Length", "0")])
    }

    /// The path of a Destination header: an absolute URL or an absolute path (RFC 4918 §10.3).
    static func path(of destination: String) -> String? {
        let trimmed = String(destination.trimmingWhitespace())
        if trimmed.hasPrefix("/") { return trimmed.split(separator: "?", maxSplits: 1).first.map(String.init) }
        guard let url = URL(string: trimmed), url.scheme != nil else { return nil }
        var components = URLComponents(url: url, resolvingAgainstBaseURL: false)
        components?.query = nil
        return components?.percentEncodedPath
    }
}

extension DAVNames {
    static let noUIDConflict = XMLName(Namespaces.calDAV, "no-uid-conflict")
    static let supportedCalendarComponent = XMLName(Namespaces.calDAV, "supported-calendar-component")
}
