import Testing
import WBXML

/// The XML form reads back to the tree it was written from; libwbxml's form (declaration, DOCTYPE,
/// indentation) reads too; everything outside the restricted form is refused with an offset.
struct WBXMLXMLReaderTests {
    private func refusal(_ xml: String, limits: WBXMLLimits = .default) -> WBXMLError? {
        do {
            _ = try WBXMLXMLReader(limits: limits).read(xml)
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: AnnotatedBodies.all.map(\.name))
    func writtenXMLReadsBack(name: String) throws {
        let body = try #require(AnnotatedBodies.all.first { $0.name == name })
        #expect(try WBXMLXMLReader().read(body.tree.xml()) == body.tree)
    }

    @Test func libwbxmlOutputReads() throws {
        // wbxml2xml -l ACTIVESYNC -m 1: declaration, DOCTYPE, one element a line.
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE ActiveSync PUBLIC "-//MICROSOFT//DTD ActiveSync//EN" "http://www.microsoft.com/">
            <FolderSync xmlns="FolderHierarchy:">
             <SyncKey>0</SyncKey>
            </FolderSync>

            """
        #expect(try WBXMLXMLReader().read(xml) == AnnotatedBodies.folderSyncRequestTree)
    }

    @Test func microsoftNamespaceFormWithoutColonReads() throws {
        let xml = #"<FolderSync xmlns="FolderHierarchy"><!-- first sync --><SyncKey>0</SyncKey></FolderSync>"#
        #expect(try WBXMLXMLReader().read(xml) == AnnotatedBodies.folderSyncRequestTree)
    }

    @Test func referencesCDATAAndEmptyForms() throws {
        let xml =
            #"<Sync xmlns="AirSync:"><SyncKey>&lt;&amp;&gt;&quot;&apos;&#233;&#x1F600;<![CDATA[<x>]]></SyncKey>"#
            + #"<Class/><Status></Status><Limit opaque="base64">AAE=</Limit></Sync>"#
        let tree = try WBXMLXMLReader().read(xml)
        #expect(tree.child("SyncKey")?.text == "<&>\"'é😀<x>")
        #expect(tree.child("Class")?.content == .empty)
        #expect(tree.child("Status")?.content == .text(""))
        #expect(tree.child("Limit")?.content == .opaque([0x00, 0x01]))
    }

    @Test func leafTextKeepsItsWhitespace() throws {
        let tree = try WBXMLXMLReader().read("<Sync xmlns=\"AirSync:\">\n  <SyncKey> a\tb\n</SyncKey>\n</Sync>")
        #expect(tree.child("SyncKey")?.text == " a\tb\n")
    }

    @Test func malformedAndForeignXMLIsRefused() {
        #expect(refusal("")?.reason == .malformedXML("expected the root element"))
        #expect(refusal("<Sync>")?.reason == .malformedXML("the root element declares no xmlns"))
        #expect(refusal(#"<Sync xmlns="AirSync:">"#)?.reason == .truncated)
        #expect(refusal(#"<Sync xmlns="Nope:"/>"#)?.reason == .unknownNamespace("Nope:"))
        #expect(refusal(#"<Synch xmlns="AirSync:"/>"#)?.reason == .unknownTag(namespace: "AirSync", name: "Synch"))
        #expect(refusal(#"<a:Sync xmlns:a="AirSync:"/>"#)?.offset == 1)
        #expect(refusal(#"<Sync xmlns="AirSync:" id="1"/>"#)?.offset == 23)
        #expect(refusal(#"<Sync xmlns="AirSync:"></Class>"#)?.offset == 23)
        #expect(refusal(#"<Sync xmlns="AirSync:"/><Sync xmlns="AirSync:"/>"#)?.offset == 24)
        #expect(refusal(#"x<Sync xmlns="AirSync:"/>"#)?.offset == 0)
        #expect(refusal(#"<!DOCTYPE x [<!ENTITY e "z">]><Sync xmlns="AirSync:"/>"#)?.offset == 0)
        #expect(refusal(#"<Sync xmlns="AirSync:">&e;</Sync>"#)?.offset == 23)
        #expect(refusal(#"<Sync xmlns="AirSync:">&#0;</Sync>"#)?.offset == 23)
        #expect(refusal(#"<Sync xmlns="AirSync:">&#xD800;</Sync>"#)?.offset == 23)
        #expect(refusal(#"<Sync xmlns="AirSync:">a<Class/></Sync>"#)?.reason == .mixedContent)
        #expect(refusal(#"<Sync xmlns="AirSync:"><Class/>a</Sync>"#)?.reason == .mixedContent)
        #expect(refusal(#"<Sync xmlns="AirSync:" opaque="base64">A</Sync>"#)?.offset == 39)
    }

    @Test func invalidUTF8TextIsRefused() {
        let bytes = Array(#"<Sync xmlns="AirSync:"><SyncKey>"#.utf8) + [0xC3, 0x28] + Array("</SyncKey></Sync>".utf8)
        #expect(throws: WBXMLError(.invalidUTF8, at: 32)) { try WBXMLXMLReader().read(bytes) }
    }

    @Test func limitsApply() {
        let nested = #"<Sync xmlns="AirSync:"><Collections><Collection/></Collections></Sync>"#
        #expect(refusal(nested, limits: WBXMLLimits(maxDepth: 2))?.reason == .depthLimitExceeded(limit: 2))
        #expect(refusal(nested, limits: WBXMLLimits(maxElements: 2))?.reason == .elementLimitExceeded(limit: 2))
        #expect(
            refusal(
                #"<Sync xmlns="AirSync:"><SyncKey>12345</SyncKey></Sync>"#, limits: WBXMLLimits(maxStringLength: 4))?
                .reason == .stringTooLong(limit: 4))
        #expect(
            refusal(#"<Limit xmlns="AirSync:" opaque="base64">AAEC</Limit>"#, limits: WBXMLLimits(maxOpaqueLength: 2))?
                .reason == .opaqueTooLong(limit: 2))
        #expect(refusal(nested, limits: WBXMLLimits(maxDocumentSize: 10))?.reason == .documentTooLarge(limit: 10))
    }
}
