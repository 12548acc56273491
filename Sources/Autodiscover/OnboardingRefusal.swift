/// Why an onboarding document is not made for a mailbox, with a sentence for the person asking.
public enum OnboardingRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    /// The mailbox is on a plan without the sync protocols, so there is nothing to set up.
    case planHasNoSyncProtocols(address: String)

    public var description: String {
        switch self {
        case .planHasNoSyncProtocols(let address):
            """
            The mailbox \(address) is on the Basic plan, which has no phone or desktop sync (Exchange ActiveSync, \
            CalDAV, CardDAV). Ask your administrator for an Enhanced mailbox.
            """
        }
    }
}
