/// The outcome of `Directory.authenticate(login:password:client:)`.
public enum AuthenticationResult: Sendable, Equatable {
    /// The credentials are right; the user as stored now.
    case success(User)
    /// Unknown login or wrong password (the two are not told apart).
    case failure
    /// Too many recent failures from this client for this login, or from this
    /// client overall; no password was checked. Try again after the duration.
    case throttled(retryAfter: Duration)
}
