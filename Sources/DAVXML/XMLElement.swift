/// One element of a parsed document: its expanded name, attributes, element children and character data.
///
/// Comments and processing instructions are not kept. Namespace declarations are not attributes: they are
/// resolved into the names (XML Namespaces 1.0 §3).
public struct XMLElement: Sendable, Equatable {
    public var name: XMLName
    /// Attributes by expanded name; an unprefixed attribute is in no namespace (XML Namespaces 1.0 §6.2).
    public var attributes: [XMLName: String]
    /// Element children in document order.
    public var children: [XMLElement]
    /// The character data and CDATA directly inside this element, concatenated. Whitespace-only text of an
    /// element that has element children is dropped; the text of a leaf element is kept as written.
    public var text: String

    public init(
        _ name: XMLName, attributes: [XMLName: String] = [:], children: [XMLElement] = [], text: String = ""
    ) {
        self.name = name
        self.attributes = attributes
        self.children = children
        self.text = text
    }

    /// The first child element with this name.
    public func child(_ name: XMLName) -> XMLElement? {
        children.first { $0.name == name }
    }

    /// Every child element with this name, in document order.
    public func children(_ name: XMLName) -> [XMLElement] {
        children.filter { $0.name == name }
    }
}
