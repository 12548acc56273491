import ICalendar
import WBXML

extension NoteConverter {
    public func merge(_ applicationData: [WBXMLElement], into existing: [UInt8]?, context: ConversionContext)
        throws(ConversionError) -> ConvertedItem
    {
        let fields = try ClientValues(
            applicationData, listItems: [Self.categories: "Category"], maxBytes: [.body: limits.maxItemBytes],
            defaultMaxBytes: limits.maxFieldBytes, maxItems: limits.maxListItems)
        let messageClass = try Self.messageClass(fields.text(Self.messageClass))
        var modified: String?
        if let text = fields.text(Self.lastModifiedDate), !text.isEmpty {
            guard let date = EASDate.parse(text) else {
                throw .invalidField(name: Self.lastModifiedDate.name, value: ClientFields.shown(text))
            }
            modified = EASDate.compact(date.seconds)
        }
        let stamp = EASDate.compact(Int64(now().timeIntervalSince1970.rounded(.down)))
        var root: ICalendarComponent
        var index = 0
        if let existing {
            root = try readJournal(existing).0.root
            index = root.components.firstIndex { $0.name == "VJOURNAL" } ?? 0
        } else {
            let journal = ICalendarComponent(
                name: "VJOURNAL",
                properties: [
                    ICalendarProperty(name: "UID", value: makeUID()), ICalendarProperty(name: "DTSTAMP", value: stamp),
                ])
            root = ICalendarComponent(
                name: "VCALENDAR",
                properties: [
                    ICalendarProperty(name: "VERSION", value: "2.0"),
                    ICalendarProperty(name: "PRODID", value: "-//Almanac//Almanac//EN"),
                ],
                components: [journal])
        }
        let original = root.components[index]
        var journal = original
        Self.apply(
            fields, messageClass: messageClass, to: &journal,
            ghosting: Ghosting(context: context, isChange: existing != nil))
        if let existing, journal == original {
            return ConvertedItem(body: existing, uid: original.value("UID") ?? "")
        }
        if existing != nil { journal.setValue(stamp, of: "DTSTAMP") }
        // A LastModifiedDate the client only echoes says nothing about this change.
        if modified == original.value("LAST-MODIFIED") { modified = nil }
        journal.setValue(modified ?? stamp, of: "LAST-MODIFIED")
        root.components[index] = journal
        let bytes = Array(ICalendarObject(root: root).serialized.utf8)
        guard bytes.count <= limits.maxItemBytes else {
            throw .tooLarge("iCalendar object of \(bytes.count) bytes, more than \(limits.maxItemBytes)")
        }
        return ConvertedItem(body: bytes, uid: journal.value("UID") ?? "")
    }

    /// Subject, Body, Categories and MessageClass into the VJOURNAL; a field left out is cleared
    /// unless ghosted (MS-ASCMD 2.2.3.179), the Body only by `Data` (its first DESCRIPTION; a
    /// VJOURNAL may have several, RFC 5545 §3.6.3), the MessageClass never.
    static func apply(
        _ fields: ClientValues, messageClass: String?, to journal: inout ICalendarComponent, ghosting: Ghosting
    ) {
        if let subject = fields.text(subject), !subject.isEmpty {
            journal.setValue(subject, of: "SUMMARY")
        } else if fields.text(subject) != nil || ghosting.clearsWhenAbsent(subject.name, subject.namespace) {
            journal.removeAll("SUMMARY")
        }
        if let body = fields.body, let text = AirSyncBody.text(of: body) {
            let normalized = text.replacingOccurrences(of: "\r\n", with: "\n")
            if !normalized.isEmpty {
                journal.setValue(normalized, of: "DESCRIPTION")
            } else if let first = journal.properties.firstIndex(where: { $0.name == "DESCRIPTION" }) {
                journal.properties.remove(at: first)
            }
        }
        if let names = fields.list(categories) {
            Categories.write(names.filter { !$0.isEmpty }, into: &journal)
        } else if ghosting.clearsWhenAbsent(categories.name, categories.namespace) {
            Categories.write([], into: &journal)
        }
        if let messageClass {
            if messageClass == defaultMessageClass {
                journal.removeAll(messageClassProperty)
            } else {
                journal.setValue(messageClass, of: messageClassProperty)
            }
        }
    }

    /// A client's MessageClass: nil when absent or empty, refused unless MS-ASNOTE 2.2.2.5 allows it.
    static func messageClass(_ text: String?) throws(ConversionError) -> String? {
        guard let text, !text.isEmpty else { return nil }
        guard text == defaultMessageClass || text.hasPrefix(defaultMessageClass + ".") else {
            throw .invalidField(name: NoteConverter.messageClass.name, value: ClientFields.shown(text))
        }
        return text
    }
}
