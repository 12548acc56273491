import VCard

/// One client Add or Change merged into a card, field by field down ``ContactFieldTable``.
///
/// Each field is set, cleared or left alone (``Edit``); a field whose value is what the card
/// already says leaves its property untouched, so unchanged properties keep their bytes.
struct ContactMerge {
    /// What a Change does to one field.
    enum Edit: Equatable {
        case set(String)
        case clear
        case keep
    }

    let card: VCard
    let bindings: ContactBindings
    let fields: ClientValues
    let isNew: Bool
    let ghosting: Ghosting
    let limits: ContactLimits
    var editor: CardEditor
    /// Whether N changed, so that FN follows it.
    var nameChanged = false

    init(card: VCard, fields: ClientValues, isNew: Bool, ghosting: Ghosting, limits: ContactLimits) {
        self.card = card
        self.bindings = ContactBindings(card, limits: limits)
        self.fields = fields
        self.isNew = isNew
        self.ghosting = ghosting
        self.limits = limits
        self.editor = CardEditor(card.properties)
    }

    var version: VCardVersion { card.version == .v4 ? .v4 : .v3 }

    func property(_ index: Int) -> VCardProperty { card.properties[index] }

    /// The edit the client asks of `element`: its text (empty clears), or, when it left the
    /// element out, clear unless the element is ghosted (an Add has nothing to clear).
    func edit(_ element: EASElement) -> Edit {
        if let text = fields.text(element) { return text.isEmpty ? .clear : .set(text) }
        return clearsWhenAbsent(element) ? .clear : .keep
    }

    /// Whether leaving `element` out of this Change clears it (MS-ASCMD 2.2.3.179).
    func clearsWhenAbsent(_ element: EASElement) -> Bool {
        ghosting.clearsWhenAbsent(element.name, element.namespace)
    }

    mutating func run() throws(ConversionError) {
        mergeName()
        mergeOrganization()
        for row in ContactFieldTable.rows {
            switch row.mapping {
            case .text(let name):
                mergeValue(
                    row.element, bound: bindings.texts[name], current: \.text, update: { $0.setText($1) },
                    make: { text, _ in [VCardProperty(name: name, text: text)] }, after: [name])
            case .email(let index):
                mergeEmail(row.element, index: index)
            case .phone(let kind, let index):
                mergePhone(row.element, kind: kind, index: index)
            case .address(let kind, component: 2):
                mergeAddress(kind)  // all five fields of the address, once, at its street row
            case .webPage:
                mergeValue(
                    row.element, bound: bindings.webPage, current: \.text, update: Self.setURI,
                    make: { text, _ in [VCardProperty(name: "URL", value: text)] }, after: ["URL"])
            case .date(let kind):
                try mergeDate(row.element, kind: kind)
            case .related(let kind):
                mergeRelated(row.element, kind: kind)
            case .instantMessaging(let index):
                mergeInstantMessaging(row.element, index: index)
            case .nickname:
                mergeNickname(row.element)
            case .children:
                mergeChildren(row.element)
            case .categories:
                mergeCategories(row.element)
            case .picture:
                try mergePicture(row.element)
            case .body:
                mergeBody()
            case .fileAs, .name, .organization, .address:
                break
            }
        }
        mergeFormattedName()
    }

    /// Merges a field stored in one property: sets it through `update` when `current` differs,
    /// removes it on clear, and adds what `make` builds when the card has none.
    mutating func mergeValue(
        _ element: EASElement, bound index: Int?, current: (VCardProperty) -> String,
        update: (inout VCardProperty, String) -> Void,
        make: (String, inout CardEditor) -> [VCardProperty], after names: [String]
    ) {
        switch edit(element) {
        case .keep:
            return
        case .clear:
            if let index { editor.remove(index) }
        case .set(let text):
            if let index {
                var property = self.property(index)
                guard current(property) != text else { return }
                update(&property, text)
                editor.replace(index, with: property)
            } else {
                editor.insert(make(text, &editor), after: names)
            }
        }
    }

