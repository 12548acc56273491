import DAVXML
import Store

extension DAVExchange {
    /// GET and HEAD of a calendar object (RFC 4918 §9.4): the stored bytes as
    /// the client sent them, with their strong ETag.
    func get(includeBody: Bool) async throws -> DAVResponse {
        guard let resource = try await resolve(path) else { throw DAVError.notFound(request.path) }
        guard case .calendarObject(_, let item) = resource else {
            throw DAVError(405, nil, "\(request.path) is a collection; use PROPFIND or REPORT to read it.")
        }
        let preconditions = Preconditions(ifMatch: nil, ifNoneMatch: request.header("If-None-Match"))
        let headers = [
            ("Content-Type", item.contentType), ("ETag", "\"\(item.etag)\""),
            ("Last-Modified", HTTPDate.format(item.updatedAt)),
        ]
        if !preconditions.allows(currentETag: item.etag) {
            return DAVResponse(status: 304, headers: headers)
        }
        return DAVResponse(
            status: 200, headers: headers + [("Content-Length", String(item.size))],
            body: includeBody ? item.body : [])
    }
}
