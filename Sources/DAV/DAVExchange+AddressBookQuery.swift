import DAVXML
import Store
import VCard

extension DAVExchange {
    // MARK: addressbook-query (RFC 6352 §8.6)

    /// The cards of an address book passing the filter, at most `limit/nresults` of them
    /// (§8.6.1: more matches give a 507 response for the address book). The store narrows the
    /// candidates by the text every match must contain; each candidate is then checked.
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
        let candidates: [Item]
        if let needle = filter.requiredSearchText {
            candidates = try await store.items(folderID: folder.id, searchTextContaining: needle)
        } else {
            candidates = try await store.items(folderID: folder.id)
        }
        var multistatus = Multistatus()
        var matched = 0
        for item in candidates {
            if case .object(_, _, let only) = resource, only.id != item.id { continue }
            guard let card = try? VCard.parseSingle(item.body), filter.matches(card) else { continue }
            if let limit, matched == limit {
                multistatus.response(href: href(of: .collection(.addressbooks, folder)), status: 507)
                break
            }
            matched += 1
            writeObject(folder, item, properties, context: context, to: &multistatus)
        }
        return .multistatus(multistatus.bytes)
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
