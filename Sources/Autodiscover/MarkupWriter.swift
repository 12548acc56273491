/// Writes the small, indented XML documents of this target: Autodiscover responses, the autoconfig file and
/// Apple configuration profiles.
///
/// Why not DAVXML's `XMLWriter`: that one writes every namespaced name with a prefix and never a default
/// namespace, while Autodiscover clients on phones match unprefixed names such as `<Url>` the way Exchange
/// writes them (MS-ASCMD 4.2.4: a default namespace on `Autodiscover` and another on `Response`); a property
/// list needs its document type declaration; and the golden files are indented by hand. The caller writes
/// namespace declarations as `xmlns` attributes, so what is written is exactly what the golden files show.
///
/// Text and attribute values are escaped (XML 1.0 §2.4, §3.1); characters XML 1.0 §2.2 does not allow
/// (C0 controls other than tab, LF and CR, U+FFFE, U+FFFF) are written as U+FFFD. Elements still open when
/// `bytes` is read are closed.
struct MarkupWriter {
    private var text: String
    private var open: [String] = []

    /// Starts a document with the XML declaration and, when given, a document type declaration.
    init(doctype: String? = nil) {
        text = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
        if let doctype { text += doctype + "\n" }
    }

    /// The document, UTF-8, every open element closed, ending with a line feed.
    var bytes: [UInt8] {
        var copy = self
        while !copy.open.isEmpty { copy.end() }
        return Array(copy.text.utf8)
    }

    /// `<name attributes>` on a line of its own; what follows is indented one step more.
    mutating func start(_ name: String, _ attributes: [(String, String)] = []) {
        text += indentation + "<" + name + Self.attributes(attributes) + ">\n"
        open.append(name)
    }

    /// Closes the innermost open element; does nothing when none is open.
    mutating func end() {
        guard let name = open.popLast() else { return }
        text += indentation + "</" + name + ">\n"
    }

    /// `<name>text</name>` on one line, or `<name/>` when the text is empty.
    mutating func element(_ name: String, _ value: String, _ attributes: [(String, String)] = []) {
        guard !value.isEmpty else { return empty(name, attributes) }
        text += indentation + "<" + name + Self.attributes(attributes) + ">"
        text += Self.escaped(value, quotes: false) + "</" + name + ">\n"
    }

    /// `<name attributes/>`.
    mutating func empty(_ name: String, _ attributes: [(String, String)] = []) {
        text += indentation + "<" + name + Self.attributes(attributes) + "/>\n"
    }

    private var indentation: String {
        String(repeating: "  ", count: open.count)
    }

    private static func attributes(_ attributes: [(String, String)]) -> String {
        attributes.map { #" \#($0.0)=""# + escaped($0.1, quotes: true) + #"""# }.joined()
    }

    /// `value` with `&`, `<`, `>` (and `"` in attribute values) escaped and disallowed characters replaced.
    static func escaped(_ value: String, quotes: Bool) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(value.unicodeScalars.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"" where quotes: result += "&quot;"
            case "\r":
                // A literal CR would be read back as LF (XML 1.0 §2.11).
                result += "&#13;"
            case "\t", "\n":
                // Kept in text; in attribute values they would be normalised to spaces (XML 1.0 §3.3.3).
                result += quotes ? "&#\(scalar.value);" : String(scalar)
            case "\u{0}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": result.unicodeScalars.append("\u{FFFD}")
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
