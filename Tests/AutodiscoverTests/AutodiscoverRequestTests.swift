import Autodiscover
import DAVXML
import Foundation
import Testing

struct AutodiscoverRequestTests {
    private let mobileSync = AutodiscoverSchema.mobileSync.rawValue
    private let outlook = AutodiscoverSchema.outlook.rawValue

    @Test func iOSMobileSyncRequest() throws {
        let parsed = try AutodiscoverRequest.parse(request("Demo@Example.test", schema: mobileSync))
        #expect(parsed == AutodiscoverRequest(emailAddress: "Demo@Example.test", schema: .mobileSync))
    }

    @Test func outlookRequestInTheOutlookNamespace() throws {
        let parsed = try AutodiscoverRequest.parse(request("demo@example.test", schema: outlook, namespace: "outlook"))
        #expect(parsed == AutodiscoverRequest(emailAddress: "demo@example.test", schema: .outlook))
    }

    /// The answer follows AcceptableResponseSchema, whatever request namespace the root is in.
    @Test func schemaComesFromAcceptableResponseSchema() throws {
        let parsed = try AutodiscoverRequest.parse(
            request("demo@example.test", schema: mobileSync, namespace: "outlook"))
        #expect(parsed.schema == .mobileSync)
    }

    @Test func whitespaceAndCaseAroundTheSchemaAreIgnored() throws {
        let schema = "\n   " + mobileSync.replacingOccurrences(of: "http:", with: "HTTP:") + "  \n"
        let parsed = try AutodiscoverRequest.parse(request("  demo@example.test\n", schema: schema))
        #expect(parsed == AutodiscoverRequest(emailAddress: "demo@example.test", schema: .mobileSync))
    }

    @Test func prefixedRequestIsTheSameRequest() throws {
        let body = """
            <a:Autodiscover xmlns:a="http://schemas.microsoft.com/exchange/autodiscover/mobilesync/requestschema/2006">\
            <a:Request><a:EMailAddress>demo@example.test</a:EMailAddress>\
            <a:AcceptableResponseSchema>\(mobileSync)</a:AcceptableResponseSchema></a:Request></a:Autodiscover>
            """
        #expect(try AutodiscoverRequest.parse(Array(body.utf8)).emailAddress == "demo@example.test")
    }

    @Test func unknownSchemaIs601() {
        let schema = "http://example.com/responseschema"
        #expect(throws: AutodiscoverRequestError.unsupportedSchema(schema)) {
            try AutodiscoverRequest.parse(request("demo@example.test", schema: schema))
        }
        #expect(AutodiscoverRequestError.unsupportedSchema(schema).errorCode == .schemaNotAvailable)
    }

    @Test func missingAddressKeepsTheSchema() {
        let body = """
            <Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006">\
            <Request><LegacyDN>/o=First Organization/cn=demo</LegacyDN>\
            <AcceptableResponseSchema>\(outlook)</AcceptableResponseSchema></Request></Autodiscover>
            """
        #expect(throws: AutodiscoverRequestError.missingEMailAddress(.outlook)) {
            try AutodiscoverRequest.parse(Array(body.utf8))
        }
        #expect(AutodiscoverRequestError.missingEMailAddress(.outlook).schema == .outlook)
        #expect(AutodiscoverRequestError.missingEMailAddress(.outlook).errorCode == .invalidRequest)
    }

    @Test(arguments: [
        ("<Autodiscover/>", AutodiscoverRequestError.notAutodiscover(XMLName("", "Autodiscover"))),
        (
            #"<Autodiscover xmlns="DAV:"><Request/></Autodiscover>"#,
            AutodiscoverRequestError.notAutodiscover(XMLName("DAV:", "Autodiscover"))
        ),
        (
            #"<Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/mobilesync/requestschema/2006"/>"#,
            AutodiscoverRequestError.missingElement("Request")
        ),
        (
            #"<Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/mobilesync/requestschema/2006">"#
                + "<Request><EMailAddress>demo@example.test</EMailAddress></Request></Autodiscover>",
            AutodiscoverRequestError.missingElement("AcceptableResponseSchema")
        ),
        (
            // Children in another namespace than the root's are not the request's elements.
            #"<Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/mobilesync/requestschema/2006">"#
                + #"<Request xmlns="urn:other"/></Autodiscover>"#,
            AutodiscoverRequestError.missingElement("Request")
        ),
    ])
    func wrongShapesAreInvalidRequests(body: String, error: AutodiscoverRequestError) {
        #expect(throws: error) { try AutodiscoverRequest.parse(Array(body.utf8)) }
        #expect(error.errorCode == .invalidRequest)
        #expect(error.schema == nil)
    }

    @Test(arguments: ["", "   \n", "<Autodiscover>", "not xml at all", "<a><b></a>"])
    func malformedBodiesAreInvalidRequests(body: String) {
        #expect {
            try AutodiscoverRequest.parse(Array(body.utf8))
        } throws: { error in
            guard case AutodiscoverRequestError.malformed = error else { return false }
            return (error as? AutodiscoverRequestError)?.errorCode == .invalidRequest
        }
    }

    /// No DTD is ever read, so an entity cannot be expanded or fetched (DAVXML refuses the declaration).
    @Test func entitiesAreRefused() {
        let body = """
            <?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>
            <Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/mobilesync/requestschema/2006">
            <Request><EMailAddress>&x;</EMailAddress><AcceptableResponseSchema>\(mobileSync)</AcceptableResponseSchema>
            </Request></Autodiscover>
            """
        #expect(throws: AutodiscoverRequestError.malformed(.doctypeNotAllowed)) {
            try AutodiscoverRequest.parse(Array(body.utf8))
        }
    }

    @Test func oversizedBodyIsRefusedBeforeParsing() {
        let padding = String(repeating: " ", count: AutodiscoverRequest.limits.maximumBytes)
        let body = request("demo@example.test", schema: mobileSync) + Array(padding.utf8)
        #expect(
            throws: AutodiscoverRequestError.malformed(
                .tooLarge(bytes: body.count, limit: AutodiscoverRequest.limits.maximumBytes))
        ) {
            try AutodiscoverRequest.parse(body)
        }
    }

    @Test func deepNestingIsRefused() {
        let body = String(repeating: "<a>", count: 20) + String(repeating: "</a>", count: 20)
        #expect(throws: AutodiscoverRequestError.malformed(.tooDeep(limit: AutodiscoverRequest.limits.maximumDepth))) {
            try AutodiscoverRequest.parse(Array(body.utf8))
        }
    }
}
