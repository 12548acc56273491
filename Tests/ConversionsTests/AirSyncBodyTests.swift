import Testing
import WBXML

@testable import Conversions

struct AirSyncBodyTests {
    private func context(_ preferences: [BodyPreference], _ version: ProtocolVersion = .v161) -> ConversionContext {
        ConversionContext(version: version, bodyPreferences: preferences)
    }

    private func fields(_ element: WBXMLElement) -> [String: String] {
        Dictionary(uniqueKeysWithValues: element.children.map { ($0.name, $0.text ?? "") })
    }

    @Test func plainTextWholeWithoutPreferences() {
        let body = AirSyncBody.element(for: "Agenda:\nitem", context: context([]))
        #expect(body.namespace == "AirSyncBase" && body.name == "Body")
        #expect(fields(body) == ["Type": "1", "EstimatedDataSize": "12", "Data": "Agenda:\nitem"])
    }

    @Test func truncatedOnACharacterBoundary() {
        // "Zoë" is 4 bytes; a 3-byte limit must not split the ë.
        let body = AirSyncBody.element(
            for: "Zoë!", context: context([BodyPreference(type: .plainText, truncationSize: 3)]))
        #expect(fields(body) == ["Type": "1", "EstimatedDataSize": "5", "Truncated": "1", "Data": "Zo"])
        let none = AirSyncBody.element(
            for: "Zoë!", context: context([BodyPreference(type: .plainText, truncationSize: 3, allOrNone: true)]))
        #expect(fields(none) == ["Type": "1", "EstimatedDataSize": "5", "Truncated": "1"])
    }

    @Test func htmlIsEscapedTextWithBreaks() {
        let body = AirSyncBody.element(
            for: "a < b\nc", context: context([BodyPreference(type: .rtf), BodyPreference(type: .html)]))
        #expect(fields(body)["Type"] == "2")
        #expect(fields(body)["Data"] == "<html><body>a &lt; b<br>\r\nc</body></html>")
    }

    @Test func previewOnlyFrom14() {
        let preference = BodyPreference(type: .plainText, truncationSize: 0, preview: 3)
        #expect(fields(AirSyncBody.element(for: "Hello", context: context([preference])))["Preview"] == "Hel")
        #expect(fields(AirSyncBody.element(for: "Hello", context: context([preference], .v121)))["Preview"] == nil)
    }

    @Test func clientBodyText() {
        let plain = WBXMLElement(
            "AirSyncBase", "Body",
            children: [WBXMLElement("AirSyncBase", "Type", text: "1"), WBXMLElement("AirSyncBase", "Data", text: "x")])
        #expect(AirSyncBody.text(of: plain) == "x")
        let html = WBXMLElement(
            "AirSyncBase", "Body",
            children: [
                WBXMLElement("AirSyncBase", "Type", text: "2"),
                WBXMLElement(
                    "AirSyncBase", "Data",
                    text:
                        "<html><head><style>p{}</style></head><body><p>Tom &amp; Jerry</p><p>&#233;t&eacute;</p></body></html>"
                ),
            ])
        #expect(AirSyncBody.text(of: html) == "Tom & Jerry\nét&eacute;")
        let truncated = WBXMLElement(
            "AirSyncBase", "Body",
            children: [
                WBXMLElement("AirSyncBase", "Type", text: "1"), WBXMLElement("AirSyncBase", "Truncated", text: "1"),
            ])
        #expect(AirSyncBody.text(of: truncated) == nil && AirSyncBody.isTruncated(truncated))
    }

    @Test func bodyPreferenceIsReadAndClamped() {
        let element = WBXMLElement(
            "AirSyncBase", "BodyPreference",
            children: [
                WBXMLElement("AirSyncBase", "Type", text: "2"),
                WBXMLElement("AirSyncBase", "TruncationSize", text: "99999999999"),
                WBXMLElement("AirSyncBase", "AllOrNone", text: "1"),
                WBXMLElement("AirSyncBase", "Preview", text: "1000"),
            ])
        #expect(
            BodyPreference(element)
                == BodyPreference(type: .html, truncationSize: Int(UInt32.max), allOrNone: true, preview: 255))
        #expect(BodyPreference(WBXMLElement("AirSyncBase", "BodyPreference", children: [])) == nil)
    }

    @Test func htmlReductionIsTotal() {
        for input in ["<", "&", "<b", "&#xFFFFFFFF;", "&#55296;", "<script>never closed", "a<br/>b", "&nosuchentity;"] {
            _ = HTMLText.plainText(of: input)
        }
        #expect(HTMLText.plainText(of: "a<br/>b") == "a\nb")
        #expect(HTMLText.plainText(of: "<script>x</script>y") == "y")
    }
}
