/// A streamed XML writer that appends UTF-8 to one buffer, for WebDAV `multistatus` bodies (RFC 4918 §14.16)
/// and other responses.
///
/// Names are written with prefixes only, never with a default namespace, so an unprefixed name is always in no
/// namespace. The prefixes given at `init` are declared once on the root element; any other namespace is
/// declared (`x1`, `x2`, …) on the element where it is first needed and stays in scope below it
/// (XML Namespaces 1.0 §6.1). Text and attribute values are escaped, and characters XML 1.0 §2.2 does not allow
/// are written as U+FFFD.
public struct XMLWriter: Sendable {
    /// `DAV:` → `d`, CalDAV → `cal`, CardDAV → `card`, calendarserver.org → `cs`, Apple iCal → `ical`.
    public static let standardPrefixes: [String: String] = [
        Namespaces.dav: "d",
        Namespaces.calDAV: "cal",
        Namespaces.cardDAV: "card",
        Namespaces.calendarServer: "cs",
        Namespaces.appleICal: "ical",
    ]

    static let xmlDeclaration = Array(#"<?xml version="1.0" encoding="utf-8"?>"#.utf8) + [0x0A]

    var buffer: [UInt8] = []
    /// Namespace → prefix for the namespaces declared on the root.
    let rootPrefixes: [String: [UInt8]]
    /// ` xmlns:d="DAV:"…`, written on the root.
    let rootDeclarations: [UInt8]
    let writesXMLDeclaration: Bool
    var started = false
    /// The open elements, innermost last: a cached tag's index (`>= 0`), or `-1 - start` where the element's
    /// qualified name starts in `openNames`.
    var openTags: [Int] = []
    /// The qualified names of the open elements that are not cached tags, concatenated.
    var openNames: [UInt8] = []
    /// Names in no namespace or in a root-declared one, with their `<qname` and `</qname>` bytes: a multistatus
    /// repeats a handful of names thousands of times.
    var cachedNames: [XMLName] = []
    var cachedTags: [(open: [UInt8], close: [UInt8])] = []
    /// Namespaces declared on an open element below the root, with the depth that declared them.
    var scopedPrefixes: [(namespace: String, prefix: [UInt8], depth: Int)] = []
    /// The `xN` prefix each other namespace gets, kept for the whole document.
    var extraPrefixes: [String: [UInt8]] = [:]
    var nextExtraPrefix = 1
    /// The namespace last found in `rootPrefixes`, and its prefix.
    var lastRootNamespace = ""
    var lastRootPrefix: [UInt8] = []

    /// - Parameter prefixes: namespace name → prefix, each declared on the root element. Empty prefixes and
    ///   prefixes starting with `xml` (reserved by XML Namespaces 1.0 §3) are ignored.
    public init(prefixes: [String: String] = XMLWriter.standardPrefixes) {
        let ordered = prefixes.map { (namespace: $0.key, prefix: $0.value) }.sorted { $0.prefix < $1.prefix }
        self.init(orderedPrefixes: ordered, xmlDeclaration: true)
    }

    /// Declares `orderedPrefixes` on the root in this order; writes no XML declaration when `xmlDeclaration` is
    /// false (for fragments).
    init(orderedPrefixes: [(namespace: String, prefix: String)], xmlDeclaration: Bool) {
        var prefixes: [String: [UInt8]] = [:]
        var declarations: [UInt8] = []
        for (namespace, prefix) in orderedPrefixes where !namespace.isEmpty && Self.isUsablePrefix(prefix) {
            guard prefixes[namespace] == nil else { continue }
            prefixes[namespace] = Array(prefix.utf8)
            Self.appendDeclaration(prefix: Array(prefix.utf8), namespace: namespace, to: &declarations)
        }
        self.rootPrefixes = prefixes
        self.rootDeclarations = declarations
        self.writesXMLDeclaration = xmlDeclaration
    }

    private static func isUsablePrefix(_ prefix: String) -> Bool {
        !prefix.isEmpty && !prefix.lowercased().hasPrefix("xml")
    }

    /// Reserves room for `count` more bytes, such as 256 per `response` of a multistatus.
    public mutating func reserveCapacity(_ count: Int) {
        buffer.reserveCapacity(buffer.count + count)
    }

    /// The document so far, with every element still open closed.
    public var bytes: [UInt8] {
        guard !openTags.isEmpty else { return buffer }
        var closed = buffer
        var end = openNames.count
        for tag in openTags.reversed() {
            if tag >= 0 {
                closed.append(contentsOf: cachedTags[tag].close)
            } else {
                Self.appendEndTag(openNames[(-1 - tag)..<end], to: &closed)
                end = -1 - tag
            }
        }
        return closed
    }

    /// Opens an element. The first one is the root: before it come the XML declaration, and on it the
    /// declarations of the prefixes given at `init`.
    public mutating func start(_ name: XMLName, attributes: [(XMLName, String)] = []) {
        if attributes.isEmpty, let index = cachedTag(name) {
            buffer.append(contentsOf: cachedTags[index].open)
            buffer.append(UInt8(ascii: ">"))
            openTags.append(index)
            return
        }
        let nameStart = openNames.count
        openTag(name, attributes: attributes)
        openTags.append(-1 - nameStart)
        buffer.append(UInt8(ascii: ">"))
    }

    /// Closes the innermost open element; does nothing when none is open.
    public mutating func end() {
        guard let tag = openTags.popLast() else { return }
        guard tag < 0 else { return buffer.append(contentsOf: cachedTags[tag].close) }
        let start = -1 - tag
        buffer.append(UInt8(ascii: "<"))
        buffer.append(UInt8(ascii: "/"))
        openNames.withUnsafeBufferPointer { buffer.append(contentsOf: UnsafeBufferPointer(rebasing: $0[start...])) }
        buffer.append(UInt8(ascii: ">"))
        openNames.removeLast(openNames.count - start)
        let depth = openTags.count + 1
        while let last = scopedPrefixes.last, last.depth == depth { scopedPrefixes.removeLast() }
    }

    /// `<name>text</name>`, with the text escaped.
    public mutating func element(_ name: XMLName, text: String) {
        if writeLeaf(name, text: text) { return }
        start(name)
        self.text(text)
        end()
    }

    /// `<name/>`.
    public mutating func empty(_ name: XMLName, attributes: [(XMLName, String)] = []) {
        if attributes.isEmpty, let index = cachedTag(name) {
            buffer.append(contentsOf: cachedTags[index].open)
            buffer.append(UInt8(ascii: "/"))
            buffer.append(UInt8(ascii: ">"))
            return
        }
        let depth = openTags.count + 1
        let nameStart = openNames.count
        openTag(name, attributes: attributes)
        openNames.removeLast(openNames.count - nameStart)
        buffer.append(UInt8(ascii: "/"))
        buffer.append(UInt8(ascii: ">"))
        while let last = scopedPrefixes.last, last.depth == depth { scopedPrefixes.removeLast() }
    }

    /// Character data inside the innermost open element: `&`, `<`, `>` and CR are escaped, characters not
    /// allowed in XML 1.0 become U+FFFD. Does nothing when no element is open.
    public mutating func text(_ text: String) {
        guard !openTags.isEmpty else { return }
        XMLEscaping.append(text, attribute: false, to: &buffer)
    }

    /// Writes a self-contained fragment (from `XMLElement.fragment`) verbatim, such as a stored dead property
    /// (RFC 4918 §4.3).
    public mutating func fragment(_ xml: String) {
        buffer.append(contentsOf: xml.utf8)
    }

    /// Writes a parsed element with its attributes (sorted by name), text and children, declaring the namespaces
    /// it uses that are not in scope, for example to echo a requested property name (RFC 4918 §9.1).
    public mutating func element(_ element: XMLElement) {
        let attributes = element.attributes.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        guard !element.children.isEmpty || !element.text.isEmpty else {
            return empty(element.name, attributes: attributes)
        }
        start(element.name, attributes: attributes)
        if !element.text.isEmpty { text(element.text) }
        for child in element.children { self.element(child) }
        end()
    }
}
