import VCard

/// Which stored property each EAS contact field reads and writes, found the same way every time
/// from the card alone: so the property a field was sent from is the one a Change of that field
/// edits, without any state kept between the two (the card is the mapping). A property a field
/// cannot show (a fourth EMAIL, a third mobile number, a PHOTO by reference, a year-only BDAY, a
/// 301st child) is
/// bound to nothing, so no Change touches it.
struct ContactBindings {
    struct PhoneSlot: Hashable {
        let kind: PhoneKind
        let index: Int
    }

    var formattedName: Int?
    var name: Int?
    var organization: Int?
    var texts: [String: Int] = [:]
    var emails: [Int] = []
    var phones: [PhoneSlot: Int] = [:]
    var addresses: [AddressKind: Int] = [:]
    var webPage: Int?
    var dates: [DateKind: (index: Int, date: VCardDate)] = [:]
    var related: [RelatedKind: Int] = [:]
    var children: [Int] = []
    var categories: [Int] = []
    /// The first inline PHOTO within ``ContactLimits/maxPictureBytes``; `isSent` when it is also
    /// within ``ContactLimits/maxSentPictureBytes``, the only case in which it is sent to a client,
    /// and so the only one in which a client's empty or absent `Picture` clears it.
    var picture: (index: Int, data: [UInt8], isSent: Bool)?
    var instantMessaging: [Int] = []
    var nickname: Int?
    var note: Int?
    /// The `X-ABLabel` text of each group (lower-cased group name), Apple's marks removed.
    let labels: [String: String]

    init(_ card: VCard, limits: ContactLimits) {
        let properties = card.properties
        labels = Self.labels(of: properties)
        var firstOfName: [String: Int] = [:]
        for (index, property) in properties.enumerated() where firstOfName[property.name] == nil {
            firstOfName[property.name] = index
        }
        formattedName = firstOfName["FN"]
        name = firstOfName["N"]
        organization = firstOfName["ORG"]
        webPage = firstOfName["URL"]
        nickname = firstOfName["NICKNAME"]
        note = firstOfName["NOTE"]
        for row in ContactFieldTable.rows {
            if case .text(let property) = row.mapping, let index = firstOfName[property] { texts[property] = index }
        }
        var tels: [Int] = []
        var adrs: [Int] = []
        for (index, property) in properties.enumerated() {
            switch property.name {
            case "EMAIL" where emails.count < 3: emails.append(index)
            case "TEL": tels.append(index)
            case let other where ContactPropertyRules.typedPhoneProperties.contains(other):
                if phoneKind(of: property) != nil { tels.append(index) }
            case "ADR": adrs.append(index)
            case "CATEGORIES": categories.append(index)
            case "PHOTO" where picture == nil:
                if case .inline(let data, _)? = property.binary, !data.isEmpty, data.count <= limits.maxPictureBytes {
                    picture = (index, data, data.count <= limits.maxSentPictureBytes)
                }
            case let other where ContactPropertyRules.instantMessagingProperties.contains(other):
                if instantMessaging.count < 3 { instantMessaging.append(index) }
            default: break
            }
        }
        bindPhones(tels, in: properties)
        bindAddresses(adrs, in: properties)
        for kind in DateKind.allCases {
            for index in matches(ContactPropertyRules.dateSources(kind), in: properties) {
                if let date = Self.sendableDate(properties[index]) {
                    dates[kind] = (index, date)
                    break
                }
            }
        }
        for kind in RelatedKind.allCases {
            related[kind] = matches(ContactPropertyRules.relatedSources(kind), in: properties).first
        }
        // MS-ASCNTC 2.2.2.22: at most 300 children are sent; the others are bound to nothing.
        children = Array(
            matches(ContactPropertyRules.childSources, in: properties).sorted().prefix(limits.maxListItems))
    }

    /// The label of a property's group, lower-cased.
    func label(of property: VCardProperty) -> String? {
        property.group.flatMap { labels[$0.lowercased()] }?.lowercased()
    }

    /// TELs into slots: each by its kind in card order, then the ones without a free slot of their
    /// kind into ``ContactPropertyRules/spareSlots`` while those are free; the rest stay unbound.
    private mutating func bindPhones(_ tels: [Int], in properties: [VCardProperty]) {
        var waiting: [Int] = []
        for index in tels {
            let property = properties[index]
            guard let kind = phoneKind(of: property) else {
                waiting.append(index)
                continue
            }
            let slot = (0..<ContactPropertyRules.slotCount(kind)).map { PhoneSlot(kind: kind, index: $0) }
                .first { phones[$0] == nil }
            if let slot { phones[slot] = index } else { waiting.append(index) }
        }
        for index in waiting {
            guard
                let spare = ContactPropertyRules.spareSlots.map({ PhoneSlot(kind: $0.kind, index: $0.index) })
                    .first(where: { phones[$0] == nil })
            else { break }
            phones[spare] = index
        }
    }

    func phoneKind(of property: VCardProperty) -> PhoneKind? {
        let types = Set(property.types)
        for rule in ContactPropertyRules.phoneTypeRules
        where !types.isDisjoint(with: rule.types) && rule.requires.isSubset(of: types) {
            return rule.kind
        }
        return label(of: property).flatMap { ContactPropertyRules.phoneLabels[$0] }
    }

    /// The first `work` ADR is the business address, the first `home` one the home address, and
    /// the first of the others (no TYPE, `other`, `postal`, a second `work`, …) the other address.
    private mutating func bindAddresses(_ adrs: [Int], in properties: [VCardProperty]) {
        var rest: [Int] = []
        for index in adrs {
            let types = Set(properties[index].types)
            let kind: AddressKind? = types.contains("work") ? .business : types.contains("home") ? .home : nil
            if let kind, addresses[kind] == nil {
                addresses[kind] = index
            } else {
                rest.append(index)
            }
        }
        if let first = rest.first { addresses[.other] = first }
    }

    /// The indices of the properties any of `sources` names, in the order of the sources.
    func matches(_ sources: [PropertySource], in properties: [VCardProperty]) -> [Int] {
        var found: [Int] = []
        var seen: Set<Int> = []
        for source in sources {
            for (index, property) in properties.enumerated() where !seen.contains(index) {
                let matches =
                    switch source {
                    case .property(let name): property.name == name
                    case .related(let type):
                        property.name == "RELATED" && property.valueType == "text" && property.types.contains(type)
                    case .appleLabel(let name, let label): property.name == name && self.label(of: property) == label
                    }
                if matches {
                    found.append(index)
                    seen.insert(index)
                }
            }
        }
        return found
    }

    /// A BDAY or anniversary an EAS date-time can carry: one with a month and a day.
    static func sendableDate(_ property: VCardProperty) -> VCardDate? {
        guard property.valueType != "text" else { return nil }
        let omitted = property.parameter("X-APPLE-OMIT-YEAR")?.values.first.flatMap { Int($0) }
        guard let date = VCardDate(parsing: property.text, omittedYear: omitted), date.month != nil, date.day != nil
        else { return nil }
        return date
    }

    private static func labels(of properties: [VCardProperty]) -> [String: String] {
        var labels: [String: String] = [:]
        for property in properties where property.name == "X-ABLABEL" {
            guard let group = property.group?.lowercased(), labels[group] == nil else { continue }
            let text = property.text
            let marked = text.hasPrefix("_$!<") && text.hasSuffix(">!$_") && text.utf8.count >= 8
            labels[group] = marked ? String(text.dropFirst(4).dropLast(4)) : text
        }
        return labels
    }
}
