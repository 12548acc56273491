/// Where a widely used client needs an answer other than the one the specification gives, and
/// how it is recognised. Each entry names the client behaviour it serves.
enum ClientQuirks {
    /// User-Agent fragments of clients whose address book sync recovers from an unusable token
    /// only on 400: Thunderbird's CardDAV directory accepts 207 and 400 from sync-collection and
    /// refetches everything on 400; a 403 (RFC 6578 §3.2) leaves the book failing on every sync.
    static let refetchOn400ForAddressBooks = ["Thunderbird/"]

    /// The refusal of an unusable sync token as the client needs it: 403 `valid-sync-token`, or
    /// 400 with the same body for the clients above on address books. Other errors pass unchanged.
    static func invalidSyncToken(_ error: DAVError, on resource: DAVResource, request: DAVRequest) -> DAVError {
        guard error.condition == .dav("valid-sync-token"), case .collection(.addressbooks, _) = resource,
            let agent = request.header("User-Agent"),
            refetchOn400ForAddressBooks.contains(where: { agent.contains($0) })
        else { return error }
        return DAVError(400, error.condition, error.message, href: error.href)
    }
}
