import Foundation
import GRDB

/// A row of `domain_policy`.
struct DomainPolicyRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "domain_policy"

    var domainID: Int64
    var required: Bool
    var passwordRequired: Bool
    var minPasswordLength: Int
    var alphanumericRequired: Bool
    var maxInactivityLockSeconds: Int?
    var allowSimplePassword: Bool
    var maxFailedAttempts: Int?
    var updatedAt: Date

    enum CodingKeys: String, CodingKey {
        case domainID = "domain_id"
        case required
        case passwordRequired = "password_required"
        case minPasswordLength = "min_password_length"
        case alphanumericRequired = "alphanumeric_required"
        case maxInactivityLockSeconds = "max_inactivity_lock_seconds"
        case allowSimplePassword = "allow_simple_password"
        case maxFailedAttempts = "max_failed_attempts"
        case updatedAt = "updated_at"
    }

    enum Columns {
        static let domainID = Column(CodingKeys.domainID)
    }

    init(domainID: Int64, policy: DevicePolicy, updatedAt: Date) {
        self.domainID = domainID
        self.required = policy.isRequired
        self.passwordRequired = policy.passwordRequired
        self.minPasswordLength = policy.minimumPasswordLength
        self.alphanumericRequired = policy.alphanumericRequired
        self.maxInactivityLockSeconds = policy.maxInactivityLockSeconds
        self.allowSimplePassword = policy.allowSimplePassword
        self.maxFailedAttempts = policy.maxFailedAttempts
        self.updatedAt = updatedAt
    }

    var policy: DevicePolicy {
        DevicePolicy(
            isRequired: required, passwordRequired: passwordRequired, minimumPasswordLength: minPasswordLength,
            alphanumericRequired: alphanumericRequired, maxInactivityLockSeconds: maxInactivityLockSeconds,
            allowSimplePassword: allowSimplePassword, maxFailedAttempts: maxFailedAttempts)
    }
}
