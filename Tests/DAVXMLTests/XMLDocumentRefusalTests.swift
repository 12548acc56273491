import Testing

@testable import DAVXML

struct XMLDocumentRefusalTests {
    @Test func billionLaughsIsRefusedBeforeParsing() {
        let body = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [
             <!ENTITY lol "lol">
             <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
             <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
            ]>
            <D:propfind xmlns:D="DAV:"><D:prop><D:displayname>&lol3;</D:displayname></D:prop></D:propfind>
            """
        #expect(throws: XMLError.doctypeNotAllowed) { try XMLDocument.parse(body) }
    }

    @Test func externalEntityIsRefused() {
        let body = """
            <?xml version="1.0"?>
            <!DOCTYPE foo [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
            <D:propfind xmlns:D="DAV:"><D:prop><D:displayname>&xxe;</D:displayname></D:prop></D:propfind>
            """
        #expect(throws: XMLError.doctypeNotAllowed) { try XMLDocument.parse(body) }
    }

    @Test func externalDTDIsRefused() {
        let body = #"<!doctype a SYSTEM "http://127.0.0.1:9/evil.dtd"><a/>"#
        #expect(throws: XMLError.doctypeNotAllowed) { try XMLDocument.parse(body) }
    }

    @Test func entityDeclarationWithoutDoctypeIsRefused() {
        #expect(throws: XMLError.doctypeNotAllowed) { try XMLDocument.parse(#"<a><!EnTiTy x "y"></a>"#) }
    }

    @Test func utf16DoctypeIsRefused() {
        let text = #"<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>"#
        let bytes: [UInt8] =
            [0xFE, 0xFF] + text.utf16.flatMap { unit -> [UInt8] in [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
        #expect(throws: XMLError.doctypeNotAllowed) { try XMLDocument.parse(bytes) }
    }

    @Test func undefinedEntityReferenceIsMalformed() {
        #expect {
            try XMLDocument.parse("<a>&xxe;</a>")
        } throws: { error in
            guard case .malformed(let line, _, let message) = error as? XMLError else { return false }
            return line == 1 && message.contains("xxe")
        }
    }

    @Test func nestingDeeperThanTheLimitIsRefused() throws {
        let deep = String(repeating: "<a>", count: 70) + String(repeating: "</a>", count: 70)
        #expect(throws: XMLError.tooDeep(limit: 64)) { try XMLDocument.parse(deep) }
        let atLimit = String(repeating: "<a>", count: 64) + String(repeating: "</a>", count: 64)
        #expect(try XMLDocument.parse(atLimit).name == XMLName("", "a"))
    }

    @Test func tooManyElementsIsRefused() throws {
        let body = "<r>" + String(repeating: "<a/>", count: 100_000) + "</r>"
        #expect(throws: XMLError.tooManyElements(limit: 100_000)) { try XMLDocument.parse(body) }
        var limits = XMLLimits.default
        limits.maximumElements = 3
        #expect(try XMLDocument.parse("<r><a/><a/></r>", limits: limits).children.count == 2)
        #expect(throws: XMLError.tooManyElements(limit: 3)) {
            try XMLDocument.parse("<r><a/><a/><a/></r>", limits: limits)
        }
    }

    @Test func tooManyAttributesIsRefused() throws {
        func element(_ count: Int) -> String {
            "<a " + (0..<count).map { "a\($0)=\"\($0)\"" }.joined(separator: " ") + "/>"
        }
        #expect(try XMLDocument.parse(element(64)).attributes.count == 64)
        #expect(throws: XMLError.tooManyAttributes(limit: 64)) { try XMLDocument.parse(element(65)) }
    }

    @Test func tooMuchTextIsRefused() throws {
        var limits = XMLLimits.default
        limits.maximumTextBytes = 10
        #expect(try XMLDocument.parse("<a>0123456789</a>", limits: limits).text == "0123456789")
        #expect(throws: XMLError.textTooLong(limit: 10)) {
            try XMLDocument.parse("<a>01234<![CDATA[56789]]>0</a>", limits: limits)
        }
    }

    @Test func oversizeBodyIsRefused() {
        let body = "<a>" + String(repeating: "x", count: 1 << 20) + "</a>"
        #expect(throws: XMLError.tooLarge(bytes: (1 << 20) + 7, limit: 1 << 20)) { try XMLDocument.parse(body) }
    }

    @Test func emptyBodyIsRefused() {
        #expect(throws: XMLError.empty) { try XMLDocument.parse([UInt8]()) }
        #expect(throws: XMLError.empty) { try XMLDocument.parse(" \r\n\t") }
        #expect(throws: XMLError.empty) { try XMLDocument.parse([0xEF, 0xBB, 0xBF, 0x0A]) }
    }

    @Test func truncatedDocumentIsMalformed() {
        #expect {
            try XMLDocument.parse(#"<d:propfind xmlns:d="DAV:"><d:prop><d:getetag/>"#)
        } throws: { error in
            guard case .malformed = error as? XMLError else { return false }
            return true
        }
    }

    @Test func garbageIsMalformed() {
        let garbage: [UInt8] = [0x00, 0xFF, 0x13, 0x37, 0x3C, 0x3E, 0x80, 0x7F]
        #expect {
            try XMLDocument.parse(garbage)
        } throws: { error in
            guard case .malformed = error as? XMLError else { return false }
            return true
        }
        #expect {
            try XMLDocument.parse("hello, world")
        } throws: { error in
            guard case .malformed(1, 1, _) = error as? XMLError else { return false }
            return true
        }
    }

    @Test func unclosedTagIsMalformed() {
        #expect {
            try XMLDocument.parse("<a>\n<b></a>")
        } throws: { error in
            guard case .malformed(let line, _, let message) = error as? XMLError else { return false }
            return line == 2 && message.contains("mismatch")
        }
    }

    @Test func contentAfterTheRootIsMalformed() {
        #expect {
            try XMLDocument.parse("<a/><b/>")
        } throws: { error in
            guard case .malformed = error as? XMLError else { return false }
            return true
        }
    }
}
