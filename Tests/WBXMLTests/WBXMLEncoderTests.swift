import Testing
import WBXML

/// Trees encode to the hand-encoded bytes, switching code page only where the next tag needs it;
/// what the code pages cannot express is refused.
struct WBXMLEncoderTests {
    @Test(arguments: AnnotatedBodies.all.map(\.name))
    func annotatedTreeEncodesToItsBytes(name: String) throws {
        let body = try #require(AnnotatedBodies.all.first { $0.name == name })
        #expect(try WBXMLEncoder().encode(body.tree) == body.bytes)
    }

    @Test func blogExampleEncodesByteForByte() throws {
        let tree = try WBXMLDecoder().decode(AnnotatedBodies.blogSyncRequest)
        #expect(try WBXMLEncoder().encode(tree) == AnnotatedBodies.blogSyncRequest)
    }

    @Test func switchesPageOnlyWhenTheNextTagNeedsIt() throws {
        // Three Calendar siblings after an AirSyncBase one need one switch to Calendar, and END
        // never switches back.
        let tree = WBXMLElement(
            "AirSync", "ApplicationData",
            children: [
                WBXMLElement("AirSyncBase", "NativeBodyType", text: "1"),
                WBXMLElement("Calendar", "Subject"),
                WBXMLElement("Calendar", "Location"),
                WBXMLElement("Calendar", "UID"),
                WBXMLElement("AirSync", "Class"),
            ])
        let bytes = try WBXMLEncoder().encode(tree)
        #expect(
            bytes == AnnotatedBodies.header + [
                0x5D,  // ApplicationData
                0x00, 0x11, 0x56, 0x03, 0x31, 0x00, 0x01,  // AirSyncBase, NativeBodyType "1"
                0x00, 0x04, 0x26, 0x17, 0x28,  // Calendar, Subject, Location, UID (no content)
                0x00, 0x00, 0x10,  // AirSync, Class
                0x01,  // END ApplicationData
            ])
    }

    @Test func emptyChildrenAndEmptyContentAreOneToken() throws {
        let bytes = try WBXMLEncoder().encode(WBXMLElement("FolderHierarchy", "FolderSync", .children([])))
        #expect(bytes == AnnotatedBodies.header + [0x00, 0x07, 0x16])
    }

    @Test func longOpaqueDataHasAMultiByteLength() throws {
        let data = [UInt8](repeating: 0xAB, count: 300)
        let bytes = try WBXMLEncoder().encode(WBXMLElement("ComposeMail", "Mime", .opaque(data)))
        // 300 = 0b10_0101100: mb_u_int32 0x82 0x2C.
        #expect(Array(bytes.prefix(10)) == AnnotatedBodies.header + [0x00, 0x15, 0x50, 0xC3, 0x82, 0x2C])
        #expect(try WBXMLDecoder().decode(bytes) == WBXMLElement("ComposeMail", "Mime", .opaque(data)))
    }

    @Test func unknownNamespaceAndTagAreRefused() {
        #expect(throws: WBXMLError(.unknownNamespace("AirSync:"), at: nil)) {
            try WBXMLEncoder().encode(WBXMLElement("AirSync:", "Sync"))
        }
        #expect(throws: WBXMLError(.unknownTag(namespace: "AirSync", name: "Synch"), at: nil)) {
            try WBXMLEncoder().encode(WBXMLElement("AirSync", "Sync", children: [WBXMLElement("AirSync", "Synch")]))
        }
        // A tag of another page is not a tag of this one.
        #expect(throws: WBXMLError(.unknownTag(namespace: "Calendar", name: "FileAs"), at: nil)) {
            try WBXMLEncoder().encode(WBXMLElement("Calendar", "FileAs"))
        }
    }

    @Test func textWithNullIsRefused() {
        #expect(throws: WBXMLError(.textContainsNull(namespace: "AirSync", name: "SyncKey"), at: nil)) {
            try WBXMLEncoder().encode(WBXMLElement("AirSync", "SyncKey", text: "a\u{0}b"))
        }
    }

    @Test func deepTreesEncodeWithoutRecursion() throws {
        var tree = WBXMLElement("AirSync", "SyncKey", text: "x")
        for _ in 0..<1_000 { tree = WBXMLElement("AirSync", "Collections", children: [tree]) }
        let bytes = try WBXMLEncoder().encode(tree)
        #expect(bytes.count == 4 + 1_000 * 2 + 5)
        // The default decoder refuses that depth.
        #expect(Outcome.whole(bytes) == .failure(WBXMLError(.depthLimitExceeded(limit: 32), at: 4 + 32)))
    }
}
