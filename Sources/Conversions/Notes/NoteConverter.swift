import Foundation
import ICalendar
import WBXML

/// Notes (MS-ASNOTE) ⇄ an iCalendar object with one VJOURNAL (RFC 5545 §3.6.3), the text the
/// store keeps for a note.
///
/// | EAS (MS-ASNOTE 2.2.2) | VJOURNAL |
/// |---|---|
/// | `Subject` (2.2.2.6) | SUMMARY (RFC 5545 §3.8.1.12) |
/// | `AirSyncBase:Body` (2.2.2.1) | the first DESCRIPTION (§3.8.1.5) |
/// | `Categories` › `Category` (2.2.2.2, 2.2.2.3) | CATEGORIES (§3.8.1.2), all of them |
/// | `LastModifiedDate` (2.2.2.4, Compact DateTime) | LAST-MODIFIED (§3.8.7.3), else DTSTAMP |
/// | `MessageClass` (2.2.2.5) | `IPM.StickyNote`, or X-ALMANAC-MESSAGE-CLASS for an `IPM.StickyNote.*` |
///
/// The Notes class exists from protocol 14.0 (every element's Protocol Versions table); the Sync
/// command does not offer notes folders to older clients. A Change rewrites only these properties
/// of the VJOURNAL (and DTSTAMP and LAST-MODIFIED when it changes anything): other properties,
/// parameters and components stay. The Body changes only when the client sends `Data`. The UID
/// never changes; an Add gets a new UUID and a DTSTAMP.
public struct NoteConverter: ItemConverter {
    public let limits: NoteLimits
    let makeUID: @Sendable () -> String
    let now: @Sendable () -> Date

    public init(limits: NoteLimits = .default) {
        self.init(limits: limits, makeUID: { UUID().uuidString }, now: { Date() })
    }

    init(
        limits: NoteLimits = .default, makeUID: @escaping @Sendable () -> String,
        now: @escaping @Sendable () -> Date
    ) {
        self.limits = limits
        self.makeUID = makeUID
        self.now = now
    }

    public var itemClass: ItemClass { .notes }

    static let subject = EASElement.notes("Subject")
    static let messageClass = EASElement.notes("MessageClass")
    static let lastModifiedDate = EASElement.notes("LastModifiedDate")
    static let categories = EASElement.notes("Categories")
    /// MS-ASNOTE 2.2.2.5: `IPM.StickyNote` or `IPM.StickyNote.` and anything.
    static let defaultMessageClass = "IPM.StickyNote"
    static let messageClassProperty = "X-ALMANAC-MESSAGE-CLASS"

    public func applicationData(from stored: [UInt8], context: ConversionContext) throws(ConversionError)
        -> [WBXMLElement]
    {
        let (_, journal) = try readJournal(stored)
        var elements: [WBXMLElement] = []
        if let description = journal.property("DESCRIPTION")?.value, !description.isEmpty {
            elements.append(AirSyncBody.element(for: description, context: context))
        }
        if let summary = journal.property("SUMMARY")?.value, !summary.isEmpty {
            elements.append(Self.subject.element(text: summary))
        }
        let messageClass = journal.property(Self.messageClassProperty)?.value ?? Self.defaultMessageClass
        elements.append(Self.messageClass.element(text: messageClass))
        let modified = journal.property("LAST-MODIFIED") ?? journal.property("DTSTAMP")
        if let seconds = modified.flatMap({ ICalendarDate.parseUTC($0.value) }) {
            elements.append(Self.lastModifiedDate.element(text: EASDate.compact(seconds)))
        }
        let categories = Categories.names(of: journal)
        if !categories.isEmpty { elements.append(Categories.element(categories, namespace: "Notes")) }
        return elements
    }

    /// The object and its first VJOURNAL.
    func readJournal(_ bytes: [UInt8]) throws(ConversionError) -> (ICalendarObject, ICalendarComponent) {
        let object: ICalendarObject
        do {
            object = try ICalendarObject.parse(bytes: bytes, limits: ICalendarLimits(maxBytes: limits.maxItemBytes))
        } catch {
            throw .unreadableStoredItem(error.description)
        }
        guard let journal = object.root.components("VJOURNAL").first else {
            throw .unreadableStoredItem("the iCalendar object holds no VJOURNAL")
        }
        return (object, journal)
    }
}
