import WBXML

/// Converts between one EAS class's `ApplicationData` and the text the store keeps.
///
/// Conversions are pure: stored bytes and WBXML elements in, stored bytes or elements out.
/// Nothing is lost: a Change is merged into the stored text, so properties EAS has no field
/// for (X- properties, extra parameters, vCard groups, more values than EAS can carry) stay as
/// they were. Field mappings are declared as tables (STYLE.md 8).
public protocol ItemConverter: Sendable {
    /// The class this converter serves.
    var itemClass: ItemClass { get }

    /// The children of `AirSync:ApplicationData` for a stored item, as a Sync Add/Change or an
    /// ItemOperations Fetch sends them (server to client).
    func applicationData(from stored: [UInt8], context: ConversionContext) throws(ConversionError)
        -> [WBXMLElement]

    /// The stored text for a client's Add (`existing` nil) or Change (`existing` is the stored
    /// text, whose fields EAS does not carry are kept).
    func merge(_ applicationData: [WBXMLElement], into existing: [UInt8]?, context: ConversionContext)
        throws(ConversionError) -> ConvertedItem
}
