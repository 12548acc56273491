import DAVXML
import Store

extension DAVExchange {
    /// GET and HEAD of a calendar object or a card (RFC 4918 §9.4): the stored bytes as the
    /// client sent them, with their strong ETag; a card in the other vCard version when the
    /// `Accept` header asks for it.
    func get(includeBody: Bool) async throws -> DAVResponse {
        guard let resource = try await resolve(path) else { throw DAVError.notFound(request.path) }
        guard case .object(let kind, _, let item) = resource else {
            throw DAVError(405, nil, "\(request.path) is a collection; use PROPFIND or REPORT to read it.")
        }
        if kind == .addressbooks, let version = AddressDataRequest.version(accepting: request.header("Accept")) {
            // RFC 6352 §6.3.2.2 (Accept); §6.3.2.3: a GET of a card carries the card's strong ETag
            // whatever version it is returned in, as getetag does beside converted address-data.
            let body = AddressDataRequest(version: version).bytes(of: item.body)
            if body != item.body {
                return DAVResponse(
                    status: 200,
                    headers: [
                        ("Content-Type", "text/vcard; charset=utf-8; version=\(version.rawValue)"),
                        ("ETag", "\"\(item.etag)\""), ("Last-Modified", HTTPDate.format(item.updatedAt)),
                        ("Content-Length", String(body.count)), ("Vary", "Accept"),
                    ], body: includeBody ? body : [])
            }
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
