import Autodiscover
import DAVXML
import Testing

struct AutodiscoverResponseTests {
    private let mobileSync = AutodiscoverSchema.mobileSync.rawValue
    private let outlook = AutodiscoverSchema.outlook.rawValue

    @Test func iOSGetsTheActiveSyncURL() throws {
        let answer = AutodiscoverResponse.answer(
            to: request("Demo@Example.TEST", schema: mobileSync), account: demo, endpoints: endpoints)
        #expect(answer.errorCode == nil)
        #expect(text(answer.body) == text(try fixture("mobilesync-settings.xml")))
    }

    @Test func outlookGetsAMobileSyncProtocolEntry() throws {
        let answer = AutodiscoverResponse.answer(
            to: request("demo@example.test", schema: outlook, namespace: "outlook"), account: demo,
            endpoints: endpoints)
        #expect(answer.errorCode == nil)
        #expect(text(answer.body) == text(try fixture("outlook-settings.xml")))
    }

    @Test func basicPlanGetsError501InEitherSchema() throws {
        let phone = AutodiscoverResponse.answer(
            to: request("basic@example.test", schema: mobileSync), account: basic, endpoints: endpoints)
        #expect(phone.errorCode == .noConfiguration)
        #expect(text(phone.body) == text(try fixture("mobilesync-basic-plan.xml")))
        #expect(!text(phone.body).contains("Microsoft-Server-ActiveSync"))
        let desktop = AutodiscoverResponse.answer(
            to: request("basic@example.test", schema: outlook, namespace: "outlook"), account: basic,
            endpoints: endpoints)
        #expect(desktop.errorCode == .noConfiguration)
        #expect(text(desktop.body) == text(try fixture("outlook-basic-plan.xml")))
    }

    @Test func anotherMailboxGetsError500() throws {
        let answer = AutodiscoverResponse.answer(
            to: request("alice@example.test", schema: mobileSync), account: demo, endpoints: endpoints)
        #expect(answer.errorCode == .addressNotFound)
        #expect(text(answer.body) == text(try fixture("mobilesync-other-address.xml")))
    }

    /// The address is checked before the plan: a Basic mailbox asking about another one learns nothing new.
    @Test func addressIsCheckedBeforeThePlan() {
        let answer = AutodiscoverResponse.answer(
            to: request("demo@example.test", schema: mobileSync), account: basic, endpoints: endpoints)
        #expect(answer.errorCode == .addressNotFound)
    }

    @Test func emptyBodyGetsTheGenericError600() throws {
        let answer = AutodiscoverResponse.answer(to: [], account: demo, endpoints: endpoints)
        #expect(answer.errorCode == .invalidRequest)
        #expect(text(answer.body) == text(try fixture("invalid-request.xml")))
    }

    @Test func knownSchemaWithoutAddressGets600InThatSchema() throws {
        let body = """
            <Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/mobilesync/requestschema/2006">\
            <Request><AcceptableResponseSchema>\(mobileSync)</AcceptableResponseSchema></Request></Autodiscover>
            """
        let answer = AutodiscoverResponse.answer(to: Array(body.utf8), account: demo, endpoints: endpoints)
        #expect(answer.errorCode == .invalidRequest)
        #expect(text(answer.body) == text(try fixture("mobilesync-invalid-request.xml")))
    }

    @Test func unknownSchemaGets601() throws {
        let answer = AutodiscoverResponse.answer(
            to: request("demo@example.test", schema: "http://example.com/responseschema"), account: demo,
            endpoints: endpoints)
        #expect(answer.errorCode == .schemaNotAvailable)
        #expect(text(answer.body) == text(try fixture("schema-not-available.xml")))
    }

    /// Each golden file is namespace-well-formed XML whose `Response` is in the namespace the schema names, so
    /// the hand-written files themselves are checked against the specification's namespaces.
    @Test(arguments: [
        ("mobilesync-settings.xml", AutodiscoverSchema.mobileSync.rawValue),
        ("mobilesync-basic-plan.xml", AutodiscoverSchema.mobileSync.rawValue),
        ("mobilesync-other-address.xml", AutodiscoverSchema.mobileSync.rawValue),
        ("mobilesync-invalid-request.xml", AutodiscoverSchema.mobileSync.rawValue),
        ("outlook-settings.xml", AutodiscoverSchema.outlook.rawValue),
        ("outlook-basic-plan.xml", AutodiscoverSchema.outlook.rawValue),
        ("invalid-request.xml", AutodiscoverSchema.responseNamespace),
        ("schema-not-available.xml", AutodiscoverSchema.responseNamespace),
    ])
    func goldenFilesAreInTheSchemaNamespaces(name: String, responseNamespace: String) throws {
        let root = try XMLDocument.parse(try fixture(name))
        #expect(root.name == XMLName(AutodiscoverSchema.responseNamespace, "Autodiscover"))
        #expect(root.children.map(\.name) == [XMLName(responseNamespace, "Response")])
    }

    @Test func settingsCarryTheURLWhereClientsLookForIt() throws {
        let root = try XMLDocument.parse(
            AutodiscoverResponse.settings(schema: .mobileSync, account: demo, endpoints: endpoints).body)
        let name = { (local: String) in XMLName(AutodiscoverSchema.mobileSync.rawValue, local) }
        let server = root.child(name("Response"))?.child(name("Action"))?.child(name("Settings"))?.child(name("Server"))
        #expect(server?.child(name("Type"))?.text == "MobileSync")
        #expect(server?.child(name("Url"))?.text == endpoints.activeSync)
    }

    @Test func markupInNamesIsEscaped() throws {
        let account = OnboardingAccount(
            emailAddress: "demo@example.test", displayName: "Tom & <Jerry> \u{1}", allowsSyncProtocols: true)
        let answer = AutodiscoverResponse.settings(schema: .outlook, account: account, endpoints: endpoints)
        #expect(text(answer.body).contains("<DisplayName>Tom &amp; &lt;Jerry&gt; \u{FFFD}</DisplayName>"))
        let root = try XMLDocument.parse(answer.body)
        let name = { (local: String) in XMLName(AutodiscoverSchema.outlook.rawValue, local) }
        #expect(
            root.child(name("Response"))?.child(name("User"))?.child(name("DisplayName"))?.text
                == "Tom & <Jerry> \u{FFFD}")
    }

    @Test func plainHTTPEndpointTurnsSSLOff() {
        let local = OnboardingEndpoints(
            activeSync: "http://127.0.0.1:8080/Microsoft-Server-ActiveSync", calDAV: "http://127.0.0.1:8080/caldav",
            cardDAV: "http://127.0.0.1:8080/carddav")
        let answer = AutodiscoverResponse.settings(schema: .outlook, account: demo, endpoints: local)
        #expect(text(answer.body).contains("<SSL>off</SSL>"))
        #expect(text(answer.body).contains("<Server>http://127.0.0.1:8080/Microsoft-Server-ActiveSync</Server>"))
    }
}
