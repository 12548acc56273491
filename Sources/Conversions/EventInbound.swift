import Foundation
import ICalendar
import WBXML

/// A client's Add or Change merged into the stored calendar object: each field the client sent
/// changes its property only when it says something else than the property already says, an
/// absent field clears its property only when not ghosted (``Ghosting``), and everything EAS
/// does not carry stays as it was.
struct EventInbound {
    var root: ICalendarComponent
    var masterIndex: Int
    let fields: ClientFields
    let context: ConversionContext
    let ghosting: Ghosting
    /// The object as stored, to read the stored values with, and its master's index there.
    let original: ICalendarObject
    let storedMasterIndex: Int

    var version: ProtocolVersion { context.version }

    init(root: ICalendarComponent, masterIndex: Int, fields: ClientFields, context: ConversionContext, isChange: Bool) {
        self.root = root
        self.masterIndex = masterIndex
        self.fields = fields
        self.context = context
        ghosting = Ghosting(context: context, isChange: isChange)
        original = ICalendarObject(root: root)
        storedMasterIndex = masterIndex
    }

    mutating func apply() throws(ConversionError) {
        var event = root.components[masterIndex]
        let oldTimes = EventTimes(of: event, in: original)
        let blob = try fields.text("Timezone", "Calendar").map { text throws(ConversionError) in
            try TimeZoneInformation(base64: text)
        }
        try EventFieldWriter(fields: fields, context: context, ghosting: ghosting, original: original)
            .apply(to: &event, master: nil)
        let placed = try placeTimes(of: &event, old: oldTimes, blob: blob)
        try applyMeeting(to: &event)
        if let stamp = try fields.date("DtStamp", "Calendar"), stamp.isUTC {
            if event.property("DTSTAMP").flatMap({ original.utcSeconds(of: $0) }) != stamp.seconds {
                event.setValue(EASDate.compact(stamp.seconds), of: "DTSTAMP")
            }
        }
        root.components[masterIndex] = event
        if let vtimezone = placed.zone.vtimezone,
            !root.components.contains(where: { $0.name == "VTIMEZONE" && $0 == vtimezone })
        {
            let at = root.components.firstIndex { $0.name != "VTIMEZONE" } ?? 0
            root.components.insert(vtimezone, at: at)
            if at <= masterIndex { masterIndex += 1 }
        }
        try applyRecurrence(old: oldTimes, placed: placed)
    }

    /// StartTime, EndTime, AllDayEvent and Timezone (MS-ASCAL 2.2.2.42, 2.2.2.20, 2.2.2.1,
    /// 2.2.2.44) → DTSTART and DTEND. A missing start on an Add is the next half hour and a missing
    /// end half an hour later (MS-ASCAL 3.2.4.4).
    mutating func placeTimes(of event: inout ICalendarComponent, old: EventTimes?, blob: TimeZoneInformation?)
        throws(ConversionError) -> PlacedTimes
    {
        let sentStart = try fields.date("StartTime", "Calendar")
        let year = CivilTime(seconds: sentStart?.seconds ?? old?.start ?? 0).year
        let existingForm = old.flatMap { $0.isAllDay ? nil : $0.form }
        let zone = ZoneChoice(client: blob, existing: existingForm, object: original, year: year)
        let placed = PlacedTimes(times: old ?? EventTimes(start: 0, end: 0, form: zone.form), zone: zone, blob: blob)
        guard let times = try placed.times(from: fields, old: old, allDayDefault: old?.isAllDay ?? false) else {
            return placed
        }
        write(times, old: old, zone: zone, into: &event)
        return PlacedTimes(times: times, zone: zone, blob: blob)
    }

    /// Writes DTSTART and DTEND where they differ from what is stored (a DURATION that still
    /// gives the end stays).
    func write(_ times: EventTimes, old: EventTimes?, zone: ZoneChoice, into event: inout ICalendarComponent) {
        let formChanged = old?.form != times.form
        if formChanged || old?.start != times.start {
            let property = times.form.property(
                "DTSTART", utc: times.start, offset: zone.offset, keeping: event.property("DTSTART"))
            event.replaceProperties("DTSTART", with: [property])
        }
        let unchanged = !formChanged && old?.end == times.end
        if event.property("DTEND") == nil, event.property("DURATION") != nil {
            if !formChanged, old.map({ $0.end - $0.start }) == times.end - times.start { return }
        } else if unchanged {
            return
        }
        event.removeAll("DURATION")
        let property = times.form.property(
            "DTEND", utc: times.end, offset: zone.offset, keeping: event.property("DTEND"))
        event.replaceProperties("DTEND", with: [property])
    }

    /// OrganizerName/OrganizerEmail ⇄ ORGANIZER (never cleared by absence: clients that do not
    /// show the organizer do not send it), Attendees, DisallowNewTimeProposal (14.0+).
    func applyMeeting(to event: inout ICalendarComponent) throws(ConversionError) {
        let email = try fields.text("OrganizerEmail", "Calendar")
        let name = try fields.text("OrganizerName", "Calendar")
        if let email, !email.isEmpty {
            if let organizer = event.property("ORGANIZER"),
                Attendees.address(of: organizer).lowercased() == email.lowercased()
            {
                if let name, !name.isEmpty, name != organizer.parameter("CN")?.value ?? email {
                    var changed = organizer
                    changed.setParameter("CN", name)
                    event.replaceProperties("ORGANIZER", with: [changed])
                }
            } else {
                var organizer = ICalendarProperty(name: "ORGANIZER", value: "mailto:" + email)
                if let name, !name.isEmpty, name != email { organizer.setParameter("CN", name) }
                event.replaceProperties("ORGANIZER", with: [organizer])
            }
        }
        if let list = try fields.container("Attendees", "Calendar") {
            let rsvp = try fields.flag("ResponseRequested", "Calendar") ?? true
            Attendees.write(try Attendees.read(list), into: &event, rsvp: rsvp)
        } else if ghosting.clearsWhenAbsent("Attendees", "Calendar") {
            event.removeAll("ATTENDEE")
        }
        if version >= .v140, let disallow = try fields.flag("DisallowNewTimeProposal", "Calendar"),
            (event.value("X-MICROSOFT-DISALLOW-COUNTER")?.uppercased() == "TRUE") != disallow
        {
            event.setValue(disallow ? "TRUE" : "FALSE", of: "X-MICROSOFT-DISALLOW-COUNTER")
        }
    }
}
