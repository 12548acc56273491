import Autodiscover
import DAVXML
import Testing

struct AutoconfigDocumentTests {
    @Test func documentForADomain() throws {
        let document = AutoconfigDocument(domain: "Example.TEST", endpoints: endpoints)
        #expect(text(document.bytes) == text(try fixture("config-v1.1.xml")))
    }

    /// The golden file has the structure the format defines: `emailProvider` with a domain and an incoming
    /// server, and `addressBook`/`calendar` beside it, not inside.
    @Test func goldenFileHasTheFormatsStructure() throws {
        let root = try XMLDocument.parse(try fixture("config-v1.1.xml"))
        #expect(root.name == XMLName("", "clientConfig"))
        #expect(root.attributes[XMLName("", "version")] == "1.1")
        #expect(root.children.map(\.name.local) == ["emailProvider", "addressBook", "calendar"])
        let provider = try #require(root.child(XMLName("", "emailProvider")))
        #expect(provider.child(XMLName("", "domain"))?.text == "example.test")
        #expect(provider.children(XMLName("", "incomingServer")).count == 1)
        #expect(provider.child(XMLName("", "outgoingServer")) == nil)
        let book = try #require(root.child(XMLName("", "addressBook")))
        #expect(book.attributes[XMLName("", "type")] == "carddav")
        #expect(book.child(XMLName("", "authentication"))?.text == "http-basic")
        #expect(book.child(XMLName("", "username"))?.text == "%EMAILADDRESS%")
    }

    @Test func plainHTTPOnAnotherPort() {
        let local = OnboardingEndpoints(
            activeSync: "http://127.0.0.1:8080/Microsoft-Server-ActiveSync", calDAV: "http://127.0.0.1:8080/caldav",
            cardDAV: "http://127.0.0.1:8080/carddav")
        let document = text(AutoconfigDocument(domain: "example.test", endpoints: local).bytes)
        #expect(document.contains("<hostname>127.0.0.1</hostname>"))
        #expect(document.contains("<port>8080</port>"))
        #expect(document.contains("<socketType>plain</socketType>"))
        #expect(document.contains("<serverURL>http://127.0.0.1:8080/caldav</serverURL>"))
    }

    @Test func shortNameIsAtMostTwentyCharacters() {
        let domain = String(repeating: "k", count: 30) + ".example"
        let document = text(AutoconfigDocument(domain: domain, endpoints: endpoints).bytes)
        #expect(document.contains("<displayShortName>" + String(repeating: "k", count: 20) + "</displayShortName>"))
        #expect(document.contains("<displayName>\(domain)</displayName>"))
    }
}
