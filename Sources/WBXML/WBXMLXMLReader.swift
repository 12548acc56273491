/// Reads the XML form of an EAS body (what `WBXMLElement.xml()` and libwbxml's `wbxml2xml` write)
/// back into an element tree: pure Swift, bounded by `WBXMLLimits`, linear, and total. It accepts a
/// restricted XML: an optional declaration, comments and a DOCTYPE without internal subset;
/// unprefixed elements whose namespace is a default `xmlns` (`AirSync:` or `AirSync`); no other
/// attribute but `opaque="base64"`; the five predefined entities and character references; CDATA.
/// Every element must be a tag of its namespace's code page. Whitespace between child elements is
/// ignored; the text of a leaf element is kept exactly.
public struct WBXMLXMLReader: Sendable {
    public let limits: WBXMLLimits

    public init(limits: WBXMLLimits = .default) {
        self.limits = limits
    }

    public func read(_ xml: String) throws(WBXMLError) -> WBXMLElement {
        try read(Array(xml.utf8))
    }

    public func read(_ xml: [UInt8]) throws(WBXMLError) -> WBXMLElement {
        guard xml.count <= limits.maxDocumentSize else {
            throw WBXMLError(.documentTooLarge(limit: limits.maxDocumentSize), at: limits.maxDocumentSize)
        }
        var scanner = XMLScanner(bytes: xml, limits: limits)
        return try scanner.document()
    }
}

/// The state of one read: the input, the position, and the open elements.
struct XMLScanner {
    struct OpenElement {
        let page: WBXMLCodePage
        let name: String
        let isOpaque: Bool
        let start: Int
        var children: [WBXMLElement] = []
        var text: [UInt8] = []
        var textStart: Int?
        var textIsBlank = true
    }

    let bytes: [UInt8]
    let limits: WBXMLLimits
    var index = 0
    var stack: [OpenElement] = []
    var elementCount = 0

    init(bytes: [UInt8], limits: WBXMLLimits) {
        self.bytes = bytes
        self.limits = limits
    }

    func fail(_ what: String, at offset: Int? = nil) -> WBXMLError {
        WBXMLError(.malformedXML(what), at: offset ?? index)
    }

    /// document ::= prolog element Misc* (XML 1.0 §2.1), restricted as the reader's summary says.
    mutating func document() throws(WBXMLError) -> WBXMLElement {
        if hasPrefix([0xEF, 0xBB, 0xBF]) { index += 3 }
        if hasPrefix("<?xml") { try skip(past: "?>", what: "XML declaration") }
        try skipMisc(allowDoctype: true)
        guard index < bytes.count, bytes[index] == UInt8(ascii: "<") else { throw fail("expected the root element") }
        var root: WBXMLElement?
        while root == nil {
            guard index < bytes.count else { throw WBXMLError(.truncated, at: index) }
            if bytes[index] == UInt8(ascii: "<") {
                root = try markup()
            } else {
                try characterData()
            }
        }
        try skipMisc(allowDoctype: false)
        guard index == bytes.count else { throw fail("content after the root element") }
        return root!
    }

    /// Whitespace, comments and processing instructions (and one DOCTYPE before the root).
    mutating func skipMisc(allowDoctype: Bool) throws(WBXMLError) {
        while index < bytes.count {
            if isSpace(bytes[index]) {
                index += 1
            } else if hasPrefix("<!--") {
                try skip(past: "-->", what: "comment")
            } else if hasPrefix("<?") {
                try skip(past: "?>", what: "processing instruction")
            } else if allowDoctype && hasPrefix("<!DOCTYPE") {
                let start = index
                while index < bytes.count && bytes[index] != UInt8(ascii: ">") {
                    if bytes[index] == UInt8(ascii: "[") { throw fail("DOCTYPE internal subset", at: start) }
                    index += 1
                }
                guard index < bytes.count else { throw WBXMLError(.truncated, at: index) }
                index += 1
            } else {
                return
            }
        }
    }

    /// Markup at `index` (`<`…); returns the root element when this closes it.
    mutating func markup() throws(WBXMLError) -> WBXMLElement? {
        if hasPrefix("</") { return try endTag() }
        if hasPrefix("<!--") {
            try skip(past: "-->", what: "comment")
        } else if hasPrefix("<![CDATA[") {
            guard !stack.isEmpty else { throw fail("CDATA outside the root element") }
            let start = index
            index += 9
            guard let end = find("]]>") else { throw WBXMLError(.truncated, at: bytes.count) }
            try appendText(bytes[index..<end], at: start)
            index = end + 3
        } else if hasPrefix("<?") {
            try skip(past: "?>", what: "processing instruction")
        } else if hasPrefix("<!") {
            throw fail("unexpected markup declaration")
        } else {
            return try startTag()
        }
        return nil
    }

    /// Text between markup, with its references resolved.
    mutating func characterData() throws(WBXMLError) {
        let start = index
        var text: [UInt8] = []
        while index < bytes.count && bytes[index] != UInt8(ascii: "<") {
            if bytes[index] == UInt8(ascii: "&") {
                try reference(into: &text)
            } else {
                text.append(bytes[index])
                index += 1
            }
            if text.count > limits.maxStringLength {
                throw WBXMLError(.stringTooLong(limit: limits.maxStringLength), at: start)
            }
        }
        guard !stack.isEmpty else {
            guard text.allSatisfy(isSpace) else { throw fail("text outside the root element", at: start) }
            return
        }
        try appendText(text[...], at: start)
    }

    mutating func appendText(_ text: ArraySlice<UInt8>, at start: Int) throws(WBXMLError) {
        let top = stack.count - 1
        let blank = text.allSatisfy(isSpace)
        if !stack[top].children.isEmpty && !blank { throw WBXMLError(.mixedContent, at: start) }
        guard stack[top].text.count + text.count <= limits.maxStringLength else {
            throw WBXMLError(.stringTooLong(limit: limits.maxStringLength), at: start)
        }
        stack[top].text.append(contentsOf: text)
        if stack[top].textStart == nil { stack[top].textStart = start }
        stack[top].textIsBlank = stack[top].textIsBlank && blank
    }

    func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    func hasPrefix(_ prefix: String) -> Bool {
        hasPrefix(Array(prefix.utf8))
    }

    func hasPrefix(_ prefix: [UInt8]) -> Bool {
        bytes.count - index >= prefix.count && bytes[index..<index + prefix.count].elementsEqual(prefix)
    }

    /// The index where `terminator` next starts, from `index` on.
    func find(_ terminator: String) -> Int? {
        let pattern = Array(terminator.utf8)
        var candidate = index
        while candidate + pattern.count <= bytes.count {
            guard let first = bytes[candidate...].firstIndex(of: pattern[0]) else { return nil }
            if first + pattern.count <= bytes.count && bytes[first..<first + pattern.count].elementsEqual(pattern) {
                return first
            }
            candidate = first + 1
        }
        return nil
    }

    mutating func skip(past terminator: String, what: String) throws(WBXMLError) {
        guard let end = find(terminator) else { throw WBXMLError(.truncated, at: bytes.count) }
        index = end + terminator.utf8.count
    }
}
