import DAVXML
import Foundation
import ICalendar
import ItemIndexing
import Store
import VCard

extension DAVExchange {
    /// COPY and MOVE of objects between the user's calendars, or between their address books
    /// (RFC 4918 §9.8, §9.9; the PUT preconditions of RFC 4791 §5.3.2 and RFC 6352 §6.3.2 apply
    /// to the target).
    func copyOrMove(isMove: Bool) async throws -> DAVResponse {
        let resource = try await resolve(path)
        guard case .object(let kind, let source, let item)? = resource else {
            if case .collection(let kind, _)? = resource {
                throw DAVError(403, nil, "Whole \(kind.collectionNoun)s cannot be copied or moved; their items can.")
            }
            throw DAVError.notFound(request.path)
        }
        guard let destinationHeader = request.header("Destination"),
            let destinationPath = Self.path(of: destinationHeader)
        else { throw DAVError.badRequest("COPY and MOVE need a Destination header.") }
        guard case .member(kind, let owner, let collection, let name)? = try DAVPath(destinationPath) else {
            throw DAVError(403, nil, "The destination is not a \(kind.collectionNoun) member path.")
        }
        guard owner == principal.address else { throw DAVError.forbidden("The destination belongs to another user.") }
        let collections = try await collections(kind)
        guard let target = collections.first(where: { $0.name == collection }) else {
            throw DAVError(409, nil, "The \(kind.collectionNoun) \(collection) does not exist.")
        }
        if target.id == source.id && name == item.resourceName {
            throw DAVError(403, nil, "The source and the destination are the same.")
        }
        let overwrite = request.header("Overwrite")?.trimmingWhitespace().uppercased() != "F"
        let existing = try await store.item(folderID: target.id, resourceName: name)
        if existing != nil && !overwrite {
            throw DAVError(412, nil, "\(name) exists and Overwrite is F.")
        }
        if kind == .calendars { try await checkComponents(of: item, fitIn: target) }
        if let uid = item.uid, !isMove || target.id != source.id {
            // A copy in the same home would duplicate the UID; a move keeps it unique.
            let holders = try await store.items(uid: uid, folderIDs: collections.map(\.id))
            let conflicting = holders.filter {
                !($0.folderID == source.id && $0.resourceName == item.resourceName && isMove)
                    && !($0.folderID == target.id && $0.resourceName == name)
            }
            if !conflicting.isEmpty {
                throw DAVError(
                    403, DAVNames.noUIDConflict(kind), "The UID \(uid) is already used in this home.",
                    href: Href.member(kind, principal.address, source.name, item.resourceName))
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
            // The resolved item carries its body already; a card's search values are not read
            // back with it, so they are derived again.
            var index = item.index
            if kind == .addressbooks, let card = try? VCard.parseSingle(item.body) { index = CardIndex.index(card) }
            _ = try await store.putItem(
                folderID: target.id, resourceName: name, contentType: item.contentType, body: item.body,
                index: index, condition: .ifNoneMatchAny, quotaLimit: principal.quotaBytes)
        }
        return DAVResponse(status: existing == nil ? 201 : 204, headers: [("Content-Length", "0")])
    }

    /// RFC 4791 §5.3.2.1 `supported-calendar-component` for the target calendar.
    private func checkComponents(of item: Item, fitIn target: Folder) async throws {
        let context = try await propertyContext(for: target)
        let components = CalendarCollections.components(of: target, context: context)
        let kinds = (try? ICalendarObject.parse(String(decoding: item.body, as: UTF8.self)))?.componentNames ?? []
        guard kinds.isSubset(of: Set(components)) else {
            throw DAVError(
                403, DAVNames.supportedCalendarComponent,
                "The calendar \(target.name) holds \(components.joined(separator: ", ")), not \(kinds.sorted().joined(separator: ", "))."
            )
        }
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
    static let supportedCalendarComponent = XMLName(Namespaces.calDAV, "supported-calendar-component")
}
