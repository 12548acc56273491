import ICalendar
import WBXML

/// `Categories`/`Category` (MS-ASCAL 2.2.2, MS-ASTASK 2.2.2) ⇄ CATEGORIES (RFC 5545
/// §3.8.1.2), every CATEGORIES property's comma-separated values in order.
enum Categories {
    static func names(of component: ICalendarComponent) -> [String] {
        component.properties("CATEGORIES").flatMap { split($0.value) }.filter { !$0.isEmpty }
    }

    static func element(_ names: [String], namespace: String) -> WBXMLElement {
        WBXMLElement(namespace, "Categories", children: names.map { WBXMLElement(namespace, "Category", text: $0) })
    }

    /// The client's names; nil when it sent no `Categories`.
    static func read(_ fields: ClientFields, namespace: String) throws(ConversionError) -> [String]? {
        guard let list = try fields.container("Categories", namespace) else { return nil }
        var names: [String] = []
        for element in list.elements where element.name == "Category" {
            guard let text = element.text, text.utf8.count <= 1024 else {
                throw .invalidField(name: "Category", value: ClientFields.shown(element.text ?? "<elements>"))
            }
            if !text.isEmpty { names.append(text) }
        }
        return names
    }

    /// Writes the names unless the component already has them (then its properties stay as written).
    static func write(_ names: [String], into component: inout ICalendarComponent) {
        guard self.names(of: component) != names else { return }
        let property = ICalendarProperty(
            name: "CATEGORIES", value: names.map(ICalendarProperty.escapeText).joined(separator: ","))
        component.replaceProperties("CATEGORIES", with: names.isEmpty ? [] : [property])
    }

    /// Splits on commas that are not escaped and unescapes each value (RFC 5545 §3.3.11).
    static func split(_ value: String) -> [String] {
        var names: [String] = []
        var current = ""
        var escaped = false
        for character in value {
            if escaped {
                current.append(character == "n" || character == "N" ? "\n" : character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "," {
                names.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        names.append(current)
        return names
    }
}
