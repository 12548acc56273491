/// Why an item could not be converted. Each case names the offending value; the Sync command
/// answers the item with its own status and goes on with the rest of the collection.
public enum ConversionError: Error, Sendable, Equatable {
    /// The stored text does not parse as the class's format (a damaged or foreign item).
    case unreadableStoredItem(String)
    /// A client field's value is not valid for its type (a date, a number, an enumeration).
    case invalidField(name: String, value: String)
    /// A field the class requires is missing from an Add.
    case missingField(String)
    /// The result would be larger than the limits of the stored format allow.
    case tooLarge(String)
    /// An `AirSyncBase:InstanceId` (MS-ASAIRS 2.2.2.25) that names no instance of the stored
    /// item: not an occurrence of its series, already deleted, or the item does not recur.
    case noSuchInstance(String)
}
