import CLibxml2

/// Builds the element tree from libxml2's SAX2 callbacks, counting against the limits as it goes and stopping
/// the parser at the first one passed.
final class TreeBuilder {
    private struct OpenElement {
        var element: XMLElement
        var text: [UInt8]
    }

    private let limits: XMLLimits
    private var stack: [OpenElement] = []
    private var root: XMLElement?
    private var elementCount = 0
    /// The first refusal found by the builder itself; it wins over what libxml2 reports after the stop.
    private var failure: XMLError?
    /// The first error libxml2 reported through the structured handler.
    private var parserError: XMLError?
    /// libxml2 interns names and namespace URIs in the parser's dictionary, so one pointer is one string for the
    /// whole parse; this turns each into a Swift `String` once.
    private var interned: [UnsafeRawPointer: String] = [:]
    var context: xmlParserCtxtPtr?

    init(limits: XMLLimits) {
        self.limits = limits
    }

    /// The root element, or the first error met.
    func result() throws(XMLError) -> XMLElement {
        if let failure { throw failure }
        if let parserError { throw parserError }
        if let context, context.pointee.wellFormed == 0 {
            throw .malformed(line: 0, column: 0, message: "not well-formed")
        }
        guard let root, stack.isEmpty else {
            throw .malformed(line: 0, column: 0, message: "no complete root element")
        }
        return root
    }

    func fail(_ error: XMLError) {
        if failure == nil { failure = error }
        if let context { xmlStopParser(context) }
    }

    func reportParserError(_ error: xmlError) {
        // libxml2 refuses a prefixed declaration of a namespace name that is not a URI reference but only warns
        // about a default one; both are refused, so that every accepted document can be written back with
        // prefixes (XML Namespaces 1.0 §2).
        let invalidNamespace = error.code == Int32(XML_WAR_NS_URI.rawValue)
        guard parserError == nil, error.level.rawValue >= XML_ERR_ERROR.rawValue || invalidNamespace else { return }
        // The element callback reports an undeclared prefix by name (XMLError.undeclaredPrefix).
        guard error.code != Int32(XML_NS_ERR_UNDEFINED_NAMESPACE.rawValue) else { return }
        guard error.code != Int32(XML_ERR_USER_STOP.rawValue) else { return }
        var message = error.message.map { String(cString: $0) } ?? "error \(error.code)"
        while message.last?.isWhitespace == true { message.removeLast() }
        parserError = .malformed(line: Int(error.line), column: Int(error.int2), message: message)
    }

    private func string(_ pointer: UnsafePointer<xmlChar>) -> String {
        let key = UnsafeRawPointer(pointer)
        if let known = interned[key] { return known }
        // Namespace names are attribute values, so they can hold `&#38;` too.
        let value = Self.attributeValue(UnsafeBufferPointer(start: pointer, count: Int(xmlStrlen(pointer))))
        if let dictionary = context?.pointee.dict, xmlDictOwns(dictionary, pointer) == 1 {
            interned[key] = value
        }
        return value
    }

    func startElement(
        local: UnsafePointer<xmlChar>, prefix: UnsafePointer<xmlChar>?, uri: UnsafePointer<xmlChar>?,
        attributeCount: Int, attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    ) {
        guard failure == nil else { return }
        if let prefix, uri == nil { return fail(.undeclaredPrefix(String(cString: prefix))) }
        elementCount += 1
        guard elementCount <= limits.maximumElements else {
            return fail(.tooManyElements(limit: limits.maximumElements))
        }
        guard stack.count < limits.maximumDepth else { return fail(.tooDeep(limit: limits.maximumDepth)) }
        guard attributeCount <= limits.maximumAttributes else {
            return fail(.tooManyAttributes(limit: limits.maximumAttributes))
        }
        let name = XMLName(uri.map(string) ?? "", string(local))
        var parsed: [XMLName: String] = [:]
        if attributeCount > 0, let attributes {
            parsed.reserveCapacity(attributeCount)
            // Five pointers per attribute: localname, prefix, URI, value start, value end.
            for index in 0..<attributeCount {
                let fields = attributes + index * 5
                guard let attributeLocal = fields[0], let start = fields[3], let end = fields[4] else { continue }
                if let attributePrefix = fields[1], fields[2] == nil {
                    return fail(.undeclaredPrefix(String(cString: attributePrefix)))
                }
                let attributeName = XMLName(fields[2].map(string) ?? "", string(attributeLocal))
                let value = Self.attributeValue(UnsafeBufferPointer(start: start, count: end - start))
                if parsed.updateValue(value, forKey: attributeName) != nil {
                    return fail(.duplicateAttribute(attributeName))
                }
            }
        }
        stack.append(OpenElement(element: XMLElement(name, attributes: parsed), text: []))
    }

    /// Without entity substitution libxml2's SAX2 hands attribute values (and namespace names) over with each `&` left as `&#38;`
    /// for a tree builder to re-parse; a literal `&` cannot occur there, so every `&#38;` is one `&`.
    private static func attributeValue(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.contains(UInt8(ascii: "&")) else { return String(decoding: bytes, as: UTF8.self) }
        var unescaped: [UInt8] = []
        unescaped.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            unescaped.append(byte)
            if byte == UInt8(ascii: "&"), index + 4 < bytes.count, bytes[index + 1] == UInt8(ascii: "#"),
                bytes[index + 2] == UInt8(ascii: "3"), bytes[index + 3] == UInt8(ascii: "8"),
                bytes[index + 4] == UInt8(ascii: ";")
            {
                index += 5
            } else {
                index += 1
            }
        }
        return String(decoding: unescaped, as: UTF8.self)
    }

    func characters(_ bytes: UnsafePointer<xmlChar>, count: Int) {
        guard failure == nil, !stack.isEmpty, count > 0 else { return }
        let last = stack.count - 1
        guard stack[last].text.count + count <= limits.maximumTextBytes else {
            return fail(.textTooLong(limit: limits.maximumTextBytes))
        }
        stack[last].text.append(contentsOf: UnsafeBufferPointer(start: bytes, count: count))
    }

    func endElement() {
        guard failure == nil, var open = stack.popLast() else { return }
        if !open.element.children.isEmpty, open.text.allSatisfy(Self.isWhitespace) {
            open.text.removeAll()
        }
        if !open.text.isEmpty { open.element.text = String(decoding: open.text, as: UTF8.self) }
        if stack.isEmpty {
            root = open.element
        } else {
            stack[stack.count - 1].element.children.append(open.element)
        }
    }

    /// XML 1.0 §2.3 `S`.
    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
