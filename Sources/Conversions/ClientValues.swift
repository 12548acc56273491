import WBXML

/// A client's `ApplicationData` read once and bounded, for converters that look fields up many
/// times: the text of each leaf element, the items of each list container (`Categories` ›
/// `Category`), and the `Body` element. Text is read through ``ClientFields`` (an empty element
/// reads as the empty string, which clears a field); a text past its bound throws
/// ``ConversionError/tooLarge(_:)``. A second copy of an element is ignored.
struct ClientValues {
    private(set) var texts: [EASElement: String] = [:]
    private(set) var lists: [EASElement: [String]] = [:]
    private(set) var body: WBXMLElement?

    /// Reads `elements`. `listItems` names the item tag of each list container; `maxBytes` gives
    /// the largest text of an element (`defaultMaxBytes` for the others, and for each list item);
    /// `maxItems` bounds lists.
    init(
        _ elements: [WBXMLElement], listItems: [EASElement: String], maxBytes: [EASElement: Int],
        defaultMaxBytes: Int, maxItems: Int
    ) throws(ConversionError) {
        let fields = ClientFields(elements)
        for element in elements {
            let key = EASElement(element.namespace, element.name)
            if key == .body {
                if body == nil { body = element }
            } else if let itemName = listItems[key] {
                guard lists[key] == nil, let container = try fields.container(key.name, key.namespace) else { continue }
                let items = container.elements.filter { $0.name == itemName && $0.namespace == key.namespace }
                guard items.count <= maxItems else { throw .tooLarge("\(key.name): more than \(maxItems) items") }
                var values: [String] = []
                for item in items {
                    let text = try ClientFields([item]).text(itemName, key.namespace) ?? ""
                    guard text.utf8.count <= defaultMaxBytes else { throw .tooLarge(itemName) }
                    values.append(text)
                }
                lists[key] = values
            } else if texts[key] == nil, let text = try fields.text(key.name, key.namespace) {
                guard text.utf8.count <= maxBytes[key, default: defaultMaxBytes] else { throw .tooLarge(key.name) }
                texts[key] = text
            }
        }
    }

    /// The text sent for `element`; nil when the client left it out.
    func text(_ element: EASElement) -> String? {
        texts[element]
    }

    /// The items sent for a list container; nil when the client left it out.
    func list(_ element: EASElement) -> [String]? {
        lists[element]
    }
}
