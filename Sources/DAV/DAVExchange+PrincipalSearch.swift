import DAVXML

extension DAVExchange {
    /// principal-property-search (RFC 3744 §9.4): clients look up principals by
    /// name or address. Users see only themselves here: other users of the
    /// server are not listed (mailbox privacy), so a search answers the user's
    /// own principal when it matches.
    func principalPropertySearch(_ body: XMLElement, on resource: DAVResource) async throws -> DAVResponse {
        switch resource {
        case .entry, .principals, .principal: break
        default: throw DAVError(403, .dav("supported-report"), "principal-property-search runs on principals.")
        }
        let searches = body.children(.dav("property-search"))
        let allOf = body.attributes[XMLName("", "test")]?.lowercased() == "allof"
        let values = [principal.displayName, principal.address, "mailto:" + principal.address]
        let results = searches.map { search -> Bool in
            let text = search.child(.dav("match"))?.text ?? ""
            let match = TextMatch(text: text, collation: .unicodeCasemap)
            return values.contains { match.matches($0) }
        }
        let matches = searches.isEmpty || (allOf ? results.allSatisfy { $0 } : results.contains(true))
        let properties = try ReportProperties(body)
        let context = try await propertyContext(needsQuota: false)
        var multistatus = Multistatus()
        if matches {
            // An empty or missing prop (the caldav library sends the names beside an empty one)
            // gets what a client needs to use the principal.
            let names =
                properties.names.isEmpty
                ? [
                    DAVNames.displayname, DAVNames.calendarHomeSet, DAVNames.addressbookHomeSet,
                    DAVNames.calendarUserAddressSet, DAVNames.principalURL,
                ]
                : properties.names
            write(.principal, .prop(names), context: context, to: &multistatus)
        }
        return .multistatus(multistatus.bytes)
    }

    /// principal-search-property-set (RFC 3744 §9.5): what principal-property-search can match.
    func principalSearchPropertySet() -> DAVResponse {
        var writer = XMLWriter()
        writer.start(.dav("principal-search-property-set"))
        for (name, description) in [
            (DAVNames.displayname, "Display name"), (DAVNames.calendarUserAddressSet, "E-mail address"),
        ] {
            writer.start(.dav("principal-search-property"))
            writer.start(DAVNames.prop)
            writer.empty(name)
            writer.end()
            writer.element(.dav("description"), text: description)
            writer.end()
        }
        writer.end()
        return DAVResponse(status: 200, headers: [("Content-Type", DAVResponse.xmlContentType)], body: writer.bytes)
    }
}
