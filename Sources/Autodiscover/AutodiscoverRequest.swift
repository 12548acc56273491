import DAVXML

/// A plain-old-XML Autodiscover request (MS-ASCMD 2.2.2.1 with the schema of MS-ASCMD 6.3; MS-OXDSCLI 2.2.3):
///
/// ```xml
/// <Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/mobilesync/requestschema/2006">
///   <Request>
///     <EMailAddress>alice@example.com</EMailAddress>
///     <AcceptableResponseSchema>http://schemas.microsoft.com/exchange/autodiscover/mobilesync/responseschema/2006</AcceptableResponseSchema>
///   </Request>
/// </Autodiscover>
/// ```
///
/// The root may be in the mobilesync or the outlook request namespace; the answer's schema follows
/// `AcceptableResponseSchema`, not the request namespace (some phones send the outlook request namespace
/// and ask for the mobilesync answer).
public struct AutodiscoverRequest: Sendable, Equatable {
    /// The address being set up, as the client wrote it (trimmed).
    public var emailAddress: String
    /// The schema the answer must be in (MS-ASCMD 2.2.3.1: the server MUST answer in it).
    public var schema: AutodiscoverSchema

    public init(emailAddress: String, schema: AutodiscoverSchema) {
        self.emailAddress = emailAddress
        self.schema = schema
    }

    /// A request is a handful of short elements: 16 KiB, 8 levels, 64 elements and 1 KiB of text per element
    /// are far above any client's and far below what would cost anything to refuse.
    public static let limits = XMLLimits(
        maximumBytes: 16 * 1024, maximumDepth: 8, maximumElements: 64, maximumAttributes: 16, maximumTextBytes: 1024)

    /// Parses a request body with DAVXML (libxml2, no network, no DTD, no entities).
    public static func parse(_ body: some Collection<UInt8>) throws(AutodiscoverRequestError) -> AutodiscoverRequest {
        let root: XMLElement
        do throws(XMLError) {
            root = try XMLDocument.parse(body, limits: limits)
        } catch {
            throw .malformed(error)
        }
        let namespace = root.name.namespace
        guard root.name.local == "Autodiscover", AutodiscoverSchema.requestNamespaces.contains(namespace) else {
            throw .notAutodiscover(root.name)
        }
        guard let request = root.child(XMLName(namespace, "Request")) else { throw .missingElement("Request") }
        guard let schemaElement = request.child(XMLName(namespace, "AcceptableResponseSchema")) else {
            throw .missingElement("AcceptableResponseSchema")
        }
        guard let schema = AutodiscoverSchema(acceptableResponseSchema: schemaElement.text) else {
            throw .unsupportedSchema(schemaElement.text.trimmingXMLWhitespace())
        }
        // Outlook may name the mailbox by LegacyDN instead (MS-OXDSCLI 2.2.3.1.1.3); Almanac hands out none.
        let address = request.child(XMLName(namespace, "EMailAddress"))?.text.trimmingXMLWhitespace() ?? ""
        guard !address.isEmpty else { throw .missingEMailAddress(schema) }
        return AutodiscoverRequest(emailAddress: address, schema: schema)
    }
}
