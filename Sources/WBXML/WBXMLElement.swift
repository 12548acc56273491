/// An element of an EAS body: its namespace (the code page name, e.g. `AirSync`), its tag name, and
/// its content. EAS elements hold either child elements, or text, or opaque bytes, or nothing
/// (MS-ASWBXML §2.1.2; attributes never occur).
public struct WBXMLElement: Sendable, Equatable {
    /// What an element holds.
    public enum Content: Sendable, Equatable {
        /// Nothing: `<Tag/>`, a token without the content bit.
        case empty
        /// Text: STR_I (or STR_T) strings, UTF-8.
        case text(String)
        /// Opaque bytes (WBXML 1.3 §5.8.4.6 OPAQUE), e.g. `ComposeMail:Mime`.
        case opaque([UInt8])
        /// Child elements.
        case children([WBXMLElement])
    }

    /// The code page name of the element, e.g. `AirSync`; its XML namespace is this and a colon.
    public var namespace: String
    /// The tag name as MS-ASWBXML spells it, e.g. `SyncKey`.
    public var name: String
    public var content: Content

    public init(_ namespace: String, _ name: String, _ content: Content = .empty) {
        self.namespace = namespace
        self.name = name
        self.content = content
    }

    public init(_ namespace: String, _ name: String, text: String) {
        self.init(namespace, name, .text(text))
    }

    public init(_ namespace: String, _ name: String, children: [WBXMLElement]) {
        self.init(namespace, name, .children(children))
    }

    /// The child elements (empty unless the content is `.children`).
    public var children: [WBXMLElement] {
        if case .children(let children) = content { return children }
        return []
    }

    /// The text (nil unless the content is `.text`).
    public var text: String? {
        if case .text(let text) = content { return text }
        return nil
    }

    /// The first child with this name (and namespace, when given).
    public func child(_ name: String, namespace: String? = nil) -> WBXMLElement? {
        children.first { $0.name == name && (namespace == nil || $0.namespace == namespace) }
    }
}
