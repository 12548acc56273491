import Foundation
import WBXML

extension WBXMLElement {
    /// The text of the first child of this name, trimmed; nil when absent or not text.
    func childText(_ name: String) -> String? {
        guard let child = child(name) else { return nil }
        switch child.content {
        case .text(let text): return text.trimmingCharacters(in: .whitespacesAndNewlines)
        case .empty: return ""
        default: return nil
        }
    }

    /// Every child of this name.
    func children(named name: String) -> [WBXMLElement] {
        children.filter { $0.name == name }
    }
}
