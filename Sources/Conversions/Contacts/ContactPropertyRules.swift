import VCard

/// The vCard side of ``ContactFieldTable``: which stored properties fill which EAS slot, and how
/// a new one is written (STYLE.md 8). Reading accepts what Apple, Google, Outlook, Thunderbird,
/// Evolution and DAVx5 write; writing uses the card's own version (RFC 2426 3.0, RFC 6350 4.0).
enum ContactPropertyRules {
    // MARK: Telephones

    /// The kind of a TEL from its TYPE values (RFC 6350 §6.4.1, RFC 2426 §3.3.1), first rule that
    /// matches wins; Apple's IPHONE and MAIN, and X- spellings, included.
    static let phoneTypeRules: [(kind: PhoneKind, types: Set<String>, requires: Set<String>)] = [
        (.homeFax, ["fax"], ["home"]),
        (.businessFax, ["fax"], []),
        (.pager, ["pager"], []),
        (.car, ["car", "x-car"], []),
        (.radio, ["radio", "x-radio"], []),
        (.assistant, ["assistant", "x-assistant"], []),
        (.mms, ["mms", "x-mms"], []),
        (.companyMain, ["main", "main-number", "x-company-main"], []),
        (.mobile, ["cell", "mobile", "iphone"], []),
        (.business, ["work"], []),
        (.home, ["home"], []),
    ]

    /// The kind of a TEL from the `X-ABLabel` of its group (Apple, Google), when its types name none.
    static let phoneLabels: [String: PhoneKind] = [
        "mobile": .mobile, "cell": .mobile, "work": .business, "home": .home, "workfax": .businessFax,
        "work fax": .businessFax, "homefax": .homeFax, "home fax": .homeFax, "pager": .pager, "car": .car,
        "radio": .radio, "assistant": .assistant, "mms": .mms, "main": .companyMain, "company main": .companyMain,
        "companymain": .companyMain,
    ]

    /// Telephone properties other than TEL, read only when their TYPE names a kind (so never into
    /// a spare slot): Outlook writes its assistant's number as `X-MS-TEL;TYPE=ASSISTANT`, beside
    /// X-MS-TEL types EAS has no slot for (CALLBACK, TTYTDD). A Change edits the property in place.
    static let typedPhoneProperties: Set<String> = ["X-MS-TEL"]

    /// How many slots each kind has (Business2PhoneNumber and Home2PhoneNumber are the second ones).
    static func slotCount(_ kind: PhoneKind) -> Int {
        kind == .business || kind == .home ? 2 : 1
    }

    /// Where a TEL that names no kind, or one more of a kind than its slots, goes while these are
    /// free, so that a phone shows every number it can: Google's labelled `item1.TEL`, a second mobile.
    static let spareSlots: [(kind: PhoneKind, index: Int)] = [(.business, 1), (.home, 1)]

    /// TYPE values of a new TEL: 3.0 spells them upper-case like Apple and Outlook, 4.0 lower-case.
    static func phoneTypes(_ kind: PhoneKind, version: VCardVersion) -> [String] {
        let types: [String] =
            switch kind {
            case .mobile: ["cell"]
            case .business: ["work", "voice"]
            case .home: ["home", "voice"]
            case .businessFax: ["work", "fax"]
            case .homeFax: ["home", "fax"]
            case .car: ["car"]
            case .pager: ["pager"]
            case .radio: ["x-radio"]
            case .assistant: ["x-assistant"]
            case .companyMain: ["work", "x-company-main"]
            case .mms: ["x-mms"]
            }
        return version == .v4 ? types : types.map { $0.uppercased() }
    }

    // MARK: Addresses

    /// An ADR's TYPE for each kind; an ADR with neither `work` nor `home` is the other address,
    /// and a new other address is written without TYPE.
    static func addressType(_ kind: AddressKind) -> String? {
        switch kind {
        case .business: "work"
        case .home: "home"
        case .other: nil
        }
    }

    // MARK: Dates

    /// Where a date is read, in order. Apple writes the anniversary as a grouped `X-ABDATE`
    /// labelled `_$!<Anniversary>!$_`; Outlook and Evolution as X-MS-ANNIVERSARY and
    /// X-EVOLUTION-ANNIVERSARY; 3.0 clients as X-ANNIVERSARY (what VCard converts 4.0's to).
    static func dateSources(_ kind: DateKind) -> [PropertySource] {
        switch kind {
        case .birthday: [.property("BDAY")]
        case .anniversary:
            [
                .property("ANNIVERSARY"), .property("X-ANNIVERSARY"), .appleLabel("X-ABDATE", "anniversary"),
                .property("X-MS-ANNIVERSARY"), .property("X-EVOLUTION-ANNIVERSARY"),
            ]
        }
    }

