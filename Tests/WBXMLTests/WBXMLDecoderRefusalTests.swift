import Testing
import WBXML

/// Every malformed body and every limit is refused with its own error and offset, the same however
/// the input is split.
struct WBXMLDecoderRefusalTests {
    private let header = AnnotatedBodies.header

    /// Decodes whole, byte by byte and split at random, and expects `reason` at `offset` every time.
    private func expectRefusal(
        _ bytes: [UInt8], _ reason: WBXMLError.Reason, at offset: Int, limits: WBXMLLimits = .default,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let expected = Outcome.failure(WBXMLError(reason, at: offset))
        #expect(Outcome.whole(bytes, limits: limits) == expected, sourceLocation: sourceLocation)
        #expect(Outcome.byteByByte(bytes, limits: limits) == expected, sourceLocation: sourceLocation)
        var generator = SplitMix64(state: UInt64(bytes.count))
        for _ in 0..<20 {
            #expect(
                Outcome.randomSplits(bytes, limits: limits, generator: &generator) == expected,
                sourceLocation: sourceLocation)
        }
    }

    @Test func badHeaderFields() {
        expectRefusal([0x02, 0x01, 0x6A, 0x00, 0x45, 0x01], .unsupportedVersion(0x02), at: 0)
        expectRefusal([0x03, 0x00, 0x00, 0x6A, 0x00], .unsupportedPublicID(0), at: 1)
        expectRefusal([0x03, 0x01, 0x04, 0x00, 0x45, 0x01], .unsupportedCharset(4), at: 2)
        // Charset 0x6A written in two bytes is still 106: accepted.
        #expect(Outcome.whole([0x03, 0x01, 0x80, 0x6A, 0x00, 0x05]) == .tree(WBXMLElement("AirSync", "Sync")))
    }

    @Test func multiByteIntegerOverflow() {
        // Six bytes: longer than mb_u_int32 allows.
        expectRefusal([0x03, 0x81, 0x80, 0x80, 0x80, 0x80, 0x01], .integerOverflow, at: 1)
        // Five bytes worth 2^32: past UInt32.
        expectRefusal([0x03, 0x01, 0x6A, 0x90, 0x80, 0x80, 0x80, 0x00], .integerOverflow, at: 3)
        // OPAQUE length 2^32 + 5.
        expectRefusal(
            header + [0x00, 0x15, 0x45, 0x50, 0xC3, 0x90, 0x80, 0x80, 0x80, 0x05], .integerOverflow, at: 9)
        // 2^32 − 1 reads, and is then above the opaque limit.
        expectRefusal(
            header + [0x00, 0x15, 0x45, 0x50, 0xC3, 0x8F, 0xFF, 0xFF, 0xFF, 0x7F],
            .opaqueTooLong(limit: WBXMLLimits.default.maxOpaqueLength), at: 8)
    }

    @Test func unknownCodePageAndToken() {
        expectRefusal(header + [0x00, 0x1A, 0x45, 0x01], .unknownCodePage(26), at: 4)
        // 0x11 is not defined on AirSync (0): MS-ASWBXML §2.1.2.1.1 has no tag there.
        expectRefusal(header + [0x45, 0x51, 0x01, 0x01], .unknownToken(codePage: 0, token: 0x11), at: 5)
        // 0x3F on Find (25) is unassigned.
        expectRefusal(header + [0x00, 0x19, 0x7F, 0x01], .unknownToken(codePage: 25, token: 0x3F), at: 6)
    }

    @Test func endWithNothingOpen() {
        expectRefusal(header + [0x01], .endWithoutElement, at: 4)
        expectRefusal(header + [0x00, 0x07, 0x01], .endWithoutElement, at: 6)
    }

    @Test func trailingBytesAfterTheRoot() {
        let body = AnnotatedBodies.folderSyncRequest
        expectRefusal(body + [0x01], .trailingBytes, at: body.count)
        expectRefusal(body + [0x00, 0x07], .trailingBytes, at: body.count)
        expectRefusal(header + [0x05, 0x05], .trailingBytes, at: 5)
    }

    @Test func attributesAndTokensEASDoesNotUse() {
        expectRefusal(header + [0xC5, 0x01], .attributesNotAllowed(token: 0xC5), at: 4)
        expectRefusal(header + [0x85, 0x01], .attributesNotAllowed(token: 0x85), at: 4)
        for token: UInt8 in [0x02, 0x04, 0x40, 0x41, 0x42, 0x43, 0x44, 0x80, 0x81, 0x82, 0x84, 0xC0, 0xC1, 0xC2, 0xC4] {
            expectRefusal(header + [0x45, token, 0x01], .unsupportedToken(token), at: 5)
        }
    }

    @Test func contentOutsideElementsAndMixedContent() {
        expectRefusal(header + [0x03, 0x61, 0x00], .contentOutsideElement, at: 4)
        expectRefusal(header + [0xC3, 0x01, 0x61], .contentOutsideElement, at: 4)
        expectRefusal(header + [0x83, 0x00], .contentOutsideElement, at: 4)
        // Sync: text, then a child.
        expectRefusal(header + [0x45, 0x03, 0x61, 0x00, 0x5C, 0x01, 0x01], .mixedContent, at: 8)
        // Sync: a child, then text.
        expectRefusal(header + [0x45, 0x1C, 0x03, 0x61, 0x00, 0x01], .mixedContent, at: 6)
        // Mime: text, then opaque.
        expectRefusal(
            header + [0x00, 0x15, 0x45, 0x50, 0x03, 0x61, 0x00, 0xC3, 0x01, 0x62, 0x01, 0x01], .mixedContent, at: 11)
    }

    @Test func invalidUTF8() {
        expectRefusal(header + [0x45, 0x4B, 0x03, 0xC3, 0x28, 0x00, 0x01, 0x01], .invalidUTF8, at: 6)
        expectRefusal(header + [0x45, 0x4B, 0x03, 0xFF, 0x00, 0x01, 0x01], .invalidUTF8, at: 6)
    }

    @Test func badStringTableReferences() {
        // Table "ab" without NUL; STR_T 0 names no terminated entry, STR_T 9 is past the table.
        let table: [UInt8] = [0x03, 0x01, 0x6A, 0x02, 0x61, 0x62]
        expectRefusal(table + [0x45, 0x4B, 0x83, 0x00, 0x01, 0x01], .badStringTableReference(0), at: 8)
        expectRefusal(table + [0x45, 0x4B, 0x83, 0x09, 0x01, 0x01], .badStringTableReference(9), at: 8)
        // No table at all.
        expectRefusal(header + [0x45, 0x4B, 0x83, 0x00, 0x01, 0x01], .badStringTableReference(0), at: 6)
    }

    @Test func depthLimit() {
        let limits = WBXMLLimits(maxDepth: 3)
        // Sync › Collections › Collection is 3 deep: accepted.
        let collection = WBXMLElement("AirSync", "Collection")
        let threeDeep = WBXMLElement(
            "AirSync", "Sync", children: [WBXMLElement("AirSync", "Collections", children: [collection])])
        #expect(Outcome.whole(header + [0x45, 0x5C, 0x4F, 0x01, 0x01, 0x01], limits: limits) == .tree(threeDeep))
        // A fourth level, with or without content, is refused where it starts.
        expectRefusal(
            header + [0x45, 0x5C, 0x4F, 0x4B, 0x01, 0x01, 0x01, 0x01], .depthLimitExceeded(limit: 3), at: 7,
            limits: limits)
        expectRefusal(
            header + [0x45, 0x5C, 0x4F, 0x0B, 0x01, 0x01, 0x01], .depthLimitExceeded(limit: 3), at: 7, limits: limits)
        // The default refuses a thousand nested Collections before reaching the end.
        let deep = header + [UInt8](repeating: 0x5C, count: 1_000) + [UInt8](repeating: 0x01, count: 1_000)
        expectRefusal(deep, .depthLimitExceeded(limit: 32), at: 4 + 32)
    }

    @Test func elementCountLimit() {
        let limits = WBXMLLimits(maxElements: 3)
        expectRefusal(
            header + [0x45, 0x0B, 0x0B, 0x0B, 0x01], .elementLimitExceeded(limit: 3), at: 7, limits: limits)
    }

    @Test func stringLengthLimit() {
        let limits = WBXMLLimits(maxStringLength: 4)
        // "abcd" fits; "abcde" is refused at its STR_I, NUL or no NUL yet.
        #expect(
            Outcome.whole(header + [0x45, 0x4B, 0x03, 0x61, 0x62, 0x63, 0x64, 0x00, 0x01, 0x01], limits: limits)
                == .tree(WBXMLElement("AirSync", "Sync", children: [WBXMLElement("AirSync", "SyncKey", text: "abcd")])))
        expectRefusal(
            header + [0x45, 0x4B, 0x03, 0x61, 0x62, 0x63, 0x64, 0x65, 0x00, 0x01, 0x01], .stringTooLong(limit: 4),
            at: 6, limits: limits)
        expectRefusal(
            header + [0x45, 0x4B, 0x03, 0x61, 0x62, 0x63, 0x64, 0x65], .stringTooLong(limit: 4), at: 6, limits: limits)
        // Two strings of 3 in one element: 6 bytes of text.
        expectRefusal(
            header + [0x45, 0x4B, 0x03, 0x61, 0x62, 0x63, 0x00, 0x03, 0x61, 0x62, 0x63, 0x00, 0x01, 0x01],
            .stringTooLong(limit: 4), at: 11, limits: limits)
    }

    @Test func opaqueLengthLimit() {
        let limits = WBXMLLimits(maxOpaqueLength: 2)
        expectRefusal(
            header + [0x00, 0x15, 0x45, 0x50, 0xC3, 0x03, 0x61, 0x62, 0x63, 0x01, 0x01], .opaqueTooLong(limit: 2),
            at: 8, limits: limits)
        // Refused from the length alone, before the data arrives.
        expectRefusal(header + [0x00, 0x15, 0x45, 0x50, 0xC3, 0x03], .opaqueTooLong(limit: 2), at: 8, limits: limits)
    }

    @Test func documentSizeLimit() {
        let limits = WBXMLLimits(maxDocumentSize: 10)
        let body = AnnotatedBodies.folderSyncRequest
        expectRefusal(body, .documentTooLarge(limit: 10), at: 10, limits: limits)
        #expect(
            Outcome.whole(body, limits: WBXMLLimits(maxDocumentSize: body.count))
                == .tree(
                    AnnotatedBodies.folderSyncRequestTree))
        // A fault before the limit is reported, not the size.
        expectRefusal(header + [0x01] + [UInt8](repeating: 0, count: 20), .endWithoutElement, at: 4, limits: limits)
    }

    @Test func emptyAndHeaderOnlyInputsAreTruncated() {
        expectRefusal([], .truncated, at: 0)
        expectRefusal(header, .truncated, at: 4)
        expectRefusal(header + [0x00, 0x07], .truncated, at: 6)
    }

    @Test func aFailedDecoderKeepsFailing() {
        var decoder = WBXMLDecoder()
        #expect(throws: WBXMLError(.unsupportedVersion(1), at: 0)) { try decoder.feed([0x01]) }
        #expect(throws: WBXMLError(.unsupportedVersion(1), at: 0)) { try decoder.feed(AnnotatedBodies.header) }
        #expect(throws: WBXMLError(.unsupportedVersion(1), at: 0)) { try decoder.finish() }
    }
}
