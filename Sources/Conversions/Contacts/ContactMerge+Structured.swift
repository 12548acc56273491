import VCard

/// The fields stored together in one structured property (N, ORG, ADR), and FN, which follows N.
extension ContactMerge {
    /// `Title`, `FirstName`, `MiddleName`, `LastName`, `Suffix` ⇄ N. A component whose joined text
    /// is what the client sent keeps its list as written (`Q.,R.` stays two additional names).
    mutating func mergeName() {
        let original = Self.padded(bindings.name.map { property($0).components } ?? [], to: 5)
        var components = original
        applyComponents(to: &components, count: 5, separator: " ") { index in
            ContactFieldTable.element(of: .name(index))
        }
        nameChanged = components != original
        if nameChanged {
            write(components, at: bindings.name, name: "N", parameters: [], after: ["FN"])
        } else if bindings.name == nil, isNew, version == .v3 {
            // RFC 2426 §3.1.2: a 3.0 card has an N, empty when there is no name.
            editor.insert(VCardProperty(name: "N", components: Array(repeating: [""], count: 5)), after: ["FN"])
        }
    }

    /// `CompanyName` and `Department` ⇄ the first two units of ORG; further units are kept.
    mutating func mergeOrganization() {
        let elements = [
            ContactFieldTable.element(of: .organization(0)), ContactFieldTable.element(of: .organization(1)),
        ]
        var units = bindings.organization.map { property($0).fields } ?? []
        let original = units
        for (index, element) in elements.enumerated() {
            guard let element else { continue }
            while units.count <= index { units.append("") }
            switch edit(element) {
            case .keep: break
            case .clear: units[index] = ""
            case .set(let text): units[index] = text
            }
        }
        while units.count > max(original.count, 1), units.last == "" { units.removeLast() }
        guard units != original, !(original.isEmpty && units.allSatisfy(\.isEmpty)) else { return }
        if units.allSatisfy(\.isEmpty) {
            if let index = bindings.organization { editor.remove(index) }
        } else if let index = bindings.organization {
            var property = self.property(index)
            property.setFields(units)
            editor.replace(index, with: property)
        } else {
            var organization = VCardProperty(name: "ORG", value: "")
            organization.setFields(units)
            editor.insert(organization, after: ["TITLE", "EMAIL", "FN", "N"])
        }
    }

    /// The five address fields of a kind ⇄ components 2–6 of its ADR (post office box and
    /// extended address are kept). An ADR left with no component is removed; a changed 4.0 ADR
    /// loses its LABEL parameter, which would describe the old address.
    mutating func mergeAddress(_ kind: AddressKind) {
        let index = bindings.addresses[kind]
        let original = Self.padded(index.map { property($0).components } ?? [], to: 7)
        var components = original
        applyComponents(to: &components, count: 7, separator: ",") { component in
            component >= 2 ? ContactFieldTable.element(of: .address(kind, component: component)) : nil
        }
        guard components != original else { return }
        if components.allSatisfy({ $0 == [""] }) {
            if let index { editor.remove(index) }
            return
        }
        let type = ContactPropertyRules.addressType(kind).map { version == .v4 ? $0 : $0.uppercased() }
        let parameters = type.map { [VCardParameter(name: "TYPE", value: $0)] } ?? []
        write(components, at: index, name: "ADR", parameters: parameters, after: ["ADR", "TEL", "EMAIL"])
    }

    /// FN, after every other field: the client's `FileAs` when it says something new; else a name
    /// made from N when N changed or the card has no FN. A `FileAs` that is only "Last, First" is
    /// how the phone sorts, not the name to show, and is not written to FN.
    mutating func mergeFormattedName() {
        let current = bindings.formattedName.map { property($0).text }
        let name = VCardName(components: currentComponents(of: "N"))
        var formatted: String?
        if case .set(let fileAs) = edit(ContactFieldTable.fileAs), fileAs != current,
            !Self.isSortForm(fileAs, of: name)
        {
            formatted = fileAs
        } else if nameChanged || current == nil {
            formatted = Self.displayName(name)
        }
        guard var formatted, formatted != current else { return }
        if formatted.isEmpty { formatted = fallbackName() }
        if let index = bindings.formattedName {
            var property = self.property(index)
            property.setText(formatted)
            editor.replace(index, with: property)
        } else {
            editor.insert(VCardProperty(name: "FN", text: formatted), after: ["N"])
        }
    }

    /// Applies the client's edits to the components `element(for:)` names, padding to `count`.
    private func applyComponents(
        to components: inout [[String]], count: Int, separator: String, element: (Int) -> EASElement?
    ) {
        while components.count < count { components.append([""]) }
        for index in 0..<count {
            guard let element = element(index) else { continue }
            switch edit(element) {
            case .keep:
                break
            case .clear:
                components[index] = [""]
            case .set(let text):
                if ContactConverter.component(components, index, separator: separator) != text {
                    components[index] = [text]
                }
            }
        }
    }

    /// `components` with empty components added up to `count`.
    static func padded(_ components: [[String]], to count: Int) -> [[String]] {
        components.count >= count ? components : components + Array(repeating: [""], count: count - components.count)
    }

    /// Sets the components of the property at `index`, or adds one named `name`.
    private mutating func write(
        _ components: [[String]], at index: Int?, name: String, parameters: [VCardParameter], after: [String]
    ) {
        if let index {
            var property = self.property(index)
            property.setComponents(components)
            if name == "ADR", version == .v4 { property.removeParameter("LABEL") }
            editor.replace(index, with: property)
        } else {
            editor.insert(VCardProperty(name: name, parameters: parameters, components: components), after: after)
        }
    }

    /// The components of the first property called `name` as the merge leaves them.
    private func currentComponents(of name: String) -> [[String]] {
        editor.result.first { $0.name == name }?.components ?? []
    }

    /// "Dr. José Luis Fernández García": prefix, given, additional, family, suffix.
    static func displayName(_ name: VCardName) -> String {
        [name.honorificPrefixes, name.givenNames, name.additionalNames, name.familyNames, name.honorificSuffixes]
            .flatMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// Whether `fileAs` is "Family, Given" or "Family, Given Additional".
    static func isSortForm(_ fileAs: String, of name: VCardName) -> Bool {
        guard !name.family.isEmpty else { return false }
        let given = (name.givenNames + name.additionalNames).joined(separator: " ")
        let forms = [name.family + ", " + name.given, name.family + ", " + given, name.family + "," + name.given]
        return forms.contains(fileAs.trimmingSpaces)
    }

    /// A name for a card without one: the organization, else the first e-mail or telephone.
    private func fallbackName() -> String {
        let properties = editor.result
        if let organization = properties.first(where: { $0.name == "ORG" })?.fields.first, !organization.isEmpty {
            return organization
        }
        for name in ["EMAIL", "TEL"] {
            if let value = properties.first(where: { $0.name == name })?.text, !value.isEmpty { return value }
        }
        return ""
    }
}

extension String {
    /// Without leading and trailing spaces and tabs.
    fileprivate var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