    /// The property a new date is written as.
    static func dateProperty(_ kind: DateKind, version: VCardVersion) -> String {
        switch kind {
        case .birthday: "BDAY"
        case .anniversary: version == .v4 ? "ANNIVERSARY" : "X-ANNIVERSARY"
        }
    }

    // MARK: Related people

    /// Where a related person's name is read, in order: 4.0 RELATED with a text value (RFC 6350
    /// §6.6.6), Apple's grouped X-ABRELATEDNAMES with its label, and the X- properties of Outlook
    /// (X-MS-…), Evolution (X-EVOLUTION-…) and others.
    static func relatedSources(_ kind: RelatedKind) -> [PropertySource] {
        switch kind {
        case .spouse:
            [
                .related("spouse"), .appleLabel("X-ABRELATEDNAMES", "spouse"),
                .appleLabel("X-ABRELATEDNAMES", "partner"), .property("X-SPOUSE"), .property("X-MS-SPOUSE"),
                .property("X-EVOLUTION-SPOUSE"),
            ]
        case .assistant:
            [
                .property("X-ASSISTANT"), .appleLabel("X-ABRELATEDNAMES", "assistant"), .property("X-MS-ASSISTANT"),
                .property("X-EVOLUTION-ASSISTANT"),
            ]
        case .manager:
            [
                .property("X-MANAGER"), .appleLabel("X-ABRELATEDNAMES", "manager"), .property("X-MS-MANAGER"),
                .property("X-EVOLUTION-MANAGER"),
            ]
        }
    }

    /// Where children's names are read (Apple labels a child `Child`, `Son` or `Daughter`).
    static let childSources: [PropertySource] = [
        .related("child"), .appleLabel("X-ABRELATEDNAMES", "child"), .appleLabel("X-ABRELATEDNAMES", "son"),
        .appleLabel("X-ABRELATEDNAMES", "daughter"), .property("X-CHILD"), .property("X-MS-CHILD"),
    ]

    /// How a new related name is written. 3.0: Apple's grouped X-ABRELATEDNAMES with the label
    /// Apple Contacts, iOS and DAVx5 show; 4.0: RELATED;VALUE=text with the RFC 6350 type, or
    /// X-ASSISTANT / X-MANAGER where RFC 6350 has no type.
    static func newRelated(_ label: String, version: VCardVersion) -> RelatedWriting {
        switch (label, version) {
        case ("spouse", .v4), ("child", .v4): .related(type: label)
        case ("assistant", .v4): .property("X-ASSISTANT")
        case ("manager", .v4): .property("X-MANAGER")
        default:
            .appleLabel(
                name: "X-ABRELATEDNAMES", label: "_$!<" + label.prefix(1).uppercased() + label.dropFirst() + ">!$_")
        }
    }

    static func label(_ kind: RelatedKind) -> String {
        switch kind {
        case .spouse: "spouse"
        case .assistant: "assistant"
        case .manager: "manager"
        }
    }

    // MARK: Instant messaging

    /// 3.0 instant-messaging properties read besides IMPP (Apple before IMPP, Evolution, KDE).
    static let instantMessagingProperties: Set<String> = [
        "IMPP", "X-AIM", "X-JABBER", "X-MSN", "X-YAHOO", "X-ICQ", "X-SKYPE", "X-SKYPE-USERNAME", "X-GOOGLE-TALK",
        "X-GTALK", "X-QQ", "X-GADUGADU", "X-MS-IMADDRESS",
    ]

    /// URI schemes of IMPP values (RFC 4770, RFC 6350 §6.4.3) shown to the phone without the scheme.
    static let instantMessagingSchemes: Set<String> = [
        "im", "xmpp", "sip", "aim", "ymsgr", "msnim", "skype", "icq", "gtalk", "qq", "x-apple", "irc",
    ]

    /// The scheme a new IMPP value without one gets: RFC 3860's generic instant-messaging URI.
    static let defaultInstantMessagingScheme = "im"
}

/// Where a value is read from: a property by name, a 4.0 RELATED of a type, or a grouped Apple
/// property whose X-ABLabel (without Apple's `_$!<…>!$_`) is the label.
enum PropertySource: Sendable, Equatable {
    case property(String)
    case related(String)
    case appleLabel(String, String)
}

/// How a new related name is written.
enum RelatedWriting: Sendable, Equatable {
    case related(type: String)
    case property(String)
    case appleLabel(name: String, label: String)
}
