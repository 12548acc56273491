import ICalendar
import WBXML

/// The fields an event and its exceptions share (MS-ASCAL 2.2.2: Subject, Location, Body,
/// Sensitivity, BusyStatus, Categories, Reminder), written into a VEVENT. For the master an
/// absent field clears its property when not ghosted; for an exception (`master` given) an
/// absent field means "as the series" (MS-ASCAL 2.2.2.21), so the instance takes the master's
/// property back where it differs.
struct EventFieldWriter {
    let fields: ClientFields
    let context: ConversionContext
    let ghosting: Ghosting
    let original: ICalendarObject

    var version: ProtocolVersion { context.version }

    func apply(to event: inout ICalendarComponent, master: ICalendarComponent?) throws(ConversionError) {
        for mapping in TextFieldMapping.event where mapping.applies(to: version) {
            let sent = try fields.text(mapping.element, mapping.namespace)
            writeText(
                sent, property: mapping.property, element: mapping.element, namespace: mapping.namespace,
                into: &event, master: master)
        }
        if version >= .v160 {
            let location = try fields.container("Location", "AirSyncBase")
            let sent = try location.map { list throws(ConversionError) in
                try list.text("DisplayName", "AirSyncBase") ?? ""
            }
            writeText(
                sent, property: "LOCATION", element: "Location", namespace: "AirSyncBase", into: &event,
                master: master)
        }
        if let body = fields.element("Body", "AirSyncBase"), let text = AirSyncBody.text(of: body),
            text != event.value("DESCRIPTION")
        {
            if text.isEmpty { event.removeAll("DESCRIPTION") } else { event.setValue(text, of: "DESCRIPTION") }
        }
        if let sensitivity = try fields.integer("Sensitivity", "Calendar", in: 0...3) {
            PropertyValueMap.sensitivity.write(sensitivity, into: &event)
        } else if let master {
            PropertyValueMap.sensitivity.write(PropertyValueMap.sensitivity.field(of: master), into: &event)
        } else if ghosting.clearsWhenAbsent("Sensitivity", "Calendar") {
            event.removeAll("CLASS")
        }
        if let busy = try fields.integer("BusyStatus", "Calendar", in: 0...5) {
            BusyStatus.write(busy == 5 ? 2 : busy, into: &event, version: version)
        } else if let master {
            BusyStatus.write(BusyStatus.field(of: master, version: version), into: &event, version: version)
        }
        if let names = try Categories.read(fields, namespace: "Calendar") {
            Categories.write(names, into: &event)
        } else if let master {
            Categories.write(Categories.names(of: master), into: &event)
        } else if ghosting.clearsWhenAbsent("Categories", "Calendar") {
            event.removeAll("CATEGORIES")
        }
        try applyReminder(to: &event, master: master)
    }

    private func writeText(
        _ sent: String?, property: String, element: String, namespace: String, into event: inout ICalendarComponent,
        master: ICalendarComponent?
    ) {
        let stored = event.value(property) ?? ""
        if let sent {
            if sent != stored { sent.isEmpty ? event.removeAll(property) : event.setValue(sent, of: property) }
        } else if let master {
            if stored != master.value(property) ?? "" {
                event.replaceProperties(property, with: master.properties(property))
            }
        } else if ghosting.clearsWhenAbsent(element, namespace), !stored.isEmpty {
            event.removeAll(property)
        }
    }

    /// Reminder (MS-ASCAL 2.2.2), minutes before the start ⇄ the first VALARM's TRIGGER.
    private func applyReminder(to event: inout ICalendarComponent, master: ICalendarComponent?) throws(ConversionError)
    {
        let times = EventTimes(of: event, in: original)
        let current = times.flatMap { times in
            Alarms.firstTrigger(of: event, in: original, start: times.start, end: times.end).map {
                Int(clamping: max(0, (times.start &- $0) / 60))
            }
        }
        var wanted = try fields.integer("Reminder", "Calendar", in: 0...5_256_000)
        if wanted == nil, let master {
            let masterTimes = EventTimes(of: master, in: original)
            wanted = masterTimes.flatMap { times in
                Alarms.firstTrigger(of: master, in: original, start: times.start, end: times.end).map {
                    Int(clamping: max(0, (times.start &- $0) / 60))
                }
            }
            if wanted == nil {
                if current != nil { Alarms.removeAll(from: &event) }
                return
            }
        }
        guard let wanted else {
            if ghosting.clearsWhenAbsent("Reminder", "Calendar") { Alarms.removeAll(from: &event) }
            return
        }
        guard wanted != current else { return }
        Alarms.setFirstTrigger(
            ICalendarProperty(name: "TRIGGER", value: TriggerDuration.before(minutes: wanted)), in: &event,
            summary: event.value("SUMMARY"))
    }
}
