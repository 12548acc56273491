import Testing
import WBXML

/// Hand-encoded bodies decode to their trees, the same whether fed whole, byte by byte or split
/// at random points; every proper prefix of a body is reported as truncated where it ends.
struct WBXMLDecoderTests {
    @Test(arguments: AnnotatedBodies.all.map(\.name))
    func annotatedBodyDecodesToItsTree(name: String) throws {
        let body = try #require(AnnotatedBodies.all.first { $0.name == name })
        #expect(try WBXMLDecoder().decode(body.bytes) == body.tree)
    }

    @Test func blogExampleSwitchesToAirSyncBaseInsideOptions() throws {
        let tree = try WBXMLDecoder().decode(AnnotatedBodies.blogSyncRequest)
        let preference = try #require(
            tree.child("Collections")?.child("Collection")?.child("Options")?.child("BodyPreference"))
        #expect(preference.namespace == "AirSyncBase")
        #expect(preference.child("TruncationSize")?.text == "32768")
        #expect(preference.child("Type")?.text == "1")
    }

    @Test(arguments: AnnotatedBodies.all.map(\.name))
    func wholeByteByByteAndRandomSplitsAgree(name: String) throws {
        let body = try #require(AnnotatedBodies.all.first { $0.name == name })
        #expect(Outcome.whole(body.bytes) == .tree(body.tree))
        #expect(Outcome.byteByByte(body.bytes) == .tree(body.tree))
        var generator = SplitMix64(state: UInt64(body.bytes.count))
        for _ in 0..<200 {
            #expect(Outcome.randomSplits(body.bytes, generator: &generator) == .tree(body.tree))
        }
    }

    @Test(arguments: AnnotatedBodies.all.map(\.name))
    func everyProperPrefixIsTruncatedWhereItEnds(name: String) throws {
        let body = try #require(AnnotatedBodies.all.first { $0.name == name })
        for length in 0..<body.bytes.count {
            let prefix = Array(body.bytes[..<length])
            let expected = Outcome.failure(WBXMLError(.truncated, at: length))
            #expect(Outcome.whole(prefix) == expected, "prefix of \(length) bytes")
            #expect(Outcome.byteByByte(prefix) == expected, "prefix of \(length) bytes, byte by byte")
        }
    }

    @Test func adjacentStringsOfOneElementJoin() throws {
        // SyncKey: STR_I "ab", STR_I "", STR_I "c" → "abc" (WBXML 1.3 §5.8.4: content is a sequence).
        let bytes =
            AnnotatedBodies.header + [
                0x00, 0x07, 0x56, 0x52, 0x03, 0x61, 0x62, 0x00, 0x03, 0x00, 0x03, 0x63, 0x00, 0x01, 0x01,
            ]
        let tree = try WBXMLDecoder().decode(bytes)
        #expect(tree.child("SyncKey")?.content == .text("abc"))
    }

    @Test func contentBitWithoutContentIsAnEmptyElement() throws {
        // FolderSync with the content bit, then END at once: no children, no text.
        let tree = try WBXMLDecoder().decode(AnnotatedBodies.header + [0x00, 0x07, 0x56, 0x01])
        #expect(tree == WBXMLElement("FolderHierarchy", "FolderSync"))
    }

    @Test func emptyInlineStringIsEmptyText() throws {
        let tree = try WBXMLDecoder().decode(AnnotatedBodies.header + [0x00, 0x07, 0x56, 0x52, 0x03, 0x00, 0x01, 0x01])
        #expect(tree.child("SyncKey")?.content == .text(""))
    }

    @Test func stringTableReferencesResolve() throws {
        // WBXML 1.3 §5.7: a string table "ab\0cd\0"; SyncKey is STR_T 3 ("cd").
        let bytes: [UInt8] = [
            0x03, 0x01, 0x6A,
            0x06, 0x61, 0x62, 0x00, 0x63, 0x64, 0x00,  // string table, 6 bytes
            0x00, 0x07, 0x56, 0x52,
            0x83, 0x03,  // STR_T offset 3
            0x01, 0x01,
        ]
        #expect(
            try WBXMLDecoder().decode(bytes)
                == WBXMLElement(
                    "FolderHierarchy", "FolderSync", children: [WBXMLElement("FolderHierarchy", "SyncKey", text: "cd")])
        )
        #expect(Outcome.byteByByte(bytes) == Outcome.whole(bytes))
    }

    @Test func aLongStringFedByteByByteDecodes() throws {
        // 200,000 bytes of text fed one at a time: the NUL search resumes instead of restarting.
        let text = [UInt8](repeating: 0x61, count: 200_000)
        let bytes = AnnotatedBodies.header + [0x00, 0x07, 0x56, 0x52, 0x03] + text + [0x00, 0x01, 0x01]
        guard case .tree(let tree) = Outcome.byteByByte(bytes) else {
            Issue.record("did not decode")
            return
        }
        #expect(tree.child("SyncKey")?.text?.utf8.count == 200_000)
    }
}
