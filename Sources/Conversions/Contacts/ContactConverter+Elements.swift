import Foundation
import VCard
import WBXML

extension ContactConverter {
    /// The element of one table row for a stored card; nil when the card has no value for it.
    func element(_ row: ContactFieldTable.Row, card: VCard, bindings: ContactBindings, context: ConversionContext)
        -> WBXMLElement?
    {
        let properties = card.properties
        func bound(_ index: Int?) -> VCardProperty? { index.map { properties[$0] } }
        let text: String?
        switch row.mapping {
        case .fileAs:
            text = bound(bindings.formattedName)?.text
        case .name(let component):
            text = bound(bindings.name).map { Self.component($0.components, component, separator: " ") }
        case .organization(let unit):
            text = bound(bindings.organization).flatMap { unit < $0.fields.count ? $0.fields[unit] : nil }
        case .text(let property):
            text = bound(bindings.texts[property])?.text
        case .email(let index):
            text = index < bindings.emails.count ? EmailAddress.bare(properties[bindings.emails[index]].text) : nil
        case .phone(let kind, let index):
            text = bound(bindings.phones[ContactBindings.PhoneSlot(kind: kind, index: index)]).map(Self.telephone)
        case .address(let kind, let component):
            text = bound(bindings.addresses[kind]).map { Self.component($0.components, component, separator: ",") }
        case .webPage:
            text = bound(bindings.webPage)?.text
        case .date(let kind):
            text = bindings.dates[kind].map { Self.dateText($0.date) }
        case .related(let kind):
            text = bound(bindings.related[kind])?.text
        case .instantMessaging(let index):
            text =
                index < bindings.instantMessaging.count
                ? InstantMessagingAddress.shown(properties[bindings.instantMessaging[index]]) : nil
        case .nickname:
            text = bound(bindings.nickname)?.textList.first { !$0.isEmpty }
        case .children:
            let names = bindings.children.map { properties[$0].text }.filter { !$0.isEmpty }
            return names.isEmpty
                ? nil : row.element.element(children: names.map { EASElement.contacts("Child").element(text: $0) })
        case .categories:
            // MS-ASCNTC 2.2.2.20: at most 300 categories are sent; a Change keeps the others.
            let names = bindings.categories.flatMap { properties[$0].textList }.filter { !$0.isEmpty }
                .prefix(limits.maxListItems)
            return names.isEmpty
                ? nil : row.element.element(children: names.map { EASElement.contacts("Category").element(text: $0) })
        case .picture:
            // MS-ASCNTC 2.2.2.58: a picture over the 48 KB limit is not sent.
            text = bindings.picture.flatMap { $0.isSent ? Data($0.data).base64EncodedString() : nil }
        case .body:
            guard let note = bound(bindings.note)?.text, !note.isEmpty else { return nil }
            return AirSyncBody.element(for: note, context: context)
        }
        guard let text, !text.isEmpty else { return nil }
        return row.element.element(text: text)
    }

    /// A component of a structured value, its list items joined.
    static func component(_ components: [[String]], _ index: Int, separator: String) -> String {
        index < components.count ? components[index].filter { !$0.isEmpty }.joined(separator: separator) : ""
    }

    /// A TEL's number: the text, or a 4.0 `tel:` URI without its scheme.
    static func telephone(_ property: VCardProperty) -> String {
        let text = property.text
        guard text.utf8.count >= 4, text.prefix(4).lowercased() == "tel:" else { return text }
        return String(text.dropFirst(4))
    }

    /// A date as the midnight UTC date-time EAS carries it; a date without a year gets Apple's
    /// placeholder year 1604, which iOS shows without a year.
    static func dateText(_ date: VCardDate) -> String {
        ContactDate.text(year: date.year ?? yearlessPlaceholder, month: date.month ?? 1, day: date.day ?? 1)
    }

    /// The year a date without one is sent and read with (Apple's X-APPLE-OMIT-YEAR placeholder).
    static let yearlessPlaceholder = 1604
}
