/// What a conversion needs to know of the request it serves.
public struct ConversionContext: Sendable {
    /// The protocol version of the request: fields differ between 12.1, 14.x and 16.x.
    public var version: ProtocolVersion
    /// The client's body preferences for the collection, in its order (empty: the class's default).
    public var bodyPreferences: [BodyPreference]
    /// The elements the client listed in `Supported` when it started the collection (MS-ASCMD
    /// 2.2.3.168), as `Namespace:Name`; nil when it sent none. A Change without one of the
    /// elements named here clears that field; a field the client does not support is "ghosted":
    /// a Change never clears it.
    public var supported: Set<String>?

    public init(version: ProtocolVersion, bodyPreferences: [BodyPreference] = [], supported: Set<String>? = nil) {
        self.version = version
        self.bodyPreferences = bodyPreferences
        self.supported = supported
    }
}
