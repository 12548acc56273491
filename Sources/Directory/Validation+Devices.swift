extension Validation {
    /// The longest DeviceId and DeviceType.
    public static let maximumDeviceIDLength = 64
    /// The longest protocol version kept, such as `16.1`.
    public static let maximumProtocolVersionLength = 16

    /// Checks a DeviceId: 1–64 ASCII letters and digits (MS-ASHTTP
    /// 2.2.1.1.1.2.3: no commas or special characters). Returned as sent.
    public static func deviceID(_ deviceID: String) throws(DirectoryError) -> String {
        guard (1...maximumDeviceIDLength).contains(deviceID.utf8.count),
            deviceID.utf8.allSatisfy({ isASCIIAlphanumeric($0) })
        else { throw .invalidDeviceID(deviceID) }
        return deviceID
    }

    /// Checks a DeviceType: 1–64 characters, no control characters.
    public static func deviceType(_ deviceType: String) throws(DirectoryError) -> String {
        guard (1...maximumDeviceIDLength).contains(deviceType.unicodeScalars.count),
            !containsControlCharacter(deviceType)
        else { throw .invalidDeviceType(deviceType) }
        return deviceType
    }

    /// Checks a free-text device field: at most `maximumLength` characters,
    /// no control characters.
    public static func deviceField(
        _ name: String, _ value: String?, maximumLength: Int = DeviceInformation.maximumFieldLength
    ) throws(DirectoryError) -> String? {
        guard let value else { return nil }
        guard value.unicodeScalars.count <= maximumLength, !containsControlCharacter(value) else {
            throw .invalidDeviceField(name, value: value)
        }
        return value
    }

    /// Checks what a client sent in Settings DeviceInformation.
    public static func deviceInformation(_ information: DeviceInformation) throws(DirectoryError) {
        for field in information.fields { _ = try deviceField(field.name, field.value) }
    }

    /// Checks a Provision key pair: both non-zero and different.
    public static func policyKeys(temporary: UInt32, final: UInt32) throws(DirectoryError) {
        guard temporary != 0, final != 0, temporary != final else {
            throw .invalidPolicyKeys(temporary: temporary, final: final)
        }
    }

    private static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default:
            false
        }
    }

    private static func containsControlCharacter(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }
}
