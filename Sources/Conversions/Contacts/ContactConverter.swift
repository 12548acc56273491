import Foundation
import VCard
import WBXML

/// Contacts (MS-ASCNTC) ⇄ vCard, the text the store keeps for a contact.
///
/// Server to client, every field of ``ContactFieldTable`` the card has is sent. Client to server,
/// an Add makes a vCard 3.0 (RFC 2426): it is what Apple Contacts, iOS and DAVx5 write and read
/// best, and every CardDAV server must support it (RFC 6352 §6.1); CardDAV clients that ask for
/// 4.0 get the converted card. A Change is merged into the stored card in its own version and
/// changes only the properties its fields are bound to (``ContactBindings``): groups, X-
/// properties, parameters, values EAS has no slot for and unknown properties stay as they were,
/// byte for byte, and a Change that changes nothing gives back the stored bytes. The UID never
/// changes on a Change; an Add gets a new UUID.
///
/// Fields a Change leaves out are cleared unless ghosted (MS-ASCMD 2.2.3.179, ``Ghosting``), with
/// two exceptions. The notes (`Body`) change only when the client sends `Data` (a client that
/// holds a truncated body sends none). `Picture` is cleared only when the client sends it empty,
/// or names it in `Supported` and leaves it out: phones keep pictures smaller than the ones they
/// are sent and do not send them back with every Change. A stored picture over MS-ASCNTC
/// 2.2.2.58's 48 KB of base64 (``ContactLimits/maxSentPictureBytes``) is not sent, and so is never
/// cleared by a Change; a phone's new `Picture` (up to ``ContactLimits/maxPictureBytes``) replaces it.
public struct ContactConverter: ItemConverter {
    public let limits: ContactLimits
    /// Makes the UID of an Add.
    let makeUID: @Sendable () -> String

    public init(limits: ContactLimits = .default) {
        self.init(limits: limits, makeUID: { UUID().uuidString })
    }

    init(limits: ContactLimits = .default, makeUID: @escaping @Sendable () -> String) {
        self.limits = limits
        self.makeUID = makeUID
    }

    public var itemClass: ItemClass { .contacts }

    public func applicationData(from stored: [UInt8], context: ConversionContext) throws(ConversionError)
        -> [WBXMLElement]
    {
        let card = try readCard(stored)
        let bindings = ContactBindings(card, limits: limits)
        return ContactFieldTable.rows.compactMap { row in
            element(row, card: card, bindings: bindings, context: context)
        }
    }

    public func merge(_ applicationData: [WBXMLElement], into existing: [UInt8]?, context: ConversionContext)
        throws(ConversionError) -> ConvertedItem
    {
        let fields = try ClientValues(
            applicationData, listItems: ContactFieldTable.listItems,
            maxBytes: [ContactFieldTable.picture: limits.maxPictureTextBytes, .body: limits.maxCardBytes],
            defaultMaxBytes: limits.maxFieldBytes, maxItems: limits.maxListItems)
        var card = try existing.map { bytes throws(ConversionError) in try readCard(bytes) } ?? VCard(version: .v3)
        var merge = ContactMerge(
            card: card, fields: fields, isNew: existing == nil,
            ghosting: Ghosting(context: context, isChange: existing != nil), limits: limits)
        try merge.run()
        var uid = card.uid.flatMap { $0.isEmpty ? nil : $0 }
        if let existing, !merge.editor.changed {
            return ConvertedItem(body: existing, uid: uid ?? "")
        }
        card.properties = merge.editor.result
        if uid == nil {
            let new = makeUID()
            card.properties.append(VCardProperty(name: "UID", text: new))
            uid = new
        }
        if card.version == .v21 { card = card.converted(to: .v3) }
        let bytes = card.serializedBytes
        guard bytes.count <= limits.maxCardBytes else {
            throw .tooLarge("vCard of \(bytes.count) bytes, more than \(limits.maxCardBytes)")
        }
        return ConvertedItem(body: bytes, uid: uid ?? "")
    }

    private func readCard(_ bytes: [UInt8]) throws(ConversionError) -> VCard {
        do {
            return try VCard.parseSingle(bytes, limits: VCardLimits(maxBytes: limits.maxCardBytes))
        } catch {
            throw .unreadableStoredItem(error.description)
        }
    }
}
