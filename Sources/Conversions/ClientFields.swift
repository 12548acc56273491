import WBXML

/// The fields of a client's `ApplicationData` (or of a `Recurrence`, an `Exception`), read with
/// typed errors: a value that is not valid for its type throws
/// ``ConversionError/invalidField(name:value:)`` naming the element and the value.
struct ClientFields {
    let elements: [WBXMLElement]

    init(_ elements: [WBXMLElement]) {
        self.elements = elements
    }

    /// The first element called `name` in `namespace`.
    func element(_ name: String, _ namespace: String) -> WBXMLElement? {
        elements.first { $0.name == name && $0.namespace == namespace }
    }

    func has(_ name: String, _ namespace: String) -> Bool {
        element(name, namespace) != nil
    }

    /// The text of a field (an empty element reads as ""); nil when absent.
    func text(_ name: String, _ namespace: String) throws(ConversionError) -> String? {
        guard let element = element(name, namespace) else { return nil }
        switch element.content {
        case .text(let text): return text
        case .empty: return ""
        case .children(let children) where children.isEmpty: return ""
        case .opaque(let bytes):
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw .invalidField(name: name, value: "\(bytes.count) opaque bytes")
            }
            return text
        case .children: throw .invalidField(name: name, value: "<elements>")
        }
    }

    /// An integer field within `range`; nil when absent.
    func integer(_ name: String, _ namespace: String, in range: ClosedRange<Int>) throws(ConversionError) -> Int? {
        guard let text = try text(name, namespace) else { return nil }
        let trimmed = text.trimmingCharacters(in: " ")
        guard trimmed.count <= 12, let value = Int(trimmed), range.contains(value) else {
            throw .invalidField(name: name, value: Self.shown(text))
        }
        return value
    }

    /// A 0/1 field; nil when absent.
    func flag(_ name: String, _ namespace: String) throws(ConversionError) -> Bool? {
        try integer(name, namespace, in: 0...1).map { $0 == 1 }
    }

    /// A date field in either EAS form; nil when absent.
    func date(_ name: String, _ namespace: String) throws(ConversionError) -> EASDate.Value? {
        guard let text = try text(name, namespace) else { return nil }
        guard let value = EASDate.parse(text) else { throw .invalidField(name: name, value: Self.shown(text)) }
        return value
    }

    /// The child elements of a container field; nil when absent.
    func container(_ name: String, _ namespace: String) throws(ConversionError) -> ClientFields? {
        guard let element = element(name, namespace) else { return nil }
        switch element.content {
        case .children(let children): return ClientFields(children)
        case .empty: return ClientFields([])
        case .text(let text) where text.allSatisfy(\.isWhitespace): return ClientFields([])
        case .text(let text): throw .invalidField(name: name, value: Self.shown(text))
        case .opaque: throw .invalidField(name: name, value: "opaque bytes")
        }
    }

    /// A value as an error shows it: at most 64 characters.
    static func shown(_ text: String) -> String {
        text.count > 64 ? String(text.prefix(64)) + "…" : text
    }
}
