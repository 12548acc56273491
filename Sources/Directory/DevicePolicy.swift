/// A domain's Exchange ActiveSync provisioning policy: what a device must
/// enforce before it may sync (MS-ASPROV 2.2.2.28 EASProvisionDoc).
public struct DevicePolicy: Sendable, Equatable, Hashable {
    /// Whether devices must Provision at all. When false (the no-policy
    /// mode) devices sync without Provision and the other fields are unused.
    public var isRequired: Bool
    /// DevicePasswordEnabled (MS-ASPROV 2.2.2.25): the device needs a
    /// password or PIN.
    public var passwordRequired: Bool
    /// MinDevicePasswordLength: 1–16; 1 means no minimum.
    public var minimumPasswordLength: Int
    /// AlphanumericDevicePasswordRequired: letters and digits, not a PIN.
    public var alphanumericRequired: Bool
    /// MaxInactivityTimeDeviceLock (MS-ASPROV 2.2.2.36) in seconds, 60–9999
    /// (9999 means unlimited), or nil for no lock.
    public var maxInactivityLockSeconds: Int?
    /// AllowSimpleDevicePassword: PINs such as 1111 or 1234 are allowed.
    public var allowSimplePassword: Bool
    /// MaxDevicePasswordFailedAttempts (MS-ASPROV 2.2.2.32), 4–16: the device
    /// wipes itself (or locks out) after that many wrong passwords; nil for
    /// no limit.
    public var maxFailedAttempts: Int?

    /// The minimum password lengths MS-ASPROV allows.
    public static let minimumPasswordLengthRange = 1...16
    /// The inactivity lock times accepted, in seconds: from a minute up to
    /// 9999, which MS-ASPROV 2.2.2.36 reads as unlimited.
    public static let maxInactivityLockRange = 60...9999
    /// The failed attempt limits MS-ASPROV 2.2.2.32 allows.
    public static let maxFailedAttemptsRange = 4...16

    public init(
        isRequired: Bool, passwordRequired: Bool, minimumPasswordLength: Int, alphanumericRequired: Bool,
        maxInactivityLockSeconds: Int?, allowSimplePassword: Bool, maxFailedAttempts: Int?
    ) {
        self.isRequired = isRequired
        self.passwordRequired = passwordRequired
        self.minimumPasswordLength = minimumPasswordLength
        self.alphanumericRequired = alphanumericRequired
        self.maxInactivityLockSeconds = maxInactivityLockSeconds
        self.allowSimplePassword = allowSimplePassword
        self.maxFailedAttempts = maxFailedAttempts
    }

    /// The policy of a domain that has none of its own: Provision required;
    /// a password of at least 4 characters, PINs allowed, simple ones too;
    /// the device locks after 15 minutes (900 s) idle and wipes itself after
    /// 10 wrong passwords.
    public static let `default` = DevicePolicy(
        isRequired: true, passwordRequired: true, minimumPasswordLength: 4, alphanumericRequired: false,
        maxInactivityLockSeconds: 900, allowSimplePassword: true, maxFailedAttempts: 10)

    /// The no-policy mode: devices need no Provision, and nothing is asked
    /// of them.
    public static let none = DevicePolicy(
        isRequired: false, passwordRequired: false, minimumPasswordLength: 1, alphanumericRequired: false,
        maxInactivityLockSeconds: nil, allowSimplePassword: true, maxFailedAttempts: nil)

    /// Checks every field against its MS-ASPROV range.
    public func validate() throws(DirectoryError) {
        guard Self.minimumPasswordLengthRange.contains(minimumPasswordLength) else {
            throw .invalidPolicy(
                "minimum password length \(minimumPasswordLength) is outside "
                    + Self.describe(Self.minimumPasswordLengthRange))
        }
        if let seconds = maxInactivityLockSeconds, !Self.maxInactivityLockRange.contains(seconds) {
            throw .invalidPolicy(
                "inactivity lock of \(seconds) seconds is outside \(Self.describe(Self.maxInactivityLockRange)) seconds"
            )
        }
        if let attempts = maxFailedAttempts, !Self.maxFailedAttemptsRange.contains(attempts) {
            throw .invalidPolicy(
                "wipe after \(attempts) failed attempts is outside \(Self.describe(Self.maxFailedAttemptsRange))")
        }
    }

    private static func describe(_ range: ClosedRange<Int>) -> String {
        "\(range.lowerBound)-\(range.upperBound)"
    }
}
