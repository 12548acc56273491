import Foundation
import Store
import VCard

/// What the store indexes of a card: UID, the formatted name, and the folded value of each
/// searched property, so an addressbook-query finds its matches without parsing cards.
public enum CardIndex {
    /// Binary properties (RFC 6350 §6.2.4, §6.6.3, §6.7.5, §6.8.1) are left out of the search text.
    public static let unsearchedProperties: Set<String> = ["PHOTO", "LOGO", "SOUND", "KEY"]

    public static func index(_ card: VCard) -> ItemIndex {
        ItemIndex(uid: card.uid, subject: card.formattedName, searchValues: searchValues(of: card))
    }

    /// Each searched property instance's text (what a text-match compares,
    /// ``AddressBookFilter/PropertyFilter``) folded by ``fold(_:)``, under its upper-cased name.
    public static func searchValues(of card: VCard) -> [ItemSearchValue] {
        card.properties.compactMap { property in
            guard searchedProperties(includes: property.name) else { return nil }
            return ItemSearchValue(name: property.name, value: fold(property.text))
        }
    }

    /// Whether a property's values are in the search text.
    public static func searchedProperties(includes name: String) -> Bool {
        !unsearchedProperties.contains(name.uppercased())
    }

    /// Unicode case folding as the i;unicode-casemap text-match folds (RFC 5051), in NFC: every
    /// collation's match is also a byte substring of the folded texts, so narrowing by bytes loses
    /// nothing, and an i;unicode-casemap match is decided on the stored value alone.
    public static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive], locale: nil).precomposedStringWithCanonicalMapping
    }
}
