import Foundation
import Store
import VCard

/// What the store indexes of a card: UID, the formatted name, and the folded text of its
/// properties, so an addressbook-query narrows its candidates before parsing any card.
enum CardIndex {
    /// Binary properties (RFC 6350 §6.2.4, §6.6.3, §6.7.5, §6.8.1) are left out of the search text.
    static let unsearchedProperties: Set<String> = ["PHOTO", "LOGO", "SOUND", "KEY"]

    static func index(_ card: VCard) -> ItemIndex {
        ItemIndex(uid: card.uid, subject: card.formattedName, searchText: searchText(of: card))
    }

    /// The folded text of every searched property, one per line: any text a text-match finds in
    /// a property (``AddressBookFilter/PropertyFilter``), folded by ``fold(_:)``, is in it.
    static func searchText(of card: VCard) -> String {
        var lines: [String] = []
        for property in card.properties where searchedProperties(includes: property.name) {
            lines.append(fold(property.text))
        }
        return lines.joined(separator: "\n")
    }

    /// Whether a property's values are in the search text.
    static func searchedProperties(includes name: String) -> Bool {
        !unsearchedProperties.contains(name.uppercased())
    }

    /// Unicode case folding (RFC 5051's i;unicode-casemap folds at least this much): every
    /// collation's match is also a match of the folded texts, so narrowing loses nothing.
    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive], locale: nil)
    }
}
