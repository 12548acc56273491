import DAVXML

/// Why a request body is not an Autodiscover request Almanac can answer. Each case carries the offending
/// value and names the error code its answer carries.
public enum AutodiscoverRequestError: Error, Sendable, Equatable {
    /// Not well-formed XML, or over `AutodiscoverRequest.limits`.
    case malformed(XMLError)
    /// The root element is not `Autodiscover` in a request namespace.
    case notAutodiscover(XMLName)
    /// A required element (`Request`, `AcceptableResponseSchema`) is missing.
    case missingElement(String)
    /// `AcceptableResponseSchema` names a schema Almanac does not answer in.
    case unsupportedSchema(String)
    /// The request asks for a known schema but names no e-mail address.
    case missingEMailAddress(AutodiscoverSchema)

    /// 601 when no provider answers the requested schema, else 600 Invalid Request (MS-ASCMD 2.2.3.64).
    public var errorCode: AutodiscoverErrorCode {
        switch self {
        case .unsupportedSchema: .schemaNotAvailable
        case .malformed, .notAutodiscover, .missingElement, .missingEMailAddress: .invalidRequest
        }
    }

    /// The schema to answer in, when the request named one Almanac knows.
    public var schema: AutodiscoverSchema? {
        guard case .missingEMailAddress(let schema) = self else { return nil }
        return schema
    }
}

extension AutodiscoverRequestError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .malformed(let error): "\(error)"
        case .notAutodiscover(let name): "the root element \(name) is not an Autodiscover request"
        case .missingElement(let name): "the request has no \(name) element"
        case .unsupportedSchema(let schema): "no settings are available in the schema \"\(schema)\""
        case .missingEMailAddress: "the request has no EMailAddress element"
        }
    }
}
