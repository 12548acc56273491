import Foundation

/// Why the directory refused a request. Each case carries the offending value
/// (never a password) and describes itself for an operator.
public enum DirectoryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Not a valid address: the user name takes ASCII letters, digits and
    /// single inner dots, then one `@` and a valid domain name.
    case invalidAddress(String)
    /// Not a valid DNS domain name of at least two labels.
    case invalidDomainName(String)
    /// The password is too weak; the reason, never the password.
    case weakPassword(String)
    /// The size could not be parsed.
    case invalidQuota(String)
    /// The quota is outside the plan's range.
    case quotaOutOfRange(bytes: Int64, plan: Plan)
    /// The display name is too long or holds control characters.
    case invalidDisplayName(String)
    case domainNotFound(String)
    case domainExists(String)
    /// The domain still has users and cannot be removed.
    case domainNotEmpty(String, users: Int)
    case userNotFound(String)
    case userExists(String)
    /// No user has this id (the ActiveSync side names users by id).
    case userIDNotFound(Int64)
    /// Not a DeviceId: 1-64 ASCII letters and digits (MS-ASHTTP 2.2.1.1.1.2.3).
    case invalidDeviceID(String)
    /// Not a DeviceType: 1-64 characters, no control characters.
    case invalidDeviceType(String)
    /// A free-text device field (user agent, protocol version, a
    /// DeviceInformation field) that is too long or holds control characters.
    case invalidDeviceField(String, value: String)
    /// Policy keys must be non-zero, and the temporary key differ from the final one.
    case invalidPolicyKeys(temporary: UInt32, final: UInt32)
    case deviceNotFound(address: String, deviceID: String)
    /// The device was asked to acknowledge a wipe nobody requested.
    case wipeNotRequested(address: String, deviceID: String)
    /// An idle period for pruning devices that is not positive.
    case invalidIdlePeriod(TimeInterval)
    /// A device policy value outside its MS-ASPROV range; what and why.
    case invalidPolicy(String)
    /// Out-of-office settings that cannot be kept; what and why.
    case invalidOutOfOffice(String)

    public var description: String {
        switch self {
        case .invalidAddress(let address):
            "invalid address \(quoted(address)): the user name takes letters, digits and single inner dots, "
                + "followed by one @ and a valid domain name"
        case .invalidDomainName(let name):
            "invalid domain name \(quoted(name)): labels of 1-63 letters, digits and inner hyphens, "
                + "at least two labels, at most 253 characters"
        case .weakPassword(let reason):
            "password refused: \(reason)"
        case .invalidQuota(let input):
            "invalid size \(quoted(input)): expected a number of bytes or a size such as 10GB, 500 MB or 1.5 GiB"
        case .quotaOutOfRange(let bytes, let plan):
            "quota \(ByteCount.format(bytes)) is outside the \(plan.rawValue) plan's range "
                + "\(ByteCount.format(plan.quotaRange.lowerBound))-\(ByteCount.format(plan.quotaRange.upperBound))"
        case .invalidDisplayName(let name):
            "invalid display name \(quoted(name)): at most 256 characters, no control characters"
        case .domainNotFound(let name):
            "no domain \(quoted(name))"
        case .domainExists(let name):
            "domain \(quoted(name)) already exists"
        case .domainNotEmpty(let name, let users):
            "domain \(quoted(name)) still has \(users) user\(users == 1 ? "" : "s"); remove them first"
        case .userNotFound(let address):
            "no user \(quoted(address))"
        case .userExists(let address):
            "user \(quoted(address)) already exists"
        case .userIDNotFound(let id):
            "no user with id \(id)"
        case .invalidDeviceID(let deviceID):
            "invalid device id \(quoted(deviceID)): 1-64 ASCII letters and digits"
        case .invalidDeviceType(let deviceType):
            "invalid device type \(quoted(deviceType)): 1-64 characters, no control characters"
        case .invalidDeviceField(let field, let value):
            "invalid device \(field) \(quoted(value)): too long, or holds control characters"
        case .invalidPolicyKeys(let temporary, let final):
            "invalid policy keys \(temporary) and \(final): both non-zero, and different"
        case .deviceNotFound(let address, let deviceID):
            "no device \(quoted(deviceID)) for user \(quoted(address))"
        case .wipeNotRequested(let address, let deviceID):
            "no wipe was requested for device \(quoted(deviceID)) of user \(quoted(address))"
        case .invalidIdlePeriod(let seconds):
            "invalid idle period of \(seconds) seconds: it must be positive"
        case .invalidPolicy(let reason):
            "invalid device policy: \(reason)"
        case .invalidOutOfOffice(let reason):
            "invalid out-of-office settings: \(reason)"
        }
    }
}

/// Quotes a value for a message, escaping control characters and cutting it
/// short, so that hostile input cannot forge log lines or flood them.
private func quoted(_ value: String) -> String {
    let limit = 300
    var text = ""
    for (index, scalar) in value.unicodeScalars.enumerated() {
        if index == limit {
            text += "…"
            break
        }
        text += scalar.properties.generalCategory == .control ? scalar.escaped(asASCII: true) : String(scalar)
    }
    return "\"\(text)\""
}
