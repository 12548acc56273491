import DAVXML
import Testing

@testable import Autodiscover

struct MarkupWriterTests {
    @Test func nestedElementsAreIndentedAndClosed() {
        var writer = MarkupWriter()
        writer.start("a", [("xmlns", "urn:x"), ("k", "v")])
        writer.start("b")
        writer.element("c", "text")
        writer.empty("d")
        writer.element("e", "")
        let expected = """
            <?xml version="1.0" encoding="UTF-8"?>
            <a xmlns="urn:x" k="v">
              <b>
                <c>text</c>
                <d/>
                <e/>
              </b>
            </a>

            """
        #expect(String(decoding: writer.bytes, as: UTF8.self) == expected)
    }

    @Test func doctypeFollowsTheDeclaration() {
        var writer = MarkupWriter(doctype: "<!DOCTYPE x>")
        writer.empty("x")
        #expect(
            String(decoding: writer.bytes, as: UTF8.self)
                == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE x>\n<x/>\n")
    }

    @Test(arguments: [
        ("a & b < c > d", false, "a &amp; b &lt; c &gt; d"),
        (#"say "hi""#, false, #"say "hi""#),
        (#"say "hi""#, true, "say &quot;hi&quot;"),
        ("tab\tline\nend\r", false, "tab\tline\nend&#13;"),
        ("tab\tline\n", true, "tab&#9;line&#10;"),
        ("bell\u{7} nul\u{0} \u{FFFE}\u{FFFF}", false, "bell\u{FFFD} nul\u{FFFD} \u{FFFD}\u{FFFD}"),
        ("Zoë 東京 🚀", false, "Zoë 東京 🚀"),
    ])
    func escaping(value: String, quotes: Bool, expected: String) {
        #expect(MarkupWriter.escaped(value, quotes: quotes) == expected)
    }

    /// Whatever the text, the document parses back to it (after the U+FFFD replacements).
    @Test func escapedTextRoundTripsThroughAParser() throws {
        let value = "<&>\"' \t\n\r \u{1} é"
        var writer = MarkupWriter()
        writer.element("v", value, [("a", value)])
        let root = try XMLDocument.parse(writer.bytes)
        #expect(root.text == "<&>\"' \t\n\r \u{FFFD} é")
        #expect(root.attributes[XMLName("", "a")] == "<&>\"' \t\n\r \u{FFFD} é")
    }
}
