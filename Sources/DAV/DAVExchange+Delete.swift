import DAVXML
import Store

extension DAVExchange {
    /// DELETE of an object or a whole calendar or address book (RFC 4918 §9.6). The
    /// default calendar, task list, notes and address book stay (403).
    func delete() async throws -> DAVResponse {
        guard let resource = try await resolve(path) else { throw DAVError.notFound(request.path) }
        switch resource {
        case .object(_, let folder, let item):
            let preconditions = Preconditions(
                ifMatch: request.header("If-Match"), ifNoneMatch: request.header("If-None-Match"))
            guard preconditions.allows(currentETag: item.etag) else {
                throw DAVError(412, nil, "The resource is at another version.")
            }
            try await store.deleteItem(
                folderID: folder.id, resourceName: item.resourceName, condition: .ifMatch(item.etag))
        case .collection(_, let folder):
            try await store.deleteFolder(id: folder.id)
        default:
            throw DAVError.methodNotAllowed("DELETE", request.path)
        }
        return DAVResponse(status: 204)
    }
}
