/// MS-ASCMD 2.2.3.177.14 Status of Settings and of its Oof, DeviceInformation,
/// UserInformation and RightsManagementInformation parts.
enum SettingsStatus: Int, Sendable {
    case success = 1
    case protocolError = 2
    case accessDenied = 3
    case serverUnavailable = 4
    case invalidArguments = 5
    case conflictingArguments = 6
    case deniedByPolicy = 7
}
