/// The rules of ``VCard/converted(to:)`` that look at more than one property.
enum CardConversion {
    /// 3.0 LABEL (RFC 2426 §3.2.2) → the LABEL parameter of the 4.0 ADR it belongs to
    /// (RFC 6350 §6.3.1): the first unlabelled ADR in the LABEL's group, else the first with
    /// the same TYPE values (pref aside). A LABEL with no such ADR is kept as it is.
    static func moveLabelsIntoAddresses(_ properties: inout [VCardProperty]) {
        guard properties.contains(where: { $0.name == "LABEL" }) else { return }
        var byGroup: [String: [Int]] = [:]
        var byTypes: [[String]: [Int]] = [:]
        for (index, property) in properties.enumerated()
        where property.name == "ADR" && property.parameter("LABEL") == nil {
            if let group = property.group?.lowercased() { byGroup[group, default: []].append(index) }
            byTypes[typeKey(property), default: []].append(index)
        }
        var labelled = Set<Int>()
        var removed = Set<Int>()
        func take(_ candidates: inout [Int]?) -> Int? {
            while let first = candidates?.first {
                candidates?.removeFirst()
                if !labelled.contains(first) { return first }
            }
            return nil
        }
        for (index, label) in properties.enumerated() where label.name == "LABEL" {
            var address: Int?
            if let group = label.group?.lowercased() { address = take(&byGroup[group]) }
            if address == nil { address = take(&byTypes[typeKey(label)]) }
            guard let address else { continue }
            properties[address].setParameter("LABEL", values: [label.text])
            labelled.insert(address)
            removed.insert(index)
        }
        guard !removed.isEmpty else { return }
        properties = properties.enumerated().filter { !removed.contains($0.offset) }.map(\.element)
    }

    /// The 4.0 ADR LABEL parameter → a 3.0 LABEL right after the ADR, in its group, with
    /// its TYPE values (pref aside).
    static func moveAddressLabelsOut(_ properties: inout [VCardProperty]) {
        guard properties.contains(where: { $0.name == "ADR" && $0.parameter("LABEL") != nil }) else { return }
        var result: [VCardProperty] = []
        result.reserveCapacity(properties.count + 1)
        for var property in properties {
            guard property.name == "ADR", let label = property.parameter("LABEL") else {
                result.append(property)
                continue
            }
            property.removeParameter("LABEL")
            result.append(property)
            let types = property.types.filter { $0 != "pref" }
            let parameters = types.isEmpty ? [] : [VCardParameter(name: "TYPE", values: types)]
            result.append(
                VCardProperty(group: property.group, name: "LABEL", parameters: parameters, text: label.value))
        }
        properties = result
    }

    /// Keeps the first property called `name` (4.0 KIND is `*1`), removing the rest.
    static func keepFirst(_ name: String, in properties: inout [VCardProperty]) {
        guard let first = properties.firstIndex(where: { $0.name == name }),
            properties[(first + 1)...].contains(where: { $0.name == name })
        else { return }
        properties = properties.enumerated().filter { $0.offset <= first || $0.element.name != name }.map(\.element)
    }

    /// Removes properties called `name` whose value an earlier one already has.
    static func removeRepeatedValues(of name: String, in properties: inout [VCardProperty]) {
        var seen = Set<String>()
        var repeated = false
        for property in properties where property.name == name {
            repeated = !seen.insert(property.value).inserted || repeated
        }
        guard repeated else { return }
        seen.removeAll()
        properties.removeAll { $0.name == name && !seen.insert($0.value).inserted }
    }

    /// FN is required in both versions (RFC 6350 §6.2.1, RFC 2426 §3.1.1): made from N, else
    /// ORG, else the first EMAIL, when missing.
    static func ensureFormattedName(_ properties: inout [VCardProperty]) {
        guard !properties.contains(where: { $0.name == "FN" }) else { return }
        var text = ""
        if let n = properties.first(where: { $0.name == "N" }) {
            let name = VCardName(components: n.components)
            text =
                (name.honorificPrefixes + name.givenNames + name.additionalNames + name.familyNames
                + name.honorificSuffixes).joined(separator: " ")
        }
        if text.isEmpty, let org = properties.first(where: { $0.name == "ORG" }) { text = org.fields.first ?? "" }
        if text.isEmpty, let email = properties.first(where: { $0.name == "EMAIL" }) { text = email.text }
        properties.insert(VCardProperty(name: "FN", text: text), at: 0)
    }

    /// N is required in 3.0 (RFC 2426 §3.1.2): made from FN when missing, the last word as
    /// the family name; a group's or organization's whole FN is its family name, as Apple writes.
    static func ensureName(_ properties: inout [VCardProperty]) {
        guard !properties.contains(where: { $0.name == "N" }) else { return }
        let fnIndex = properties.firstIndex { $0.name == "FN" }
        let formatted = fnIndex.map { properties[$0].text } ?? ""
        let kind =
            (properties.first { $0.name == "KIND" || $0.name == "X-ADDRESSBOOKSERVER-KIND" })
            .map { VCardKind($0.text) } ?? .individual
        var name = VCardName(familyNames: [formatted])
        if kind == .individual {
            let words = formatted.split(separator: " ").map(String.init)
            if let family = words.last, words.count > 1 {
                name = VCardName(familyNames: [family], givenNames: [words.dropLast().joined(separator: " ")])
            }
        }
        let position = fnIndex.map { $0 + 1 } ?? 0
        properties.insert(VCardProperty(name: "N", components: name.components), at: position)
    }

    /// TYPE values without pref, sorted: what a LABEL and its ADR share.
    private static func typeKey(_ property: VCardProperty) -> [String] {
        property.types.filter { $0 != "pref" }.sorted()
    }
}
