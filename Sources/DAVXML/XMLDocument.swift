import CLibxml2

/// Parses namespaced XML 1.0 documents (XML Namespaces 1.0) through libxml2's SAX2 parser into `XMLElement`
/// trees, for WebDAV request bodies (RFC 4918 §14 elements, CalDAV and CardDAV reports).
///
/// Nothing is ever read from the network or disk: a body that mentions `<!DOCTYPE` or `<!ENTITY` is refused
/// before libxml2 sees it, the parser runs with `XML_PARSE_NONET` and without entity substitution
/// (`XML_PARSE_NOENT`) or DTD loading, and the SAX handler has no entity resolver.
public enum XMLDocument {
    /// Parses `bytes` and returns the root element.
    ///
    /// The document is UTF-8 (with or without a byte order mark), or any encoding libxml2 detects from a byte
    /// order mark or names in the XML declaration (UTF-16, ISO-8859-1, …).
    public static func parse(_ bytes: some Collection<UInt8>, limits: XMLLimits = .default) throws(XMLError)
        -> XMLElement
    {
        let result: Result<XMLElement, XMLError>? = bytes.withContiguousStorageIfAvailable { buffer in
            Result { () throws(XMLError) in try parse(buffer: buffer, limits: limits) }
        }
        if let result { return try result.get() }
        return try Array(bytes).withUnsafeBufferPointer { buffer throws(XMLError) in
            try parse(buffer: buffer, limits: limits)
        }
    }

    /// Parses the UTF-8 of `string`.
    public static func parse(_ string: String, limits: XMLLimits = .default) throws(XMLError) -> XMLElement {
        try parse(Array(string.utf8), limits: limits)
    }

    private static func parse(buffer: UnsafeBufferPointer<UInt8>, limits: XMLLimits) throws(XMLError) -> XMLElement {
        guard buffer.count <= limits.maximumBytes, buffer.count <= Int(Int32.max) else {
            throw .tooLarge(bytes: buffer.count, limit: limits.maximumBytes)
        }
        guard !isBlank(buffer) else { throw .empty }
        guard !containsDeclaration(buffer) else { throw .doctypeNotAllowed }
        guard let base = buffer.baseAddress else { throw .empty }

        LibXML2.prepareThread()
        let builder = TreeBuilder(limits: limits)
        let context = base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
            xmlCreateMemoryParserCtxt($0, Int32(buffer.count))
        }
        guard let context, let sax = context.pointee.sax else {
            throw .malformed(line: 0, column: 0, message: "libxml2 could not create a parser")
        }
        defer { xmlFreeParserCtxt(context) }
        sax.pointee = TreeBuilder.handler()
        context.pointee.userData = Unmanaged.passUnretained(builder).toOpaque()
        builder.context = context
        _ = xmlCtxtUseOptions(context, LibXML2.parseOptions)
        _ = withExtendedLifetime(builder) { xmlParseDocument(context) }
        return try builder.result()
    }
}
