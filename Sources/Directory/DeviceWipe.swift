import Foundation

/// A device's remote wipe (MS-ASPROV RemoteWipe; from protocol 16.1 also
/// AccountOnlyRemoteWipe, which removes only this account's data).
public enum DeviceWipe: Sendable, Equatable {
    /// No wipe was asked for.
    case none
    /// An operator asked for a wipe; the next Provision tells the device.
    case requested(accountOnly: Bool, at: Date)
    /// The device acknowledged the wipe.
    case acknowledged(accountOnly: Bool, requestedAt: Date, acknowledgedAt: Date)

    /// The state's name as the directory stores it: `none`, `requested` or
    /// `acknowledged`.
    public var stateName: String {
        switch self {
        case .none: "none"
        case .requested: "requested"
        case .acknowledged: "acknowledged"
        }
    }

    /// Whether the wipe covers only this account's data.
    public var isAccountOnly: Bool {
        switch self {
        case .none: false
        case .requested(let accountOnly, _), .acknowledged(let accountOnly, _, _): accountOnly
        }
    }
}
