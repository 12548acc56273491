import Foundation

/// A mailbox owner as the directory knows them.
public struct User: Sendable, Equatable {
    /// The row id; never reused. The user's store is `<data>/users/<id>.sqlite`.
    public var id: Int64
    /// The lower-cased e-mail address, `localPart@domain`.
    public var address: String
    /// The lower-cased part of the address before the `@`.
    public var localPart: String
    /// The lower-cased domain name.
    public var domain: String
    /// The name shown to people; the local part unless one was given.
    public var displayName: String
    /// The mailbox plan.
    public var plan: Plan
    /// The storage quota in bytes, within `plan.quotaRange`.
    public var quotaBytes: Int64
    /// When the user was added.
    public var createdAt: Date
    /// Grows on every credential change; cached verifications carry it.
    public var credentialVersion: Int64

    public init(
        id: Int64, address: String, localPart: String, domain: String, displayName: String, plan: Plan,
        quotaBytes: Int64, createdAt: Date, credentialVersion: Int64
    ) {
        self.id = id
        self.address = address
        self.localPart = localPart
        self.domain = domain
        self.displayName = displayName
        self.plan = plan
        self.quotaBytes = quotaBytes
        self.createdAt = createdAt
        self.credentialVersion = credentialVersion
    }
}
