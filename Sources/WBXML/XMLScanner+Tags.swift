extension XMLScanner {
    /// `<Name attributes…>` or `<Name …/>` (XML 1.0 §3.1); returns the element when it is the root
    /// and closes at once.
    mutating func startTag() throws(WBXMLError) -> WBXMLElement? {
        let start = index
        index += 1
        let name = try xmlName()
        var namespace: String?
        var isOpaque = false
        while true {
            let hadSpace = skipSpaces()
            guard index < bytes.count else { throw WBXMLError(.truncated, at: index) }
            if bytes[index] == UInt8(ascii: ">") || hasPrefix("/>") { break }
            guard hadSpace else { throw fail("expected whitespace before an attribute") }
            let attributeStart = index
            let attribute = try xmlName()
            skipSpaces()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else {
                throw fail("expected = after \(attribute)")
            }
            index += 1
            skipSpaces()
            let value = try attributeValue()
            switch attribute {
            case "xmlns" where namespace == nil:
                namespace = value
            case "opaque" where value == "base64" && !isOpaque:
                isOpaque = true
            default:
                throw fail("attribute \(attribute)=\"\(value)\" is not part of EAS XML", at: attributeStart)
            }
        }
        let page = try codePage(namespace, at: start)
        guard let token = page.token(forTagName: name) else {
            throw WBXMLError(.unknownTag(namespace: page.name, name: name), at: start)
        }
        let canonicalName = page.tagName(forToken: token)!
        elementCount += 1
        guard elementCount <= limits.maxElements else {
            throw WBXMLError(.elementLimitExceeded(limit: limits.maxElements), at: start)
        }
        guard stack.count < limits.maxDepth else {
            throw WBXMLError(.depthLimitExceeded(limit: limits.maxDepth), at: start)
        }
        if let parent = stack.last {
            if parent.isOpaque || !parent.textIsBlank { throw WBXMLError(.mixedContent, at: start) }
            stack[stack.count - 1].text.removeAll()
            stack[stack.count - 1].textStart = nil
        }
        if hasPrefix("/>") {
            index += 2
            let element = WBXMLElement(page.name, canonicalName, isOpaque ? .opaque([]) : .empty)
            return attach(element)
        }
        index += 1
        stack.append(OpenElement(page: page, name: canonicalName, isOpaque: isOpaque, start: start))
        return nil
    }

    /// `</Name>` closing the innermost open element; returns it when it is the root.
    mutating func endTag() throws(WBXMLError) -> WBXMLElement? {
        let start = index
        index += 2
        let name = try xmlName()
        skipSpaces()
        guard index < bytes.count else { throw WBXMLError(.truncated, at: index) }
        guard bytes[index] == UInt8(ascii: ">") else { throw fail("expected > to end </\(name)") }
        index += 1
        guard let open = stack.popLast() else { throw fail("</\(name)> closes nothing", at: start) }
        guard open.name == name else { throw fail("</\(name)> closes <\(open.name)>", at: start) }
        let content: WBXMLElement.Content
        if !open.children.isEmpty {
            content = .children(open.children)
        } else if open.isOpaque {
            guard let data = Base64.decode(open.text) else {
                throw fail("opaque content is not base64", at: open.textStart ?? start)
            }
            guard data.count <= limits.maxOpaqueLength else {
                throw WBXMLError(.opaqueTooLong(limit: limits.maxOpaqueLength), at: open.textStart ?? start)
            }
            content = .opaque(data)
        } else {
            guard let text = String(validating: open.text, as: UTF8.self) else {
                throw WBXMLError(.invalidUTF8, at: open.textStart ?? start)
            }
            content = .text(text)
        }
        return attach(WBXMLElement(open.page.name, open.name, content))
    }

    /// Adds a finished element to its parent; returns it when it is the root.
    mutating func attach(_ element: WBXMLElement) -> WBXMLElement? {
        guard !stack.isEmpty else { return element }
        stack[stack.count - 1].children.append(element)
        return nil
    }

    /// The code page of a declared namespace (`AirSync:` or `AirSync`), or of the parent.
    func codePage(_ namespace: String?, at start: Int) throws(WBXMLError) -> WBXMLCodePage {
        guard let namespace else {
            guard let parent = stack.last else { throw fail("the root element declares no xmlns", at: start) }
            return parent.page
        }
        let name = namespace.hasSuffix(":") ? String(namespace.dropLast()) : namespace
        guard let page = WBXMLCodePage.page(named: name) else {
            throw WBXMLError(.unknownNamespace(namespace), at: start)
        }
        return page
    }

    /// An unprefixed XML name of ASCII letters, digits, `_`, `-` and `.` (EAS tag names and the
    /// two attributes); a prefix (`a:b`) is refused.
    mutating func xmlName() throws(WBXMLError) -> String {
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            let isLetter = (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") || byte == 0x5F
            let isNameByte = isLetter || byte >= 0x30 && byte <= 0x39 || byte == 0x2D || byte == 0x2E
            guard index == start ? isLetter : isNameByte else { break }
            index += 1
            if index - start > 256 { throw fail("name longer than 256 characters", at: start) }
        }
        guard index < bytes.count else { throw WBXMLError(.truncated, at: index) }
        guard index > start else { throw fail("expected a name") }
        if bytes[index] == UInt8(ascii: ":") { throw fail("namespace prefixes are not part of EAS XML", at: start) }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    /// A quoted attribute value with its references resolved.
    mutating func attributeValue() throws(WBXMLError) -> String {
        guard index < bytes.count else { throw WBXMLError(.truncated, at: index) }
        let quote = bytes[index]
        guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { throw fail("expected a quoted value") }
        index += 1
        var value: [UInt8] = []
        while true {
            guard index < bytes.count else { throw WBXMLError(.truncated, at: index) }
            let byte = bytes[index]
            if byte == quote { break }
            if byte == UInt8(ascii: "<") { throw fail("< in an attribute value") }
            if byte == UInt8(ascii: "&") {
                try reference(into: &value)
            } else {
                value.append(byte)
                index += 1
            }
            if value.count > 1024 { throw fail("attribute value longer than 1024 bytes") }
        }
        index += 1
        return String(decoding: value, as: UTF8.self)
    }

    /// `&name;` or `&#…;` at `index` (XML 1.0 §4.1, §4.6), appended as UTF-8.
    mutating func reference(into output: inout [UInt8]) throws(WBXMLError) {
        let start = index
        index += 1
        guard let semicolon = bytes[index..<min(bytes.count, index + 12)].firstIndex(of: UInt8(ascii: ";")) else {
            throw fail("unterminated reference", at: start)
        }
        let body = bytes[index..<semicolon]
        index = semicolon + 1
        switch String(decoding: body, as: UTF8.self) {
        case "amp": output.append(UInt8(ascii: "&"))
        case "lt": output.append(UInt8(ascii: "<"))
        case "gt": output.append(UInt8(ascii: ">"))
        case "quot": output.append(UInt8(ascii: "\""))
        case "apos": output.append(UInt8(ascii: "'"))
        case let number where number.hasPrefix("#"):
            let isHex = number.hasPrefix("#x")
            let digits = number.dropFirst(isHex ? 2 : 1)
            guard !digits.isEmpty, let value = UInt32(digits, radix: isHex ? 16 : 10), value != 0,
                let scalar = Unicode.Scalar(value)
            else { throw fail("bad character reference &\(number);", at: start) }
            output.append(contentsOf: String(Character(scalar)).utf8)
        case let name:
            throw fail("unknown entity &\(name);", at: start)
        }
    }

    /// Skips whitespace; whether there was any.
    @discardableResult
    mutating func skipSpaces() -> Bool {
        let start = index
        while index < bytes.count && isSpace(bytes[index]) { index += 1 }
        return index > start
    }
}
