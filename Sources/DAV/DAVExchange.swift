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

    /// The collections of one home (top-level folders of its classes).
    func collections(_ kind: DAVPath.HomeKind) async throws -> [Folder] {
        try await store.folders().filter(kind.contains)
    }

    /// The collection of a home named `name`, or nil.
    func collection(_ kind: DAVPath.HomeKind, named name: String) async throws -> Folder? {
        guard let folder = try await store.folder(parentID: nil, name: name), kind.contains(folder) else { return nil }
        return folder
    }

    /// The resource the path names, or nil when nothing is there (yet).
    func resolve(_ path: DAVPath) async throws -> DAVResource? {
        switch path {
        case .entry: return .entry(href: request.path)
        case .principals: return .principals
        case .principal: return .principal
        case .home(let kind, _): return .home(kind)
        case .collection(let kind, _, let name):
            return try await collection(kind, named: name).map { .collection(kind, $0) }
        case .member(let kind, _, let collectionName, let name):
            guard let folder = try await collection(kind, named: collectionName),
                let item = try await store.item(folderID: folder.id, resourceName: name)
            else { return nil }
            return .object(kind, folder, item)
        }
    }

    /// The href of a resource; the entry point keeps the path it was asked by.
    func href(of resource: DAVResource) -> String {
        switch resource {
        case .entry(let href): href
        case .principals: DAVPath.principals.href
        case .principal: Href.principal(principal.address)
        case .home(let kind): Href.home(kind, principal.address)
        case .collection(let kind, let folder): Href.collection(kind, principal.address, folder.name)
        case .object(let kind, let folder, let item):
            Href.member(kind, principal.address, folder.name, item.resourceName)
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
