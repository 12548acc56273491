/// Why a document was refused. Each case carries the limit passed or the offending value.
public enum XMLError: Error, Sendable, Equatable {
    /// The body is larger than `XMLLimits.maximumBytes`.
    case tooLarge(bytes: Int, limit: Int)
    /// The body is empty or only whitespace (RFC 4918 §8.4 lets PROPFIND have no body; the caller decides).
    case empty
    /// The body contains `<!DOCTYPE` or `<!ENTITY`: no DTD is ever read, so entities cannot be declared,
    /// expanded or fetched.
    case doctypeNotAllowed
    /// The document is not well-formed XML 1.0 or not namespace-well-formed, as libxml2 reported it.
    case malformed(line: Int, column: Int, message: String)
    /// Elements nest deeper than `XMLLimits.maximumDepth`.
    case tooDeep(limit: Int)
    /// The document has more than `XMLLimits.maximumElements` elements.
    case tooManyElements(limit: Int)
    /// An element has more than `XMLLimits.maximumAttributes` attributes.
    case tooManyAttributes(limit: Int)
    /// One element holds more than `XMLLimits.maximumTextBytes` bytes of character data.
    case textTooLong(limit: Int)
    /// A prefix used on an element or attribute name is not declared in scope (XML Namespaces 1.0 §5).
    case undeclaredPrefix(String)
    /// Two attributes of one element have the same expanded name (XML Namespaces 1.0 §6.3).
    case duplicateAttribute(XMLName)
}

extension XMLError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .tooLarge(let bytes, let limit): "XML body of \(bytes) bytes is over the limit of \(limit)"
        case .empty: "XML body is empty"
        case .doctypeNotAllowed: "XML body declares a DOCTYPE or an ENTITY, which are not allowed"
        case .malformed(let line, let column, let message): "XML is malformed at \(line):\(column): \(message)"
        case .tooDeep(let limit): "XML elements nest deeper than \(limit)"
        case .tooManyElements(let limit): "XML body has more than \(limit) elements"
        case .tooManyAttributes(let limit): "XML element has more than \(limit) attributes"
        case .textTooLong(let limit): "XML element has more than \(limit) bytes of text"
        case .undeclaredPrefix(let prefix): "XML namespace prefix \"\(prefix)\" is not declared"
        case .duplicateAttribute(let name): "XML attribute \(name) appears twice"
        }
    }
}
