/// The response schemas a client may ask for in `AcceptableResponseSchema` (MS-ASCMD 2.2.3.1,
/// MS-OXDSCLI 2.2.3.1.1.2), and the namespaces of the plain-old-XML Autodiscover documents.
public enum AutodiscoverSchema: String, Sendable, CaseIterable {
    /// What phones ask for: the Exchange ActiveSync URL (MS-ASCMD 2.2.2.1, schema in MS-ASCMD 6.2).
    case mobileSync = "http://schemas.microsoft.com/exchange/autodiscover/mobilesync/responseschema/2006"
    /// What Outlook asks for: account settings as protocol entries (MS-OXDSCLI 2.2.4).
    case outlook = "http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a"

    /// The schema named by an `AcceptableResponseSchema` value, ignoring surrounding white space and the case
    /// of the letters (some clients send `Http://…`); nil for any other schema.
    public init?(acceptableResponseSchema value: String) {
        let trimmed = value.trimmingXMLWhitespace().lowercased()
        guard let schema = Self.allCases.first(where: { $0.rawValue == trimmed }) else { return nil }
        self = schema
    }

    /// The namespace of the root `Autodiscover` element of every response, and of the `Response` element that
    /// carries a request-level error (MS-ASCMD 6.4, AutodiscoverResponse.xsd).
    public static let responseNamespace = "http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006"

    /// The request namespaces a request's root `Autodiscover` element may be in: the mobilesync request schema
    /// (MS-ASCMD 6.3) and the outlook request schema (MS-OXDSCLI 2.2.3).
    public static let requestNamespaces: Set<String> = [
        "http://schemas.microsoft.com/exchange/autodiscover/mobilesync/requestschema/2006",
        "http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006",
    ]
}
