import DAVXML
import Store
import VCard

extension LiveProperty {
    /// CardDAV properties (RFC 6352 §6.2, §7.1) and Apple's `me-card`.
    static let addressBook: [LiveProperty] = [
        LiveProperty(DAVNames.addressbookHomeSet) { resource, context in
            guard case .principal = resource else { return nil }
            return .href(Href.home(.addressbooks, context.principal.address))
        },
        LiveProperty(DAVNames.supportedAddressData) { resource, _ in
            guard case .collection(.addressbooks, _) = resource else { return nil }
            return .xml { writer in
                for version in AddressBookCollections.storedVersions {
                    writer.start(
                        DAVNames.addressDataType,
                        attributes: [
                            (XMLName("", "content-type"), "text/vcard"), (XMLName("", "version"), version.rawValue),
                        ])
                    writer.end()
                }
            }
        },
        LiveProperty(DAVNames.cardMaxResourceSize) { resource, context in
            guard case .collection(.addressbooks, _) = resource else { return nil }
            return .text(String(context.limits.maximumResourceSize))
        },
        // Apple Contacts keeps the user's own card on the address book home (CalendarServer
        // extension); it is stored with the default address book's properties.
        LiveProperty(DAVNames.meCard, settable: true) { resource, context in
            guard case .home(.addressbooks) = resource, let kept = context.meCard else { return nil }
            return .fragment(kept)
        },
    ]
}

/// Which store folders are address books, and what they hold.
enum AddressBookCollections {
    /// vCard versions a PUT may store (RFC 6352 §6.2.2 supported-address-data).
    static let storedVersions: [VCardVersion] = [.v3, .v4]
}
