import Directory
import Testing

@testable import ActiveSync

/// Out-of-office replies between the stored body type and the one a client asks for, converted
/// as item bodies are (Conversions' HTMLText).
struct OofTextTests {
    @Test func textBecomesAnEscapedHTMLDocument() {
        let message = OutOfOffice.Message(enabled: true, text: "Say \"hi\" & <go>\r\nBye", bodyType: .text)
        #expect(
            OofText.convert(message, toHTML: true)
                == "<html><body>Say &quot;hi&quot; &amp; &lt;go&gt;<br>\r\nBye</body></html>")
        #expect(OofText.convert(message, toHTML: false) == message.text)
    }

    @Test func htmlBecomesItsText() {
        let html =
            "<html><head><style>p{color:red}</style></head><body><p>Away&nbsp;today</p><p>Back &amp; ready&#33;</p>"
            + "</body></html>"
        let message = OutOfOffice.Message(enabled: true, text: html, bodyType: .html)
        #expect(OofText.convert(message, toHTML: false) == "Away\u{A0}today\nBack & ready!")
        #expect(OofText.convert(message, toHTML: true) == html)
    }
}
