import Testing

@testable import DAVXML

struct XMLElementTests {
    @Test func childLookupByName() throws {
        let root = try XMLDocument.parse(
            #"<d:prop xmlns:d="DAV:" xmlns:x="urn:x"><d:a>1</d:a><x:a>2</x:a><d:a>3</d:a></d:prop>"#)
        #expect(root.child(.dav("a"))?.text == "1")
        #expect(root.children(.dav("a")).map(\.text) == ["1", "3"])
        #expect(root.child(XMLName("urn:x", "a"))?.text == "2")
        #expect(root.child(.dav("missing")) == nil)
    }

    @Test func clarkNotationAndOrder() {
        #expect(XMLName.dav("getetag").description == "{DAV:}getetag")
        #expect(XMLName("", "plain").description == "plain")
        #expect(XMLName("DAV:", "b") < XMLName("urn:a", "a"))
        #expect(XMLName("DAV:", "a") < XMLName("DAV:", "b"))
    }

    @Test func fragmentDeclaresEveryNamespaceOnItsRoot() throws {
        let root = try XMLDocument.parse(
            #"<D:prop xmlns:D="DAV:"><R:box xmlns:R="urn:box" R:k="v" xml:lang="en" plain="p">"#
                + #"<D:href>/a&amp;b</D:href><S:x xmlns:S="urn:s"/><none xmlns=""/></R:box></D:prop>"#)
        let box = try #require(root.children.first)
        #expect(
            box.fragment
                == #"<x1:box xmlns:x1="urn:box" xmlns:d="DAV:" xmlns:x2="urn:s" plain="p" xml:lang="en" x1:k="v">"#
                + "<d:href>/a&amp;b</d:href><x2:x/><none/></x1:box>")
        #expect(try XMLDocument.parse(box.fragment) == box)
    }

    @Test func fragmentsOfTheRFCBodiesParseBackEqual() throws {
        for body in [
            RFCBodies.propfindNamed, RFCBodies.propfindPropname, RFCBodies.propfindAllprop, RFCBodies.calendarQuery,
            RFCBodies.syncCollection,
        ] {
            let root = try XMLDocument.parse(body)
            #expect(try XMLDocument.parse(root.fragment) == root)
            for child in root.children { #expect(try XMLDocument.parse(child.fragment) == child) }
        }
    }

    @Test func fragmentKeepsTextExactly() throws {
        let element = XMLElement(
            XMLName("urn:x", "note"), attributes: [XMLName("", "a"): " \t\n\r\"'<&>"],
            text: "line 1\r\nline 2 & <3> ]]>")
        #expect(try XMLDocument.parse(element.fragment) == element)
    }

    @Test func fragmentInsideAnotherDocumentParsesBackEqual() throws {
        let stored = try XMLDocument.parse(
            #"<A:order xmlns:A="http://apple.com/ns/ical/" xmlns:B="urn:b" B:k="1">7<B:n>x</B:n></A:order>"#)
        var writer = XMLWriter()
        writer.start(.dav("multistatus"))
        writer.start(.dav("response"))
        writer.start(.dav("propstat"))
        writer.start(.dav("prop"))
        writer.fragment(stored.fragment)
        writer.empty(XMLName("urn:b", "after"))
        let root = try XMLDocument.parse(writer.bytes)
        let prop = try #require(root.child(.dav("response"))?.child(.dav("propstat"))?.child(.dav("prop")))
        #expect(prop.children == [stored, XMLElement(XMLName("urn:b", "after"))])
    }
}
