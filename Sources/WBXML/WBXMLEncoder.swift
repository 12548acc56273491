/// Encodes an element tree as an EAS WBXML body: the EAS header (WBXML 1.3, public identifier 1,
/// UTF-8, no string table), then the tokens, switching code page only when the next tag needs
/// another page (MS-ASWBXML §2.1.2.1), which is the fewest SWITCH_PAGE tokens possible since the
/// current page persists until switched. Text is STR_I, opaque data OPAQUE.
public struct WBXMLEncoder: Sendable {
    public init() {}

    /// The body; throws for a namespace or tag name the code pages do not define, or text with U+0000.
    public func encode(_ root: WBXMLElement) throws(WBXMLError) -> [UInt8] {
        var bytes = WBXMLToken.header
        var current: UInt8 = 0
        var page = WBXMLCodePage.all[0]
        // Explicit stack of sibling lists (no recursion, whatever the depth): closing a list
        // closes the element that held it.
        var stack: [(elements: [WBXMLElement], next: Int)] = [([root], 0)]
        while let top = stack.indices.last {
            guard stack[top].next < stack[top].elements.count else {
                stack.removeLast()
                if !stack.isEmpty { bytes.append(WBXMLToken.end) }
                continue
            }
            let element = stack[top].elements[stack[top].next]
            stack[top].next += 1
            if element.namespace != page.name {
                guard let found = WBXMLCodePage.page(named: element.namespace) else {
                    throw WBXMLError(.unknownNamespace(element.namespace), at: nil)
                }
                page = found
            }
            guard let token = page.token(forTagName: element.name) else {
                throw WBXMLError(.unknownTag(namespace: element.namespace, name: element.name), at: nil)
            }
            if page.number != current {
                bytes.append(WBXMLToken.switchPage)
                bytes.append(page.number)
                current = page.number
            }
            switch element.content {
            case .empty:
                bytes.append(token)
            case .children(let children) where children.isEmpty:
                bytes.append(token)
            case .children(let children):
                bytes.append(token | WBXMLToken.contentBit)
                stack.append((children, 0))
            case .text(let text):
                var text = text
                let hasNull = text.withUTF8 { utf8 in
                    guard !utf8.contains(0) else { return true }
                    bytes.append(token | WBXMLToken.contentBit)
                    bytes.append(WBXMLToken.stringInline)
                    bytes.append(contentsOf: utf8)
                    return false
                }
                guard !hasNull else {
                    throw WBXMLError(.textContainsNull(namespace: element.namespace, name: element.name), at: nil)
                }
                bytes.append(0)
                bytes.append(WBXMLToken.end)
            case .opaque(let data):
                guard let count = UInt32(exactly: data.count) else {
                    throw WBXMLError(.opaqueTooLong(limit: Int(UInt32.max)), at: nil)
                }
                bytes.append(token | WBXMLToken.contentBit)
                bytes.append(WBXMLToken.opaque)
                MultiByteInteger.write(count, to: &bytes)
                bytes.append(contentsOf: data)
                bytes.append(WBXMLToken.end)
            }
        }
        return bytes
    }
}
