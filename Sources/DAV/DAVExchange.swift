import DAVXML
import Store

/// One request being answered, with the user's store leased for its length.
/// Each method lives in its own file as an extension.
struct DAVExchange {
    let service: DAVService
    let request: DAVRequest
    let path: DAVPath
    let store: Store

    var principal: DAVPrincipal { request.principal }
    var limits: DAVLimits { service.limits }

    func respond() async throws -> DAVResponse {
        switch request.method {
        case "PROPFIND": try await propfind()
        case "PROPPATCH": try await proppatch()
        case "GET": try await get(includeBody: true)
        case "HEAD": try await get(includeBody: false)
        case "PUT": try await put()
        case "DELETE": try await delete()
        case "MKCALENDAR": try await mkcalendar()
        case "MKCOL": try await mkcol()
        case "COPY": try await copyOrMove(isMove: false)
        case "MOVE": try await copyOrMove(isMove: true)
        case "REPORT": try await report()
        default: throw DAVError(405, nil, "\(request.method) is not supported here.")
        }
    }

    /// The request body as XML, bounded; nil when there is no body.
    func xmlBody() throws -> XMLElement? {
        guard !request.body.isEmpty else { return nil }
        var xmlLimits = XMLLimits.default
        xmlLimits.maximumBytes = limits.maximumXMLBodySize
        return try XMLDocument.parse(request.body, limits: xmlLimits)
    }

    // MARK: Resolution

    /// The calendar collections of the user (top-level folders of the calendar classes).
    func calendars() async throws -> [Folder] {
        try await store.folders().filter(CalendarCollections.contains)
    }

    /// The calendar collection named `name`, or nil.
    func calendar(named name: String) async throws -> Folder? {
        guard let folder = try await store.folder(parentID: nil, name: name), CalendarCollections.contains(folder)
        else { return nil }
        return folder
    }

    /// The resource the path names, or nil when nothing is there (yet).
    func resolve(_ path: DAVPath) async throws -> DAVResource? {
        switch path {
        case .entry: return .entry(href: request.path)
        case .principals: return .principals
        case .principal: return .principal
        case .home(.calendars, _): return .calendarHome
        case .collection(.calendars, _, let name):
            return try await calendar(named: name).map { .calendar($0) }
        case .member(.calendars, _, let collection, let name):
            guard let folder = try await calendar(named: collection),
                let item = try await store.item(folderID: folder.id, resourceName: name)
            else { return nil }
            return .calendarObject(folder, item)
        }
    }

    /// The href of a resource; the entry point keeps the path it was asked by.
    func href(of resource: DAVResource) -> String {
        switch resource {
        case .entry(let href): href
        case .principals: DAVPath.principals.href
        case .principal: Href.principal(principal.address)
        case .calendarHome: Href.home(.calendars, principal.address)
        case .calendar(let folder): Href.collection(.calendars, principal.address, folder.name)
        case .calendarObject(let folder, let item):
            Href.member(.calendars, principal.address, folder.name, item.resourceName)
        }
    }

    /// What properties of one calendar and its objects need: that folder's kept properties only
    /// (a PUT or a report on one calendar reads no other folder's).
    func propertyContext(for folder: Folder) async throws -> PropertyContext {
        PropertyContext(
            principal: principal, storeID: store.storeID, limits: limits,
            folderProperties: [folder.id: try await store.folderProperties(id: folder.id)], usedBytes: nil)
    }

    /// Reads what properties need, once: folder properties, and the quota usage only when asked.
    func propertyContext(needsQuota: Bool) async throws -> PropertyContext {
        PropertyContext(
            principal: principal, storeID: store.storeID, limits: limits,
            folderProperties: try await store.allFolderProperties(),
            usedBytes: needsQuota ? try await store.usedBytes() : nil)
    }
}
