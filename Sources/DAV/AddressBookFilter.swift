import DAVXML
import ItemIndexing
import VCard

/// An addressbook-query filter (RFC 6352 §10.5): property filters combined with `anyof`
/// (the default) or `allof`, parsed once and evaluated on each candidate card.
struct AddressBookFilter: Sendable {
    enum Test: String, Sendable {
        case anyof, allof
    }

    /// `prop-filter` (§10.5.1): its text-matches and param-filters combine by its own test.
    struct PropertyFilter: Sendable {
        let name: String
        let test: Test
        let isNotDefined: Bool
        let textMatches: [TextMatch]
        let parameters: [ParameterFilter]
    }

    /// `param-filter` (§10.5.2).
    struct ParameterFilter: Sendable {
        let name: String
        let isNotDefined: Bool
        let textMatch: TextMatch?
    }

    let test: Test
    let properties: [PropertyFilter]

    static let namespace = Namespaces.cardDAV

    /// Parses the `filter` element; throws 403 `supported-filter` or `supported-collation`.
    init(_ filter: XMLElement) throws(DAVError) {
        test = try Self.test(filter)
        var properties: [PropertyFilter] = []
        for element in filter.children(XMLName(Self.namespace, "prop-filter")) {
            properties.append(try Self.propertyFilter(element))
        }
        self.properties = properties
    }

    private static func test(_ element: XMLElement) throws(DAVError) -> Test {
        let text = element.attributes[XMLName("", "test")]?.lowercased() ?? "anyof"
        guard let test = Test(rawValue: text) else {
            throw DAVError(
                403, XMLName(namespace, "supported-filter"), "The filter test \(text) is not anyof or allof.")
        }
        return test
    }

    private static func propertyFilter(_ element: XMLElement) throws(DAVError) -> PropertyFilter {
        guard let name = element.attributes[XMLName("", "name")]?.uppercased(), !name.isEmpty else {
            throw DAVError(403, XMLName(namespace, "supported-filter"), "A prop-filter needs a name.")
        }
        var textMatches: [TextMatch] = []
        for match in element.children(XMLName(namespace, "text-match")) {
            textMatches.append(try TextMatch(match, preconditionNamespace: namespace))
        }
        var parameters: [ParameterFilter] = []
        for parameter in element.children(XMLName(namespace, "param-filter")) {
            guard let parameterName = parameter.attributes[XMLName("", "name")]?.uppercased(), !parameterName.isEmpty
            else {
                throw DAVError(403, XMLName(namespace, "supported-filter"), "A param-filter needs a name.")
            }
            parameters.append(
                ParameterFilter(
                    name: parameterName,
                    isNotDefined: parameter.child(XMLName(namespace, "is-not-defined")) != nil,
                    textMatch: try parameter.child(XMLName(namespace, "text-match")).map { (match) throws(DAVError) in
                        try TextMatch(match, preconditionNamespace: namespace)
                    }))
        }
        return PropertyFilter(
            name: name, test: try test(element),
            isNotDefined: element.child(XMLName(namespace, "is-not-defined")) != nil, textMatches: textMatches,
            parameters: parameters)
    }

    // MARK: Evaluation

    /// Whether the card passes; an empty filter matches every card (§10.5).
    func matches(_ card: VCard) -> Bool {
        guard !properties.isEmpty else { return true }
        switch test {
        case .anyof: return properties.contains { $0.matches(card) }
        case .allof: return properties.allSatisfy { $0.matches(card) }
        }
    }

    /// A property and a text that every matching card has in that property's search values
    /// (``CardIndex/searchValues(of:)``), both folded by ``CardIndex/fold(_:)``, so the store can
    /// narrow the candidates; nil when the filter allows no such narrowing.
    var requiredSearch: (name: String, text: String)? {
        let positive: (PropertyFilter) -> (name: String, text: String)? = { filter in
            guard !filter.isNotDefined,
                filter.test == .allof || (filter.textMatches.count == 1 && filter.parameters.isEmpty),
                CardIndex.searchedProperties(includes: filter.name),
                let match = filter.textMatches.first(where: { !$0.negate && !$0.text.isEmpty })
            else { return nil }
            return (filter.name, CardIndex.fold(match.text))
        }
        switch test {
        case .allof: return properties.lazy.compactMap(positive).max { $0.text.count < $1.text.count }
        case .anyof: return properties.count == 1 ? positive(properties[0]) : nil
        }
    }

    /// The filter's one text-match when a card passes exactly when one of its search values for
    /// that property passes it: a single prop-filter with a single i;unicode-casemap text-match,
    /// nothing else (the search values are folded as that collation folds). Such a query is
    /// answered from the search values without parsing a card.
    var searchValueMatch: (name: String, match: TextMatch)? {
        guard properties.count == 1 else { return nil }
        let filter = properties[0]
        guard !filter.isNotDefined, filter.parameters.isEmpty, filter.textMatches.count == 1,
            CardIndex.searchedProperties(includes: filter.name)
        else { return nil }
        let match = filter.textMatches[0]
        guard match.collation == .unicodeCasemap, !match.negate, !match.text.isEmpty else { return nil }
        return (filter.name, match)
    }
}

extension AddressBookFilter.PropertyFilter {
    /// RFC 6352 §10.5.1: the card has (or, with is-not-defined, lacks) the property, and one of
    /// its instances passes the text-matches and param-filters by the filter's test.
    func matches(_ card: VCard) -> Bool {
        let instances = card.properties(named: name)
        if isNotDefined { return instances.isEmpty }
        guard !instances.isEmpty else { return false }
        let tests = textMatches.count + parameters.count
        guard tests > 0 else { return true }
        return instances.contains { property in
            let value = property.text
            let results =
                textMatches.lazy.map { $0.matches(value) } + parameters.lazy.map { $0.matches(property) }
            return test == .allof ? results.allSatisfy { $0 } : results.contains(true)
        }
    }
}

extension AddressBookFilter.ParameterFilter {
    func matches(_ property: VCardProperty) -> Bool {
        let values = property.parameterValues(name)
        if isNotDefined { return values.isEmpty }
        guard !values.isEmpty else { return false }
        guard let textMatch else { return true }
        return values.contains { textMatch.matches($0) }
    }
}
