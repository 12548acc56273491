import DAVXML
import Store

extension DAVExchange {
    /// sync-collection (RFC 6578 §3.2): the members changed or removed since a
    /// token, or every member for an empty token, and a new token.
    ///
    /// Thunderbird and eM Client send `Depth: 1` or no Depth and no
    /// sync-level; both are accepted. A token this store never issued, or one
    /// older than the kept change log, is answered with 403 `valid-sync-token`.
    /// `DAV:limit` truncates (oldest changes first) with a 507 response for the
    /// collection and a token that loses nothing (§3.6). Thunderbird's address books refetch
    /// only on 400, so they get that status for the same refusal (``ClientQuirks``).
    func syncCollection(_ body: XMLElement, on resource: DAVResource) async throws -> DAVResponse {
        do {
            return try await answerSyncCollection(body, on: resource)
        } catch let error as StoreError {
            throw ClientQuirks.invalidSyncToken(DAVError(storeError: error), on: resource, request: request)
        } catch let error as DAVError {
            throw ClientQuirks.invalidSyncToken(error, on: resource, request: request)
        }
    }

    private func answerSyncCollection(_ body: XMLElement, on resource: DAVResource) async throws -> DAVResponse {
        guard case .collection(let kind, let folder) = resource else {
            throw DAVError(
                403, .dav("supported-report"), "sync-collection runs on a calendar or an address book collection.")
        }
        if let level = body.child(DAVNames.syncLevel)?.text.trimmingWhitespace(), level != "1", level != "infinite" {
            throw DAVError.badRequest("sync-level must be 1 or infinite.")
        }
        let properties = try ReportProperties(body)
        let limit = try syncLimit(body)
        let tokenText = body.child(DAVNames.syncToken)?.text.trimmingWhitespace() ?? ""
        let context = try await propertyContext(for: folder)
        var multistatus = Multistatus()

        if tokenText.isEmpty {
            // Initial sync: every member, oldest change first so a truncated answer resumes.
            let (listing, _) = try await store.itemsWithoutBodies(folderID: folder.id)
            let members = listing.sorted { $0.modseq < $1.modseq }
            let included = Array(members.prefix(limit))
            let full =
                properties.needsBodies
                ? try await store.items(folderID: folder.id, resourceNames: included.map(\.resourceName)) : []
            let byName = Dictionary(full.map { ($0.resourceName, $0) }, uniquingKeysWith: { first, _ in first })
            for summary in included {
                writeObject(
                    folder, byName[summary.resourceName] ?? summary, properties, context: context, to: &multistatus)
            }
            // The token names the folder's own modseq, as the sync-token property does.
            var tokenModseq = max(folder.modseq, members.last?.modseq ?? 0)
            if included.count < members.count {
                multistatus.response(href: href(of: resource), status: 507)
                tokenModseq = included.last?.modseq ?? 0
            }
            multistatus.syncToken(
                SyncToken(storeID: store.storeID, folderID: folder.id, modseq: tokenModseq).description)
            return .multistatus(multistatus.bytes)
        }

        guard let token = SyncToken(String(tokenText)), token.storeID == store.storeID, token.folderID == folder.id,
            token.modseq >= folder.createdModseq
        else {
            throw DAVError(
                403, .dav("valid-sync-token"),
                "The sync token was not issued by this collection; sync again from scratch.")
        }
        let changes: [Change]
        do {
            changes = try await store.changes(folderID: folder.id, since: token.modseq).changes
        } catch StoreError.syncTokenTooOld(_, let oldest) where token.modseq >= folder.modseq {
            // The log was pruned past the token, but nothing in this collection changed since it
            // was issued (a quiet collection's token names its own older modseq): nothing to
            // report, and a token the kept log covers.
            multistatus.syncToken(SyncToken(storeID: store.storeID, folderID: folder.id, modseq: oldest).description)
            return .multistatus(multistatus.bytes)
        }
        // One answer per href: a name deleted and created again is a changed member (RFC 6578 §3.5.2).
        var latestByName: [String: Change] = [:]
        for change in changes where !change.kind.isFolderLevel {
            guard let name = change.resourceName else { continue }
            if let known = latestByName[name], known.modseq > change.modseq { continue }
            latestByName[name] = change
        }
        let memberChanges = latestByName.values.sorted { $0.modseq < $1.modseq }
        let included = Array(memberChanges.prefix(limit))
        let current = try await store.items(
            folderID: folder.id, resourceNames: included.filter { $0.kind != .deleted }.compactMap(\.resourceName))
        let byName = Dictionary(current.map { ($0.resourceName, $0) }, uniquingKeysWith: { first, _ in first })
        for change in included {
            guard let name = change.resourceName else { continue }
            if change.kind != .deleted, let item = byName[name] {
                writeObject(folder, item, properties, context: context, to: &multistatus)
            } else {
                multistatus.response(href: Href.member(kind, principal.address, folder.name, name), status: 404)
            }
        }
        var tokenModseq = max(folder.modseq, token.modseq, changes.map(\.modseq).max() ?? 0)
        if included.count < memberChanges.count {
            multistatus.response(href: href(of: resource), status: 507)
            tokenModseq = included.last?.modseq ?? token.modseq
        }
        multistatus.syncToken(SyncToken(storeID: store.storeID, folderID: folder.id, modseq: tokenModseq).description)
        return .multistatus(multistatus.bytes)
    }

    /// `DAV:limit/DAV:nresults` (RFC 6578 §6.6), capped by the server's own limit.
    private func syncLimit(_ body: XMLElement) throws(DAVError) -> Int {
        guard let nresults = body.child(DAVNames.limit)?.child(DAVNames.nresults) else {
            return limits.maximumSyncResults
        }
        guard let count = Int(nresults.text.trimmingWhitespace()), count > 0 else {
            throw DAVError.badRequest("DAV:nresults must be a positive number.")
        }
        return min(count, limits.maximumSyncResults)
    }
}
