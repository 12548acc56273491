extension XMLElement {
    /// This element as a self-contained XML fragment: every namespace it and its descendants use is declared on
    /// it (XML Namespaces 1.0 §6.1), so it can be stored as a WebDAV dead property (RFC 4918 §4.3) and written
    /// back verbatim later inside another document with `XMLWriter.fragment(_:)`. Known namespaces get their
    /// standard prefixes, others `x1`, `x2`, … in order of first use; there is no XML declaration.
    public var fragment: String {
        var namespaces: [String] = []
        var seen: Set<String> = []
        collectNamespaces(into: &namespaces, seen: &seen)
        var others = 0
        let prefixes = namespaces.map { namespace -> (namespace: String, prefix: String) in
            if let standard = XMLWriter.standardPrefixes[namespace] { return (namespace, standard) }
            others += 1
            return (namespace, "x\(others)")
        }
        var writer = XMLWriter(orderedPrefixes: prefixes, xmlDeclaration: false)
        writer.element(self)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    private func collectNamespaces(into namespaces: inout [String], seen: inout Set<String>) {
        if !name.namespace.isEmpty, seen.insert(name.namespace).inserted { namespaces.append(name.namespace) }
        for attribute in attributes.keys.sorted()
        where !attribute.namespace.isEmpty && attribute.namespace != Namespaces.xml {
            if seen.insert(attribute.namespace).inserted { namespaces.append(attribute.namespace) }
        }
        for child in children { child.collectNamespaces(into: &namespaces, seen: &seen) }
    }
}
