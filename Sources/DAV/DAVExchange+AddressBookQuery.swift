import DAVXML
import ItemIndexing
import Store
import VCard

extension DAVExchange {
    // MARK: addressbook-query (RFC 6352 §8.6)

    /// The cards of an address book passing the filter, at most `limit/nresults` of them
    /// (§8.6.1: more matches give a 507 response for the address book), in id order.
    func addressbookQuery(_ body: XMLElement, on resource: DAVResource) async throws -> DAVResponse {
        let folder = try reportCollection(resource, .addressbooks)
        let properties = try ReportProperties(body)
        guard let filterElement = body.child(XMLName(Namespaces.cardDAV, "filter")) else {
            throw DAVError(
                403, XMLName(Namespaces.cardDAV, "supported-filter"), "An addressbook-query needs a filter.")
        }
        let filter = try AddressBookFilter(filterElement)
        let limit = try queryLimit(body)
        let context = try await propertyContext(for: folder)
        var matches = try await matchingItems(of: filter, in: folder, withBodies: properties.needsBodies)
        if case .object(_, _, let only) = resource { matches.removeAll { $0.id != only.id } }
        var multistatus = Multistatus()
        for (position, item) in matches.enumerated() {
            if let limit, position == limit {
                multistatus.response(href: href(of: .collection(.addressbooks, folder)), status: 507)
                break
            }
            writeObject(folder, item, properties, context: context, to: &multistatus)
        }
        return .multistatus(multistatus.bytes)
    }

    /// The cards of the folder that pass the filter, in id order. A single unicode-casemap
    /// text-match is decided on the stored search values alone (``CardIndex``); another filter
    /// narrows by the text every match must contain, then parses each candidate. Cards without
    /// search values (written before they existed) are always parsed and checked.
    private func matchingItems(
        of filter: AddressBookFilter, in folder: Folder, withBodies: Bool
    ) async throws -> [Item] {
        let unindexed = try await store.itemIDsWithoutSearchValues(folderID: folder.id)
        var matchedIDs: Set<Int64> = []
        var candidateIDs = unindexed
        if let (name, match) = filter.searchValueMatch {
            let needle = CardIndex.fold(match.text)
            for (itemID, value) in try await store.searchValues(folderID: folder.id, name: name, containing: needle)
            where match.matches(value) {
                matchedIDs.insert(itemID)
            }
        } else if let (name, text) = filter.requiredSearch {
            let values = try await store.searchValues(folderID: folder.id, name: name, containing: text)
            candidateIDs += Set(values.map(\.itemID))
        } else {
            let all = try await store.itemsWithoutBodies(folderID: folder.id).items
            candidateIDs = all.map(\.id)
        }
        // Parsed candidates that match are answered as read, not read again.
        var parsed: [Int64: Item] = [:]
        if !candidateIDs.isEmpty {
            for item in try await store.items(folderID: folder.id, ids: candidateIDs, withBodies: true) {
                if let card = try? VCard.parseSingle(item.body), filter.matches(card) { parsed[item.id] = item }
            }
        }
        let unread = matchedIDs.subtracting(parsed.keys)
        let read =
            unread.isEmpty
            ? [] : try await store.items(folderID: folder.id, ids: unread.sorted(), withBodies: withBodies)
        return (read + parsed.values).sorted { $0.id < $1.id }
    }

    /// `CARDDAV:limit/CARDDAV:nresults` (RFC 6352 §8.6.1).
    private func queryLimit(_ body: XMLElement) throws(DAVError) -> Int? {
        guard
            let nresults = body.child(XMLName(Namespaces.cardDAV, "limit"))?.child(
                XMLName(Namespaces.cardDAV, "nresults"))
        else { return nil }
        guard let count = Int(nresults.text.trimmingWhitespace()), count >= 0 else {
            throw DAVError.badRequest("CARDDAV:nresults must be a number.")
        }
        return count
    }
}
