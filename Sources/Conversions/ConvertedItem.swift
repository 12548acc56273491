/// The stored text an EAS Add or Change produced, ready for the store.
public struct ConvertedItem: Sendable {
    /// The canonical text (iCalendar or vCard), serialised.
    public var body: [UInt8]
    /// The item's UID (iCalendar UID, vCard UID): kept from the stored item on Change,
    /// taken from the client (16.x `ClientUid`) or generated on Add.
    public var uid: String

    public init(body: [UInt8], uid: String) {
        self.body = body
        self.uid = uid
    }
}
