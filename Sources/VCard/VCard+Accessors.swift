extension VCard {
    /// Every property called `name` (case-insensitive), in order.
    public func properties(named name: String) -> [VCardProperty] {
        let wanted = name.uppercased()
        return properties.filter { $0.name == wanted }
    }

    /// The first property called `name`.
    public func property(named name: String) -> VCardProperty? {
        let wanted = name.uppercased()
        return properties.first { $0.name == wanted }
    }

    /// The text of the first property called `name`, escapes resolved (``VCardProperty/text``).
    public func text(of name: String) -> String? {
        property(named: name)?.text
    }

    /// Sets the text of the first property called `name`, keeping its group and parameters,
    /// and removes the others of that name; appends one when there is none. Nil removes all.
    public mutating func setText(_ text: String?, for name: String) {
        guard let text else {
            removeProperties(named: name)
            return
        }
        let wanted = name.uppercased()
        guard let first = properties.firstIndex(where: { $0.name == wanted }) else {
            properties.append(VCardProperty(name: wanted, text: text))
            return
        }
        if properties[first].text != text || properties[first].transferEncoding != nil {
            properties[first].setText(text)
        }
        if properties[(first + 1)...].contains(where: { $0.name == wanted }) {
            properties = properties.enumerated().filter { $0.offset <= first || $0.element.name != wanted }
                .map(\.element)
        }
    }

    /// Removes every property called `name`.
    public mutating func removeProperties(named name: String) {
        let wanted = name.uppercased()
        guard properties.contains(where: { $0.name == wanted }) else { return }
        properties.removeAll { $0.name == wanted }
    }

    /// UID (RFC 6350 §6.7.6, RFC 2426 §3.6.7): a CardDAV resource needs one (RFC 6352 §5.1).
    public var uid: String? {
        get { text(of: "UID") }
        set { setText(newValue, for: "UID") }
    }

    /// FN, the formatted name (RFC 6350 §6.2.1).
    public var formattedName: String? {
        get { text(of: "FN") }
        set { setText(newValue, for: "FN") }
    }

    /// N, the name's components (RFC 6350 §6.2.2).
    public var name: VCardName? {
        get { property(named: "N").map { VCardName(components: $0.components) } }
        set {
            guard let newValue else {
                removeProperties(named: "N")
                return
            }
            if let index = properties.firstIndex(where: { $0.name == "N" }) {
                properties[index].setComponents(newValue.components)
            } else {
                properties.append(VCardProperty(name: "N", components: newValue.components))
            }
        }
    }

    /// KIND (RFC 6350 §6.1.4), or Apple's X-ADDRESSBOOKSERVER-KIND in 3.0; individual when absent.
    public var kind: VCardKind {
        let property = property(named: "KIND") ?? property(named: "X-ADDRESSBOOKSERVER-KIND")
        return property.map { VCardKind($0.text) } ?? .individual
    }

    /// Whether the card is a contact group (KIND:group, X-ADDRESSBOOKSERVER-KIND:group).
    public var isGroup: Bool { kind == .group }

    /// The group's members: MEMBER (RFC 6350 §6.6.5) and X-ADDRESSBOOKSERVER-MEMBER values,
    /// usually `urn:uuid:` URIs naming other cards' UIDs.
    public var members: [String] {
        properties.filter { $0.name == "MEMBER" || $0.name == "X-ADDRESSBOOKSERVER-MEMBER" }
            .map { String($0.decodedValue.trimmingSpaces) }.filter { !$0.isEmpty }
    }

    /// EMAIL properties (RFC 6350 §6.4.2).
    public var emails: [VCardLabeledValue] {
        labeledValues("EMAIL") { $0.text }
    }

    /// TEL properties (RFC 6350 §6.4.1); a `tel:` URI value is given without its scheme.
    public var telephones: [VCardLabeledValue] {
        labeledValues("TEL") { property in
            let text = property.text
            guard text.utf8.count >= 4, text.prefix(4).lowercased() == "tel:" else { return text }
            return String(text.dropFirst(4))
        }
    }

    /// ADR properties (RFC 6350 §6.3.1).
    public var addresses: [VCardAddress] {
        properties(named: "ADR").map { property in
            let fields = property.components.map { $0.joined(separator: ",") }
            func field(_ index: Int) -> String { index < fields.count ? fields[index] : "" }
            return VCardAddress(
                postOfficeBox: field(0), extendedAddress: field(1), street: field(2), locality: field(3),
                region: field(4), postalCode: field(5), country: field(6), types: property.types,
                preference: property.preference, deliveryLabel: property.parameter("LABEL")?.value,
                label: label(forGroup: property.group), group: property.group)
        }
    }

    /// ORG (RFC 6350 §6.6.4).
    public var organization: VCardOrganization? {
        get {
            property(named: "ORG").map { property in
                let fields = property.fields
                return VCardOrganization(name: fields.first ?? "", units: Array(fields.dropFirst()))
            }
        }
        set {
            guard let newValue else {
                removeProperties(named: "ORG")
                return
            }
            let fields = [newValue.name] + newValue.units
            if let index = properties.firstIndex(where: { $0.name == "ORG" }) {
                properties[index].setFields(fields)
            } else {
                var property = VCardProperty(name: "ORG", value: "")
                property.setFields(fields)
                properties.append(property)
            }
        }
    }

    /// PHOTO (RFC 6350 §6.2.4): inline bytes with their media type, or a URI.
    public var photo: VCardBinary? {
        property(named: "PHOTO")?.binary
    }

    /// Replaces PHOTO, written the way the card's version writes it: 4.0 as a `data:` URI or
    /// a URI, 3.0 as `ENCODING=b;TYPE=JPEG` or `VALUE=uri`. Nil removes it.
    public mutating func setPhoto(_ photo: VCardBinary?) {
        let position = properties.firstIndex { $0.name == "PHOTO" }
        removeProperties(named: "PHOTO")
        guard let photo else { return }
        let property = VCardProperty.binary(name: "PHOTO", photo, version: version)
        properties.insert(property, at: min(position ?? properties.count, properties.count))
    }

    /// BDAY (RFC 6350 §6.2.5), when it is a date (not `VALUE=text`).
    public var birthday: VCardDate? {
        date(of: "BDAY")
    }

    /// ANNIVERSARY (RFC 6350 §6.2.6), or X-ANNIVERSARY as 3.0 clients write it.
    public var anniversary: VCardDate? {
        date(of: "ANNIVERSARY") ?? date(of: "X-ANNIVERSARY")
    }

    /// CATEGORIES (RFC 6350 §6.7.1) of every CATEGORIES property, in order.
    public var categories: [String] {
        properties(named: "CATEGORIES").flatMap(\.textList).filter { !$0.isEmpty }
    }

    /// The text of the `X-ABLabel` in `group`, without Apple's `_$!<…>!$_` marks.
    public func label(forGroup group: String?) -> String? {
        guard let group = group?.lowercased(),
            let label = properties.first(where: { $0.name == "X-ABLABEL" && $0.group?.lowercased() == group })
        else { return nil }
        let text = label.text
        if text.hasPrefix("_$!<"), text.hasSuffix(">!$_"), text.utf8.count >= 8 {
            return String(text.dropFirst(4).dropLast(4))
        }
        return text
    }

    private func labeledValues(_ name: String, value: (VCardProperty) -> String) -> [VCardLabeledValue] {
        properties(named: name).map { property in
            VCardLabeledValue(
                value: value(property), types: property.types, preference: property.preference,
                label: label(forGroup: property.group), group: property.group)
        }
    }

    private func date(of name: String) -> VCardDate? {
        guard let property = property(named: name), property.valueType != "text" else { return nil }
        let omitted = property.parameter("X-APPLE-OMIT-YEAR")?.values.first.flatMap { Int($0.trimmingSpaces) }
        return VCardDate(parsing: property.text, omittedYear: omitted)
    }
}

extension VCardProperty {
    /// A PHOTO, LOGO, SOUND or KEY property carrying `binary` as `version` writes it.
    public static func binary(
        group: String? = nil, name: String, _ binary: VCardBinary, version: VCardVersion
    ) -> VCardProperty {
        switch (binary, version) {
        case (.inline(let data, let mediaType), .v4):
            return VCardProperty(group: group, name: name, value: DataURI.make(data: data, mediaType: mediaType))
        case (.inline(let data, let mediaType), _):
            var parameters = [VCardParameter(name: "ENCODING", value: version == .v21 ? "BASE64" : "b")]
            if let mediaType {
                parameters.append(VCardParameter(name: "TYPE", value: MediaTypeTable.type(forMediaType: mediaType)))
            }
            return VCardProperty(group: group, name: name, parameters: parameters, value: Base64.encode(data))
        case (.uri(let uri), .v4):
            return VCardProperty(group: group, name: name, value: uri)
        case (.uri(let uri), _):
            let valueType = version == .v21 ? "URL" : "uri"
            return VCardProperty(
                group: group, name: name, parameters: [VCardParameter(name: "VALUE", value: valueType)], value: uri)
        }
    }
}
