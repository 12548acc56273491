extension XMLWriter {
    /// Writes `<qname declarations attributes` (without the closing `>`) and appends the qualified name to
    /// `openNames`.
    mutating func openTag(_ name: XMLName, attributes: [(XMLName, String)]) {
        let isRoot = !started
        if isRoot {
            started = true
            if writesXMLDeclaration { buffer.append(contentsOf: Self.xmlDeclaration) }
        }
        let depth = openTags.count + 1
        var declarations: [UInt8] = []
        let prefix = resolve(name.namespace, depth: depth, declaring: &declarations)
        let nameStart = openNames.count
        Self.appendQualifiedName(prefix: prefix, local: name.local, to: &openNames)
        buffer.append(UInt8(ascii: "<"))
        openNames.withUnsafeBufferPointer { buffer.append(contentsOf: UnsafeBufferPointer(rebasing: $0[nameStart...])) }
        if isRoot { buffer.append(contentsOf: rootDeclarations) }
        guard !attributes.isEmpty else {
            if !declarations.isEmpty { buffer.append(contentsOf: declarations) }
            return
        }
        var attributeBytes: [UInt8] = []
        for (attributeName, value) in attributes {
            attributeBytes.append(UInt8(ascii: " "))
            let attributePrefix =
                attributeName.namespace == Namespaces.xml
                ? Array("xml".utf8) : resolve(attributeName.namespace, depth: depth, declaring: &declarations)
            Self.appendQualifiedName(prefix: attributePrefix, local: attributeName.local, to: &attributeBytes)
            attributeBytes.append(UInt8(ascii: "="))
            attributeBytes.append(UInt8(ascii: "\""))
            XMLEscaping.append(value, attribute: true, to: &attributeBytes)
            attributeBytes.append(UInt8(ascii: "\""))
        }
        buffer.append(contentsOf: declarations)
        buffer.append(contentsOf: attributeBytes)
    }

    /// `<qname>escaped text</qname>` in one go, when the name is a cached tag; false otherwise.
    mutating func writeLeaf(_ name: XMLName, text: String) -> Bool {
        guard let index = cachedTag(name) else { return false }
        buffer.append(contentsOf: cachedTags[index].open)
        buffer.append(UInt8(ascii: ">"))
        XMLEscaping.append(text, attribute: false, to: &buffer)
        buffer.append(contentsOf: cachedTags[index].close)
        return true
    }

    /// The index of the cached `<qname` and `</qname>` bytes for a name that needs no declaration (no namespace,
    /// or one declared on the root), once the root is written; nil otherwise. At most 64 names are cached.
    mutating func cachedTag(_ name: XMLName) -> Int? {
        for index in cachedNames.indices where cachedNames[index] == name { return index }
        guard started, cachedNames.count < 64, let prefix = declaredPrefix(name.namespace) else { return nil }
        var open: [UInt8] = [UInt8(ascii: "<")]
        Self.appendQualifiedName(prefix: prefix, local: name.local, to: &open)
        var close: [UInt8] = [UInt8(ascii: "<"), UInt8(ascii: "/")]
        Self.appendQualifiedName(prefix: prefix, local: name.local, to: &close)
        close.append(UInt8(ascii: ">"))
        cachedNames.append(name)
        cachedTags.append((open, close))
        return cachedNames.count - 1
    }

    /// The prefix for `namespace` when it is declared on the root (empty for no namespace), without looking at
    /// the scoped declarations. The last namespace looked up is remembered: multistatus bodies are mostly `DAV:`.
    private mutating func declaredPrefix(_ namespace: String) -> [UInt8]? {
        if namespace.isEmpty { return [] }
        if namespace == lastRootNamespace { return lastRootPrefix }
        guard let prefix = rootPrefixes[namespace] else { return nil }
        lastRootNamespace = namespace
        lastRootPrefix = prefix
        return prefix
    }

    /// The prefix bound to `namespace` here, declaring a new one on the element at `depth` when none is in
    /// scope; nil for no namespace.
    private mutating func resolve(_ namespace: String, depth: Int, declaring declarations: inout [UInt8]) -> [UInt8] {
        if let prefix = declaredPrefix(namespace) { return prefix }
        if let scoped = scopedPrefixes.last(where: { $0.namespace == namespace }) { return scoped.prefix }
        let prefix = extraPrefix(for: namespace)
        scopedPrefixes.append((namespace, prefix, depth))
        Self.appendDeclaration(prefix: prefix, namespace: namespace, to: &declarations)
        return prefix
    }

    private mutating func extraPrefix(for namespace: String) -> [UInt8] {
        if let prefix = extraPrefixes[namespace] { return prefix }
        let taken = Set(rootPrefixes.values)
        var prefix: [UInt8]
        repeat {
            prefix = Array("x\(nextExtraPrefix)".utf8)
            nextExtraPrefix += 1
        } while taken.contains(prefix)
        extraPrefixes[namespace] = prefix
        return prefix
    }

    static func appendDeclaration(prefix: [UInt8], namespace: String, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: " xmlns:".utf8)
        bytes.append(contentsOf: prefix)
        bytes.append(UInt8(ascii: "="))
        bytes.append(UInt8(ascii: "\""))
        XMLEscaping.append(namespace, attribute: true, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    /// `prefix:local`, or `local` when the prefix is empty.
    static func appendQualifiedName(prefix: [UInt8], local: String, to bytes: inout [UInt8]) {
        if !prefix.isEmpty {
            bytes.append(contentsOf: prefix)
            bytes.append(UInt8(ascii: ":"))
        }
        var local = local
        local.withUTF8 { bytes.append(contentsOf: $0) }
    }

    static func appendEndTag(_ name: ArraySlice<UInt8>, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "<"))
        bytes.append(UInt8(ascii: "/"))
        bytes.append(contentsOf: name)
        bytes.append(UInt8(ascii: ">"))
    }
}
