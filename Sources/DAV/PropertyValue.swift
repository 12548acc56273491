import DAVXML

/// The value of a property in a response.
enum PropertyValue: Sendable {
    case text(String)
    case href(String)
    case hrefs([String])
    /// An element with no content, e.g. `<getctag/>` never; used for flags.
    case empty
    /// A stored XML fragment (a dead or client-set property), written back verbatim.
    case fragment(String)
    /// Child elements, written by a closure.
    case xml(@Sendable (inout XMLWriter) -> Void)

    /// Writes `<name>value</name>`.
    func write(_ name: XMLName, to writer: inout XMLWriter) {
        switch self {
        case .text(let text):
            writer.element(name, text: text)
        case .href(let href):
            writer.start(name)
            writer.element(DAVNames.href, text: href)
            writer.end()
        case .hrefs(let hrefs):
            writer.start(name)
            for href in hrefs { writer.element(DAVNames.href, text: href) }
            writer.end()
        case .empty:
            writer.empty(name)
        case .fragment(let xml):
            writer.fragment(xml)
        case .xml(let content):
            writer.start(name)
            content(&writer)
            writer.end()
        }
    }
}
