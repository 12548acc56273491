import Testing

@testable import DAVXML

struct XMLDocumentTests {
    private let caldav = Namespaces.calDAV

    @Test func defaultNamespaceAppliesToElementsButNotAttributes() throws {
        let root = try XMLDocument.parse(#"<propfind xmlns="DAV:" mode="x"><prop><getetag/></prop></propfind>"#)
        #expect(root.name == .dav("propfind"))
        #expect(root.attributes == [XMLName("", "mode"): "x"])
        #expect(root.child(.dav("prop"))?.children.map(\.name) == [.dav("getetag")])
    }

    @Test func prefixedNamesResolveToTheirNamespace() throws {
        let root = try XMLDocument.parse(
            #"<A:multiget xmlns:A="urn:ietf:params:xml:ns:caldav" xmlns:B="DAV:"><B:href>/a</B:href></A:multiget>"#)
        #expect(root.name == XMLName(caldav, "multiget"))
        #expect(root.child(.dav("href"))?.text == "/a")
    }

    @Test func redeclaredPrefixIsScopedToItsElement() throws {
        let root = try XMLDocument.parse(
            #"<a:x xmlns:a="urn:one"><a:y xmlns:a="urn:two"><a:w/></a:y><a:z/></a:x>"#)
        #expect(root.name == XMLName("urn:one", "x"))
        #expect(root.children.map(\.name) == [XMLName("urn:two", "y"), XMLName("urn:one", "z")])
        #expect(root.children[0].children.map(\.name) == [XMLName("urn:two", "w")])
    }

    @Test func emptyDefaultNamespaceUndeclaresIt() throws {
        let root = try XMLDocument.parse(#"<x xmlns="urn:a"><y xmlns=""/></x>"#)
        #expect(root.name == XMLName("urn:a", "x"))
        #expect(root.children.map(\.name) == [XMLName("", "y")])
    }

    @Test func attributesWithAndWithoutNamespace() throws {
        let root = try XMLDocument.parse(
            #"<C:comp xmlns:C="urn:ietf:params:xml:ns:caldav" name="VEVENT" C:novalue="yes" xml:lang="en"/>"#)
        #expect(
            root.attributes == [
                XMLName("", "name"): "VEVENT",
                XMLName(caldav, "novalue"): "yes",
                XMLName(Namespaces.xml, "lang"): "en",
            ])
    }

    @Test func attributeReferencesAreExpanded() throws {
        let root = try XMLDocument.parse(#"<a v="x&amp;y &#38;#38; &lt;&#x41;&quot;&apos;"/>"#)
        #expect(root.attributes[XMLName("", "v")] == #"x&y &#38; <A"'"#)
    }

    @Test func namespaceNamesHaveReferencesExpanded() throws {
        let root = try XMLDocument.parse(#"<a:x xmlns:a="urn:a&amp;b" xmlns="urn:c&#38;d"><y/></a:x>"#)
        #expect(root.name == XMLName("urn:a&b", "x"))
        #expect(root.children.map(\.name) == [XMLName("urn:c&d", "y")])
    }

    @Test func namespaceNamesThatAreNotURIsAreRefused() {
        for body in [#"<a:x xmlns:a="urn:a b"/>"#, #"<x xmlns="urn:a b"/>"#] {
            #expect(throws: XMLError.self) { try XMLDocument.parse(body) }
        }
    }

    @Test func undeclaredElementPrefixIsRefused() {
        #expect(throws: XMLError.undeclaredPrefix("D")) {
            try XMLDocument.parse("<D:propfind><D:allprop/></D:propfind>")
        }
    }

    @Test func undeclaredAttributePrefixIsRefused() {
        #expect(throws: XMLError.undeclaredPrefix("q")) {
            try XMLDocument.parse(#"<a xmlns="DAV:" q:x="1"/>"#)
        }
    }

    @Test func duplicateExpandedAttributeIsRefused() {
        #expect(throws: XMLError.self) {
            try XMLDocument.parse(#"<x xmlns:a="urn:u" xmlns:b="urn:u" a:k="1" b:k="2"/>"#)
        }
    }

    @Test func propfindNamedProperties() throws {
        let root = try XMLDocument.parse(RFCBodies.propfindNamed)
        let box = "http://ns.example.com/boxschema/"
        #expect(root.name == .dav("propfind"))
        #expect(root.text == "")
        #expect(
            root.child(.dav("prop"))?.children.map(\.name) == [
                XMLName(box, "bigbox"), XMLName(box, "author"), XMLName(box, "DingALing"), XMLName(box, "Random"),
            ])
    }

    @Test func propfindPropnameAndAllprop() throws {
        let propname = try XMLDocument.parse(RFCBodies.propfindPropname)
        #expect(propname == XMLElement(.dav("propfind"), children: [XMLElement(.dav("propname"))]))
        let allprop = try XMLDocument.parse(RFCBodies.propfindAllprop)
        #expect(allprop.children.map(\.name) == [.dav("allprop"), .dav("include")])
        #expect(
            allprop.child(.dav("include"))?.children.map(\.name) == [
                .dav("supported-live-property-set"), .dav("supported-report-set"),
            ])
    }

    @Test func calendarQueryWithTimeRange() throws {
        let root = try XMLDocument.parse(RFCBodies.calendarQuery)
        #expect(root.name == XMLName(caldav, "calendar-query"))
        let comp = root.child(.dav("prop"))?.child(XMLName(caldav, "calendar-data"))?.child(XMLName(caldav, "comp"))
        #expect(comp?.attributes[XMLName("", "name")] == "VCALENDAR")
        let event = comp?.children(XMLName(caldav, "comp")).first
        #expect(event?.children(XMLName(caldav, "prop")).count == 10)
        #expect(event?.children.last?.attributes[XMLName("", "name")] == "RECURRENCE-ID")
        let range = root.child(XMLName(caldav, "filter"))?.child(XMLName(caldav, "comp-filter"))?
            .child(XMLName(caldav, "comp-filter"))?.child(XMLName(caldav, "time-range"))
        #expect(
            range?.attributes == [XMLName("", "start"): "20060104T000000Z", XMLName("", "end"): "20060105T000000Z"])
    }

    @Test func syncCollection() throws {
        let root = try XMLDocument.parse(RFCBodies.syncCollection)
        #expect(root.name == .dav("sync-collection"))
        #expect(root.child(.dav("sync-token")) == XMLElement(.dav("sync-token")))
        #expect(root.child(.dav("sync-level"))?.text == "1")
        #expect(
            root.child(.dav("prop"))?.children.map(\.name) == [
                .dav("getetag"), XMLName("urn:ns.example.com:boxschema", "bigbox"),
            ])
    }

    @Test func textAndCDATAAreConcatenated() throws {
        let root = try XMLDocument.parse("<a>x &lt; y<![CDATA[<b>&amp;</b>]]>z&#x263A;&gt;</a>")
        #expect(root.text == "x < y<b>&amp;</b>z\u{263A}>")
    }

    @Test func whitespaceBetweenElementsIsDroppedButLeafTextIsKept() throws {
        let root = try XMLDocument.parse("<a>\n  <b>  two words \n</b>\n  <c>   </c>\r\n</a>")
        #expect(root.text == "")
        #expect(root.children.map(\.text) == ["  two words \n", "   "])
    }

    @Test func lineEndingsAreNormalisedAndCharacterReferencesKept() throws {
        let root = try XMLDocument.parse("<a>one\r\ntwo&#13;\n</a>")
        #expect(root.text == "one\ntwo\r\n")
    }

    @Test func byteOrderMarkIsAccepted() throws {
        let root = try XMLDocument.parse([0xEF, 0xBB, 0xBF] + Array(#"<?xml version="1.0"?><a>é</a>"#.utf8))
        #expect(root == XMLElement(XMLName("", "a"), text: "é"))
    }

    @Test func declaredLatin1IsDecoded() throws {
        // "<a>café</a>" with é as the single byte 0xE9.
        let bytes =
            Array(#"<?xml version="1.0" encoding="ISO-8859-1"?><a t=""#.utf8) + [0xE9]
            + Array(#"">caf"#.utf8) + [0xE9] + Array("</a>".utf8)
        let root = try XMLDocument.parse(bytes)
        #expect(root.text == "café")
        #expect(root.attributes[XMLName("", "t")] == "é")
    }

    @Test func utf16WithByteOrderMarkIsDecoded() throws {
        let text = #"<?xml version="1.0" encoding="UTF-16"?><d:href xmlns:d="DAV:">/ä</d:href>"#
        let bytes: [UInt8] =
            [0xFF, 0xFE] + text.utf16.flatMap { unit -> [UInt8] in [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        #expect(try XMLDocument.parse(bytes) == XMLElement(.dav("href"), text: "/ä"))
    }

    @Test func invalidUTF8IsRefused() {
        #expect(throws: XMLError.self) { try XMLDocument.parse(Array("<a>".utf8) + [0xC3, 0x28] + Array("</a>".utf8)) }
    }

    @Test func everyProperPrefixOfADocumentIsRefused() throws {
        let bytes = Array(RFCBodies.calendarQuery.utf8)
        #expect(try XMLDocument.parse(bytes).name == XMLName(caldav, "calendar-query"))
        for length in 0..<bytes.count {
            #expect(throws: XMLError.self) { try XMLDocument.parse(bytes[0..<length]) }
        }
    }

    @Test func nonContiguousCollectionsParse() throws {
        let root = try XMLDocument.parse(RFCBodies.propfindAllprop.utf8)
        #expect(root.name == .dav("propfind"))
    }

    @Test func concurrentParsesAreIndependent() async throws {
        let expected = try XMLDocument.parse(RFCBodies.calendarQuery)
        let results = await withTaskGroup(of: Bool.self) { group in
            for task in 0..<8 {
                group.addTask {
                    for round in 0..<50 {
                        let body = (task + round) % 2 == 0 ? RFCBodies.calendarQuery : "<a><b></a>"
                        let root = try? XMLDocument.parse(body)
                        if body == RFCBodies.calendarQuery ? root != expected : root != nil { return false }
                    }
                    return true
                }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(results == Array(repeating: true, count: 8))
    }
}
