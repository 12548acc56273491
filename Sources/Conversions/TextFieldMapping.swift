/// The event fields that are one TEXT property each (MS-ASCAL 2.2.2 ⇄ RFC 5545 §3.8.1), for the
/// versions that carry them (STYLE.md 8). Location from 16.0 is `AirSyncBase:Location` with a
/// `DisplayName` (MS-ASAIRS 2.2.2), handled beside these.
struct TextFieldMapping: Sendable {
    let element: String
    let namespace: String
    let property: String
    /// The versions that have the element: from `since`, before `until` when given.
    let since: ProtocolVersion
    let until: ProtocolVersion?

    init(
        _ element: String, _ namespace: String, _ property: String, since: ProtocolVersion = .v121,
        until: ProtocolVersion? = nil
    ) {
        self.element = element
        self.namespace = namespace
        self.property = property
        self.since = since
        self.until = until
    }

    func applies(to version: ProtocolVersion) -> Bool {
        version >= since && until.map { version < $0 } != false
    }

    static let event = [
        TextFieldMapping("Subject", "Calendar", "SUMMARY"),
        TextFieldMapping("Location", "Calendar", "LOCATION", until: .v160),
    ]

    static let task = [TextFieldMapping("Subject", "Tasks", "SUMMARY")]
}
