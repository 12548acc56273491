import CLibxml2

extension TreeBuilder {
    /// A SAX2 handler whose callbacks forward to the `TreeBuilder` passed as the parser's user data. Every
    /// callback that would read a DTD, declare an entity or resolve one outside the document is absent or
    /// refuses; errors go to the structured handler, so nothing is printed.
    static func handler() -> xmlSAXHandler {
        var handler = xmlSAXHandler()
        handler.initialized = UInt32(XML_SAX2_MAGIC)
        handler.startElementNs = { context, local, prefix, uri, _, _, attributeCount, _, attributes in
            guard let context, let local else { return }
            TreeBuilder.from(context).startElement(
                local: local, prefix: prefix, uri: uri, attributeCount: Int(attributeCount), attributes: attributes)
        }
        handler.endElementNs = { context, _, _, _ in
            guard let context else { return }
            TreeBuilder.from(context).endElement()
        }
        handler.characters = { context, bytes, count in
            guard let context, let bytes else { return }
            TreeBuilder.from(context).characters(bytes, count: Int(count))
        }
        handler.cdataBlock = { context, bytes, count in
            guard let context, let bytes else { return }
            TreeBuilder.from(context).characters(bytes, count: Int(count))
        }
        handler.internalSubset = { context, _, _, _ in
            guard let context else { return }
            TreeBuilder.from(context).fail(.doctypeNotAllowed)
        }
        handler.externalSubset = { context, _, _, _ in
            guard let context else { return }
            TreeBuilder.from(context).fail(.doctypeNotAllowed)
        }
        handler.entityDecl = { context, _, _, _, _, _ in
            guard let context else { return }
            TreeBuilder.from(context).fail(.doctypeNotAllowed)
        }
        handler.resolveEntity = { context, _, _ in
            if let context { TreeBuilder.from(context).fail(.doctypeNotAllowed) }
            return nil
        }
        handler.serror = { context, error in
            guard let context, let error else { return }
            TreeBuilder.from(context).reportParserError(error.pointee)
        }
        return handler
    }

    fileprivate static func from(_ context: UnsafeMutableRawPointer) -> TreeBuilder {
        Unmanaged<TreeBuilder>.fromOpaque(context).takeUnretainedValue()
    }
}
