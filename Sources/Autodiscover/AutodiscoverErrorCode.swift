/// The `ErrorCode` values of an Autodiscover error answer (MS-OXDSCLI 2.2.4.1.1.3.2; 600 and 601 also in
/// MS-ASCMD 2.2.3.64).
public enum AutodiscoverErrorCode: Int, Sendable, CaseIterable {
    /// 500: the server cannot provide settings for the requested address.
    case addressNotFound = 500
    /// 501 "Bad Address": the address is known but has no configuration to give, as a Basic mailbox has
    /// none for the sync protocols.
    case noConfiguration = 501
    /// 600 "Invalid Request": the XML request was not a well-formed Autodiscover request.
    case invalidRequest = 600
    /// 601: no provider can answer in the requested `AcceptableResponseSchema`.
    case schemaNotAvailable = 601

    /// The `Message` of a request-level error; user-level errors write their own sentence.
    public var message: String {
        switch self {
        case .addressNotFound: "The e-mail address cannot be found."
        case .noConfiguration: "The e-mail address has no settings to configure."
        case .invalidRequest: "Invalid Request"
        case .schemaNotAvailable: "Settings are not available in the requested schema."
        }
    }
}
