/// What a client tells about itself in a Settings command's
/// DeviceInformation Set (MS-ASCMD 2.2.3.45; in Provision from protocol
/// 14.1). Each field is nil when the client did not send it.
public struct DeviceInformation: Sendable, Equatable {
    /// The longest value any field takes, in characters.
    public static let maximumFieldLength = 1024

    /// Model.
    public var model: String?
    /// IMEI.
    public var imei: String?
    /// FriendlyName.
    public var friendlyName: String?
    /// OS.
    public var os: String?
    /// OSLanguage.
    public var osLanguage: String?
    /// PhoneNumber.
    public var phoneNumber: String?
    /// MobileOperator.
    public var mobileOperator: String?
    /// UserAgent, as the client names itself here.
    public var userAgent: String?

    public init(
        model: String? = nil, imei: String? = nil, friendlyName: String? = nil, os: String? = nil,
        osLanguage: String? = nil, phoneNumber: String? = nil, mobileOperator: String? = nil,
        userAgent: String? = nil
    ) {
        self.model = model
        self.imei = imei
        self.friendlyName = friendlyName
        self.os = os
        self.osLanguage = osLanguage
        self.phoneNumber = phoneNumber
        self.mobileOperator = mobileOperator
        self.userAgent = userAgent
    }

    /// The fields by their MS-ASCMD element names, for validation and
    /// display.
    public var fields: [(name: String, value: String?)] {
        [
            ("Model", model), ("IMEI", imei), ("FriendlyName", friendlyName), ("OS", os),
            ("OSLanguage", osLanguage), ("PhoneNumber", phoneNumber), ("MobileOperator", mobileOperator),
            ("UserAgent", userAgent),
        ]
    }
}
