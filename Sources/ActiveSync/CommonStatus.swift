/// The status codes every command may answer with from protocol version 14.0 on (MS-ASCMD
/// 2.2.2 Common Status Codes), in the command's own top-level `Status` element. Only those
/// Almanac sends are listed.
public enum CommonStatus: Int, Sendable {
    case invalidContent = 101
    case invalidWBXML = 102
    case invalidXML = 103
    case deviceIdMissingOrInvalid = 108
    case deviceTypeMissingOrInvalid = 109
    case serverError = 110
    case serverErrorRetryLater = 111
    case mailboxQuotaExceeded = 113
    case deviceIsBlockedForThisUser = 129
    case accessDenied = 130
    case syncStateNotFound = 132
    case commandNotSupported = 137
    case versionNotSupported = 138
    case deviceNotFullyProvisionable = 139
    case remoteWipeRequested = 140
    case deviceNotProvisioned = 142
    case policyRefresh = 143
    case invalidPolicyKey = 144
    case itemNotFound = 150

    /// The HTTP answer a client before 14.0 gets instead (MS-ASHTTP 2.2.2.1.1): 449 asks it to
    /// provision, 403 refuses it, 400 says the request was malformed.
    var legacyHTTPStatus: Int {
        switch self {
        case .deviceNotProvisioned, .policyRefresh, .invalidPolicyKey, .remoteWipeRequested: 449
        case .deviceIsBlockedForThisUser, .accessDenied, .deviceNotFullyProvisionable: 403
        case .serverError, .serverErrorRetryLater, .syncStateNotFound: 500
        case .mailboxQuotaExceeded: 507
        case .commandNotSupported: 501
        default: 400
        }
    }
}
