import Foundation

/// Plain text to and from the HTML bodies EAS clients send and ask for (item bodies, MS-ASAIRS
/// 2.2.2.9; out-of-office replies, MS-ASCMD 2.2.3.119). Reduction is bounded by the input: one
/// pass, no backtracking.
public enum HTMLText {
    /// Escapes the five characters HTML gives meaning to.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// Plain text as an HTML document: escaped, with line breaks kept (each `<br>` ends a line).
    public static func document(from text: String) -> String {
        let escaped = escape(text).replacingOccurrences(of: "\r\n", with: "\n")
            .replacingOccurrences(of: "\n", with: "<br>\r\n")
        return "<html><body>" + escaped + "</body></html>"
    }

    /// Named entities decoded by ``plainText(of:)``, besides numeric ones.
    static let entities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}",
    ]

    /// Tags that end a line in the text.
    static let breakingTags: Set<String> = ["br", "p", "/p", "div", "/div", "li", "tr", "/tr", "h1", "h2", "h3"]

    /// The text of an HTML fragment: tags dropped (line-breaking ones become a newline), the
    /// content of `<head>`, `<style>` and `<script>` dropped, entities decoded.
    public static func plainText(of html: String) -> String {
        var out = ""
        var skipping: String?
        var rest = Substring(html)
        while let next = rest.firstIndex(where: { $0 == "<" || $0 == "&" }) {
            if skipping == nil { out += rest[..<next] }
            rest = rest[next...]
            if rest.first == "<" {
                guard let close = rest.firstIndex(of: ">") else {
                    rest = rest.dropFirst()
                    if skipping == nil { out += "<" }
                    continue
                }
                let tag = rest[rest.index(after: rest.startIndex)..<close].lowercased()
                let closing = tag.hasPrefix("/")
                let name =
                    (closing ? "/" : "")
                    + (closing ? tag.dropFirst() : tag[...]).prefix { !$0.isWhitespace && $0 != "/" }
                rest = rest[rest.index(after: close)...]
                if let skipped = skipping {
                    if name == "/" + skipped { skipping = nil }
                } else if ["head", "style", "script"].contains(name) {
                    skipping = name
                } else if breakingTags.contains(name) && !out.isEmpty && !out.hasSuffix("\n") {
                    out += "\n"
                }
            } else {
                let end = rest.prefix(12).firstIndex(of: ";")
                guard let end, let decoded = entity(String(rest[rest.index(after: rest.startIndex)..<end])) else {
                    rest = rest.dropFirst()
                    if skipping == nil { out += "&" }
                    continue
                }
                if skipping == nil { out += decoded }
                rest = rest[rest.index(after: end)...]
            }
        }
        if skipping == nil { out += rest }
        return out.trimmingTrailingNewlines()
    }

    private static func entity(_ name: String) -> String? {
        if let named = entities[name] { return named }
        guard name.hasPrefix("#") else { return nil }
        let digits = name.dropFirst()
        let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
        return value.flatMap(Unicode.Scalar.init).map { String(Character($0)) }
    }
}

extension String {
    fileprivate func trimmingTrailingNewlines() -> String {
        var text = self
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
