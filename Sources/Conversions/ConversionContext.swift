/// What a conversion needs to know of the request it serves.
public struct ConversionContext: Sendable {
    /// The protocol version of the request: fields differ between 12.1, 14.x and 16.x.
    public var version: ProtocolVersion
    /// The client's body preferences for the collection, in its order (empty: the class's default).
    public var bodyPreferences: [BodyPreference]
    /// The elements the client listed in `Supported` when it started the collection (MS-ASCMD
    /// 2.2.3.179), as `Namespace:Name`; nil when it sent none. A Change without one of the
    /// elements named here clears that field; a field the client does not support is "ghosted":
    /// a Change never clears it.
    public var supported: Set<String>?
    /// The user's own e-mail addresses: a meeting whose ORGANIZER is one of them is the user's
    /// (MS-ASCAL 2.2.2 MeetingStatus 1), one organised by someone else was received (3).
    /// Empty when unknown: then every meeting counts as the user's.
    public var userAddresses: Set<String>

    public init(
        version: ProtocolVersion, bodyPreferences: [BodyPreference] = [], supported: Set<String>? = nil,
        userAddresses: Set<String> = []
    ) {
        self.version = version
        self.bodyPreferences = bodyPreferences
        self.supported = supported
        self.userAddresses = userAddresses
    }
}
