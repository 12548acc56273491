/// The signed-in mailbox that onboarding documents describe: what the directory knows, as plain values.
public struct OnboardingAccount: Sendable, Equatable {
    /// The lower-cased e-mail address; also the login name.
    public var emailAddress: String
    /// The name shown to people.
    public var displayName: String
    /// Whether the mailbox's plan includes the sync protocols (Exchange ActiveSync, CalDAV, CardDAV).
    public var allowsSyncProtocols: Bool

    public init(emailAddress: String, displayName: String, allowsSyncProtocols: Bool) {
        self.emailAddress = emailAddress
        self.displayName = displayName
        self.allowsSyncProtocols = allowsSyncProtocols
    }
}
