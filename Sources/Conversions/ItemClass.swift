/// The EAS classes of items Almanac converts (MS-ASCMD 2.2.3.27.4 `Class` of a Sync
/// collection), each with the canonical text the store keeps for it (DESIGN.md: the store).
public enum ItemClass: String, Sendable, CaseIterable {
    /// MS-ASCAL, stored as an iCalendar object with one VEVENT (and its overridden instances).
    case calendar = "Calendar"
    /// MS-ASCNTC, stored as a vCard.
    case contacts = "Contacts"
    /// MS-ASTASK, stored as an iCalendar object with one VTODO.
    case tasks = "Tasks"
    /// MS-ASNOTE, stored as an iCalendar object with one VJOURNAL.
    case notes = "Notes"

    /// The media type of the stored text.
    public var contentType: String {
        self == .contacts ? "text/vcard; charset=utf-8" : "text/calendar; charset=utf-8"
    }

    /// The file extension of resource names for items created over EAS (`<UID>.ics`, `<UID>.vcf`).
    public var resourceExtension: String {
        self == .contacts ? "vcf" : "ics"
    }
}
