/// The authenticated user a request acts for.
public struct DAVPrincipal: Sendable, Equatable {
    /// The directory's user id, which names the user's store.
    public let userID: Int64
    /// The full e-mail address, lower-cased: the name of the principal in URLs.
    public let address: String
    public let displayName: String
    public let quotaBytes: Int64

    public init(userID: Int64, address: String, displayName: String, quotaBytes: Int64) {
        self.userID = userID
        self.address = address
        self.displayName = displayName
        self.quotaBytes = quotaBytes
    }
}