    private mutating func mergeEmail(_ element: EASElement, index: Int) {
        let bound = index < bindings.emails.count ? bindings.emails[index] : nil
        switch edit(element) {
        case .keep:
            return
        case .clear:
            if let bound { editor.remove(bound) }
        case .set(let text):
            let address = EmailAddress.bare(text)
            if address.isEmpty {
                if let bound { editor.remove(bound) }
            } else if let bound {
                var property = self.property(bound)
                guard EmailAddress.bare(property.text) != address else { return }
                property.setText(address)
                editor.replace(bound, with: property)
            } else {
                let types = version == .v4 ? [] : [VCardParameter(name: "TYPE", value: "INTERNET")]
                let email = VCardProperty(name: "EMAIL", parameters: types, text: address)
                editor.insert(email, after: ["EMAIL", "FN", "N"])
            }
        }
    }

    private mutating func mergePhone(_ element: EASElement, kind: PhoneKind, index: Int) {
        let types = ContactPropertyRules.phoneTypes(kind, version: version)
        mergeValue(
            element, bound: bindings.phones[ContactBindings.PhoneSlot(kind: kind, index: index)],
            current: ContactConverter.telephone,
            update: { property, text in
                if property.valueType == "uri" || property.text.lowercased().hasPrefix("tel:") {
                    Self.setURI(&property, "tel:" + text)
                } else {
                    property.setText(text)
                }
            },
            make: { text, _ in
                [VCardProperty(name: "TEL", parameters: [VCardParameter(name: "TYPE", values: types)], text: text)]
            },
            after: ["TEL", "EMAIL", "FN", "N"])
    }

    private mutating func mergeRelated(_ element: EASElement, kind: RelatedKind) {
        let label = ContactPropertyRules.label(kind)
        let version = version
        mergeValue(
            element, bound: bindings.related[kind], current: \.text, update: { $0.setText($1) },
            make: { text, editor in Self.newRelated(label, text, version: version, editor: &editor) },
            after: ["X-ABRELATEDNAMES", "RELATED"])
    }

    private mutating func mergeInstantMessaging(_ element: EASElement, index: Int) {
        let bound = index < bindings.instantMessaging.count ? bindings.instantMessaging[index] : nil
        mergeValue(
            element, bound: bound, current: InstantMessagingAddress.shown,
            update: { property, text in
                let value = InstantMessagingAddress.value(text, replacing: property)
                if property.name == "IMPP" { Self.setURI(&property, value) } else { property.setText(value) }
            },
            make: { text, _ in [VCardProperty(name: "IMPP", value: InstantMessagingAddress.newValue(text))] },
            after: ["IMPP", "EMAIL"])
    }

    /// A related person's name written the way ``ContactPropertyRules/newRelated(_:version:)`` says.
    static func newRelated(_ label: String, _ text: String, version: VCardVersion, editor: inout CardEditor)
        -> [VCardProperty]
    {
        switch ContactPropertyRules.newRelated(label, version: version) {
        case .related(let type):
            let parameters = [VCardParameter(name: "TYPE", value: type), VCardParameter(name: "VALUE", value: "text")]
            return [VCardProperty(name: "RELATED", parameters: parameters, text: text)]
        case .property(let name):
            return [VCardProperty(name: name, text: text)]
        case .appleLabel(let name, let appleLabel):
            let group = editor.newGroup()
            return [
                VCardProperty(group: group, name: name, text: text),
                VCardProperty(group: group, name: "X-ABLabel", value: appleLabel),
            ]
        }
    }

    /// Sets a URI value (URL, IMPP, a 4.0 `tel:` TEL): as written, no text escaping.
    static func setURI(_ property: inout VCardProperty, _ uri: String) {
        property.removeParameter("ENCODING")
        property.removeParameter("CHARSET")
        property.value = uri
    }
}
