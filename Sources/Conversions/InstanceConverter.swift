import WBXML

/// A converter whose items recur, so that an EAS 16.x client can delete or change one instance
/// of a series by its `AirSyncBase:InstanceId` (MS-ASAIRS 2.2.2.25), a child of the Sync
/// request's `Delete` (MS-ASCMD 2.2.3.42.2) or `Change` (2.2.3.24) beside `ServerId`.
///
/// The result is the whole item's new stored text: the Sync engine writes it over the item
/// (same resource, new ETag) instead of deleting the item.
public protocol InstanceConverter: ItemConverter {
    /// The stored text without the instance that `instanceID` names: an exception date on the
    /// series, the instance's override (if any) removed.
    ///
    /// - Throws: ``ConversionError/noSuchInstance(_:)`` when `instanceID` names no instance of
    ///   the item, ``ConversionError/invalidField(name:value:)`` when it is no date.
    func deleteInstance(_ instanceID: String, from stored: [UInt8], context: ConversionContext)
        throws(ConversionError) -> ConvertedItem

    /// The stored text with the client's fields applied to the one instance `instanceID` names
    /// (its override created or updated); the series and the other instances stay as they were.
    func changeInstance(
        _ instanceID: String, _ applicationData: [WBXMLElement], in stored: [UInt8], context: ConversionContext
    ) throws(ConversionError) -> ConvertedItem
}
