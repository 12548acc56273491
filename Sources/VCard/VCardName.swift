/// The components of N (RFC 6350 §6.2.2, RFC 2426 §3.1.2), each a list.
public struct VCardName: Sendable, Hashable {
    public var familyNames: [String]
    public var givenNames: [String]
    public var additionalNames: [String]
    public var honorificPrefixes: [String]
    public var honorificSuffixes: [String]

    public init(
        familyNames: [String] = [], givenNames: [String] = [], additionalNames: [String] = [],
        honorificPrefixes: [String] = [], honorificSuffixes: [String] = []
    ) {
        self.familyNames = familyNames
        self.givenNames = givenNames
        self.additionalNames = additionalNames
        self.honorificPrefixes = honorificPrefixes
        self.honorificSuffixes = honorificSuffixes
    }

    /// Reads the first five components of a structured value; missing ones are empty, and
    /// empty strings are dropped from each list.
    public init(components: [[String]]) {
        func component(_ index: Int) -> [String] {
            index < components.count ? components[index].filter { !$0.isEmpty } : []
        }
        self.init(
            familyNames: component(0), givenNames: component(1), additionalNames: component(2),
            honorificPrefixes: component(3), honorificSuffixes: component(4))
    }

    /// The five components, for ``VCardProperty/setComponents(_:)``.
    public var components: [[String]] {
        [familyNames, givenNames, additionalNames, honorificPrefixes, honorificSuffixes].map { $0.isEmpty ? [""] : $0 }
    }

    /// The family names joined with spaces.
    public var family: String { familyNames.joined(separator: " ") }
    /// The given names joined with spaces.
    public var given: String { givenNames.joined(separator: " ") }
}
