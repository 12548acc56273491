import DAVXML
import ItemIndexing
import Store
import VCard

extension DAVExchange {
    /// The index of a card PUT into an address book, after the checks of RFC 6352 §6.3.2.1:
    /// `supported-address-data` (a vCard media type), `max-resource-size`, and
    /// `valid-address-data` (one vCard 3.0 or 4.0 with FN and a UID).
    func cardIndex() throws -> ItemIndex {
        try CardIndex.index(validatedCard())
    }

    func validatedCard() throws -> VCard {
        if let type = request.header("Content-Type")?.lowercased(),
            !(type.hasPrefix("text/vcard") || type.hasPrefix("text/x-vcard") || type.hasPrefix("text/directory"))
        {
            throw DAVError(
                403, XMLName(Namespaces.cardDAV, "supported-address-data"), "Cards are text/vcard, not \(type).")
        }
        guard request.body.count <= limits.maximumResourceSize else {
            throw DAVError(
                403, DAVNames.cardMaxResourceSize,
                "The card is \(request.body.count) bytes; at most \(limits.maximumResourceSize) are accepted.")
        }
        do {
            return try VCard.parseForCardDAV(request.body)
        } catch {
            throw DAVError(
                403, XMLName(Namespaces.cardDAV, error.cardDAVPrecondition.rawValue),
                "The card is not accepted: \(error)")
        }
    }
}

extension DAVNames {
    /// `no-uid-conflict` of CalDAV (RFC 4791 §5.3.2.1) or CardDAV (RFC 6352 §6.3.2.1).
    static func noUIDConflict(_ kind: DAVPath.HomeKind) -> XMLName {
        XMLName(kind == .calendars ? Namespaces.calDAV : Namespaces.cardDAV, "no-uid-conflict")
    }
}
