extension WBXMLElement {
    /// The compact XML form of the tree: no declaration and no whitespace between elements, each
    /// namespace declared as a default namespace where it changes, the form libwbxml's `wbxml2xml`
    /// writes for EAS (`<Sync xmlns="AirSync:"><Collections>…`). Text is escaped (`&amp;`, `&lt;`,
    /// `&gt;`, and control characters as character references); opaque content is base64 with the
    /// attribute `opaque="base64"`. `WBXMLXMLReader` reads it back to the same tree.
    public func xml() -> String {
        var output: [UInt8] = []
        var stack: [(elements: [WBXMLElement], next: Int, namespace: String, closing: String)] = [
            ([self], 0, "", "")
        ]
        while let top = stack.indices.last {
            guard stack[top].next < stack[top].elements.count else {
                let frame = stack.removeLast()
                if !stack.isEmpty { Self.closeTag(frame.closing, to: &output) }
                continue
            }
            let element = stack[top].elements[stack[top].next]
            stack[top].next += 1
            output.append(UInt8(ascii: "<"))
            output.append(contentsOf: element.name.utf8)
            if element.namespace != stack[top].namespace {
                // Code page names are ASCII letters and digits: nothing to escape.
                output.append(contentsOf: #" xmlns=""#.utf8)
                output.append(contentsOf: element.namespace.utf8)
                output.append(contentsOf: #":""#.utf8)
            }
            switch element.content {
            case .empty:
                output.append(contentsOf: "/>".utf8)
            case .children(let children) where children.isEmpty:
                output.append(contentsOf: "/>".utf8)
            case .children(let children):
                output.append(UInt8(ascii: ">"))
                stack.append((children, 0, element.namespace, element.name))
            case .text(let text):
                output.append(UInt8(ascii: ">"))
                Self.escape(text, to: &output)
                Self.closeTag(element.name, to: &output)
            case .opaque(let data):
                output.append(contentsOf: #" opaque="base64">"#.utf8)
                Base64.encode(data, to: &output)
                Self.closeTag(element.name, to: &output)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func closeTag(_ name: String, to output: inout [UInt8]) {
        output.append(contentsOf: "</".utf8)
        output.append(contentsOf: name.utf8)
        output.append(UInt8(ascii: ">"))
    }

    /// XML 1.0 §2.4 and §4.1: `&`, `<` and `>` as entity references; control characters other
    /// than tab and line feed (carriage return included, which parsers would normalise) as
    /// character references.
    static func escape(_ text: String, to output: inout [UInt8]) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): output.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): output.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): output.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\t"), UInt8(ascii: "\n"): output.append(byte)
            case 0..<0x20, 0x7F:
                let digits = Array("0123456789ABCDEF".utf8)
                output.append(contentsOf: "&#x".utf8)
                if byte >= 0x10 { output.append(digits[Int(byte >> 4)]) }
                output.append(digits[Int(byte & 0x0F)])
                output.append(UInt8(ascii: ";"))
            default: output.append(byte)
            }
        }
    }
}
