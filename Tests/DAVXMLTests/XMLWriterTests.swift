import Testing

@testable import DAVXML

struct XMLWriterTests {
    private static let declaration = #"<?xml version="1.0" encoding="utf-8"?>"# + "\n"
    private static let rootDeclarations =
        #" xmlns:cal="urn:ietf:params:xml:ns:caldav" xmlns:card="urn:ietf:params:xml:ns:carddav""#
        + #" xmlns:cs="http://calendarserver.org/ns/" xmlns:d="DAV:" xmlns:ical="http://apple.com/ns/ical/""#

    private func string(_ writer: XMLWriter) -> String {
        String(decoding: writer.bytes, as: UTF8.self)
    }

    @Test func multistatusIsWrittenExactly() {
        var writer = XMLWriter()
        writer.start(.dav("multistatus"))
        writer.start(.dav("response"))
        writer.element(.dav("href"), text: "/dav/calendars/alice/default/a.ics")
        writer.start(.dav("propstat"))
        writer.start(.dav("prop"))
        writer.element(.dav("getetag"), text: #""17""#)
        writer.empty(XMLName(Namespaces.calDAV, "calendar-data"))
        writer.end()
        writer.element(.dav("status"), text: "HTTP/1.1 200 OK")
        writer.end()
        writer.end()
        writer.end()
        let expected =
            Self.declaration + "<d:multistatus" + Self.rootDeclarations + "><d:response>"
            + "<d:href>/dav/calendars/alice/default/a.ics</d:href><d:propstat><d:prop>"
            + #"<d:getetag>"17"</d:getetag><cal:calendar-data/></d:prop><d:status>HTTP/1.1 200 OK</d:status>"#
            + "</d:propstat></d:response></d:multistatus>"
        #expect(string(writer) == expected)
    }

    @Test func bytesClosesOpenElementsWithoutEndingTheDocument() {
        var writer = XMLWriter(prefixes: [Namespaces.dav: "D"])
        writer.start(.dav("multistatus"))
        writer.start(.dav("response"))
        #expect(
            string(writer) == Self.declaration
                + #"<D:multistatus xmlns:D="DAV:"><D:response></D:response></D:multistatus>"#)
        writer.element(.dav("href"), text: "/x")
        #expect(string(writer).hasSuffix("<D:response><D:href>/x</D:href></D:response></D:multistatus>"))
    }

    @Test func textIsEscaped() {
        var writer = XMLWriter(prefixes: [:])
        writer.element(XMLName("", "a"), text: #"a & b < c > d "e" 'f' ]]> g"# + "\r\n")
        #expect(string(writer) == Self.declaration + #"<a>a &amp; b &lt; c &gt; d "e" 'f' ]]&gt; g&#13;"# + "\n</a>")
    }

    @Test func attributeValuesAreEscaped() {
        var writer = XMLWriter(prefixes: [:])
        writer.empty(XMLName("", "a"), attributes: [(XMLName("", "v"), "x\"&<>\t\n\r'y")])
        #expect(string(writer) == Self.declaration + #"<a v="x&quot;&amp;&lt;&gt;&#9;&#10;&#13;'y"/>"#)
    }

    @Test func charactersNotAllowedInXMLAreReplaced() throws {
        var writer = XMLWriter()
        writer.element(
            XMLName(Namespaces.calDAV, "calendar-data"),
            text: "A\u{0}B\u{1}C\u{B}\u{1F}D\u{FFFE}\u{FFFF}\u{EFFF}\u{7F}é")
        let text = "A\u{FFFD}B\u{FFFD}C\u{FFFD}\u{FFFD}D\u{FFFD}\u{FFFD}\u{EFFF}\u{7F}é"
        #expect(string(writer).hasSuffix(">\(text)</cal:calendar-data>"))
        #expect(try XMLDocument.parse(writer.bytes).text == text)
    }

    @Test func otherNamespacesAreDeclaredWhereUsedAndStayInScope() throws {
        var writer = XMLWriter()
        writer.start(.dav("prop"))
        writer.start(XMLName("urn:example:a", "box"))
        writer.element(XMLName("urn:example:a", "inner"), text: "1")
        writer.empty(XMLName("urn:example:b", "other"), attributes: [(XMLName("urn:example:a", "k"), "v")])
        writer.end()
        writer.empty(XMLName("urn:example:a", "again"))
        writer.end()
        let body = string(writer)
        #expect(
            body.hasSuffix(
                #"<x1:box xmlns:x1="urn:example:a"><x1:inner>1</x1:inner><x2:other xmlns:x2="urn:example:b" x1:k="v"/>"#
                    + #"</x1:box><x1:again xmlns:x1="urn:example:a"/></d:prop>"#))
        let root = try XMLDocument.parse(writer.bytes)
        #expect(
            root.children.map(\.name) == [XMLName("urn:example:a", "box"), XMLName("urn:example:a", "again")])
        #expect(root.children[0].children[1].attributes == [XMLName("urn:example:a", "k"): "v"])
    }

    @Test func extraPrefixesAvoidTheGivenOnes() throws {
        var writer = XMLWriter(prefixes: ["urn:taken": "x1"])
        writer.start(XMLName("urn:taken", "a"))
        writer.empty(XMLName("urn:new", "b"))
        #expect(string(writer).contains(#"<x2:b xmlns:x2="urn:new"/>"#))
        #expect(try XMLDocument.parse(writer.bytes).children.map(\.name) == [XMLName("urn:new", "b")])
    }

    @Test func parsedElementIsEchoed() throws {
        let requested = try XMLDocument.parse(#"<D:prop xmlns:D="DAV:" xmlns:R="urn:x"><R:foo/></D:prop>"#)
        var writer = XMLWriter()
        writer.start(.dav("prop"))
        for name in requested.children { writer.element(name) }
        #expect(
            string(writer) == Self.declaration + "<d:prop" + Self.rootDeclarations
                + #"><x1:foo xmlns:x1="urn:x"/></d:prop>"#)
    }

    @Test func writtenDocumentParsesBackEqual() throws {
        let tree = XMLElement(
            .dav("multistatus"),
            children: [
                XMLElement(
                    .dav("response"),
                    children: [
                        XMLElement(.dav("href"), text: "/a b/ä?&x=<1>"),
                        XMLElement(
                            XMLName(Namespaces.calDAV, "calendar-data"),
                            attributes: [
                                XMLName("", "content-type"): "text/calendar", XMLName("urn:z", "q"): "\"\t\n",
                            ],
                            text: "BEGIN:VCALENDAR\r\nSUMMARY:a & b\r\nEND:VCALENDAR\r\n"),
                        XMLElement(XMLName("", "plain"), text: "  spaced  "),
                    ])
            ])
        var writer = XMLWriter()
        writer.element(tree)
        #expect(try XMLDocument.parse(writer.bytes) == tree)
    }

    @Test func storedFragmentIsWrittenVerbatim() throws {
        let color = try XMLDocument.parse(
            #"<I:calendar-color xmlns:I="http://apple.com/ns/ical/" symbolic="red">#FF0000FF</I:calendar-color>"#)
        var writer = XMLWriter()
        writer.start(.dav("prop"))
        writer.fragment(color.fragment)
        #expect(
            string(writer) == Self.declaration + "<d:prop" + Self.rootDeclarations
                + #"><ical:calendar-color xmlns:ical="http://apple.com/ns/ical/" symbolic="red">"#
                + "#FF0000FF</ical:calendar-color></d:prop>")
        #expect(try XMLDocument.parse(writer.bytes).children == [color])
    }

    @Test func misuseDoesNotBreakTheDocument() throws {
        var writer = XMLWriter()
        writer.end()
        writer.text("outside")
        #expect(writer.bytes.isEmpty)
        writer.start(.dav("a"))
        writer.end()
        writer.end()
        #expect(try XMLDocument.parse(writer.bytes) == XMLElement(.dav("a")))
    }
}
