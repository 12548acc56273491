import ICalendar
import WBXML

/// A stored event as the children of `ApplicationData` (MS-ASCAL 2.2.2), in the schema's order.
struct EventOutbound {
    let object: ICalendarObject
    let master: ICalendarComponent
    let context: ConversionContext

    var version: ProtocolVersion { context.version }

    func elements() -> [WBXMLElement] {
        let times = EventTimes(of: master, in: object)
        var out: [WBXMLElement] = []
        if let times { out.append(timezone(times)) }
        out.append(field("AllDayEvent", times?.isAllDay == true ? "1" : "0"))
        if let description = master.value("DESCRIPTION") {
            out.append(AirSyncBody.element(for: description, context: context))
        }
        out.append(field("BusyStatus", String(BusyStatus.field(of: master, version: version))))
        let organizer = master.property("ORGANIZER")
        if let organizer {
            out.append(field("OrganizerName", organizer.parameter("CN")?.value ?? Attendees.address(of: organizer)))
            out.append(field("OrganizerEmail", Attendees.address(of: organizer)))
        }
        if let stamp = master.property("DTSTAMP").flatMap({ object.utcSeconds(of: $0) }) {
            out.append(field("DtStamp", EASDate.compact(stamp)))
        }
        if let times { out.append(field("EndTime", time(times.end, times))) }
        out += textFields(of: master, only: ["Location"])
        if let minutes = reminder(of: master, times: times) { out.append(field("Reminder", String(minutes))) }
        out.append(field("Sensitivity", String(PropertyValueMap.sensitivity.field(of: master))))
        out += textFields(of: master, only: ["Subject"])
        if let times { out.append(field("StartTime", time(times.start, times))) }
        if version < .v160, let uid = master.value("UID") { out.append(field("UID", uid)) }
        let meeting = Meeting(event: master, context: context)
        out.append(field("MeetingStatus", String(meeting.status)))
        if let attendees = Attendees.element(of: master) { out.append(attendees) }
        let categories = Categories.names(of: master)
        if !categories.isEmpty { out.append(Categories.element(categories, namespace: "Calendar")) }
        if let times, let rule = master.value("RRULE").flatMap(RecurrenceRule.init) {
            out.append(recurrence(rule, times).element(.calendar, version: version))
            let exceptions = EventExceptions(object: object, master: master, times: times, context: context)
                .elements()
            if !exceptions.isEmpty { out.append(WBXMLElement("Calendar", "Exceptions", children: exceptions)) }
        }
        if version >= .v140, meeting.isMeeting {
            out.append(field("ResponseRequested", meeting.responseRequested ? "1" : "0"))
            if let replied = MeetingReply.time(of: master, meeting: meeting, in: object) {
                out.append(field("AppointmentReplyTime", EASDate.compact(replied)))
            }
            if let response = meeting.responseType { out.append(field("ResponseType", String(response))) }
            out.append(field("DisallowNewTimeProposal", meeting.disallowsNewTime ? "1" : "0"))
        }
        out += OnlineMeeting.elements(of: master, version: version)
        return out
    }

    func field(_ name: String, _ text: String) -> WBXMLElement {
        WBXMLElement("Calendar", name, text: text)
    }

    /// StartTime/EndTime: UTC; all-day times are local dates from 16.0 (no `Z`), UTC midnights before.
    func time(_ seconds: Int64, _ times: EventTimes) -> String {
        EASDate.compact(seconds, utc: !(times.isAllDay && version >= .v160))
    }

    /// The zone's rules in the year the event starts; UTC's for UTC, floating and all-day times.
    func timezone(_ times: EventTimes) -> WBXMLElement {
        var information = TimeZoneInformation.utc
        if case .zone(let tzid) = times.form,
            let rules = TimeZoneInformation(tzid: tzid, in: object, year: CivilTime(seconds: times.start).year)
        {
            information = rules
        }
        return field("Timezone", information.base64)
    }

    /// The text fields of `names` the version has: `Calendar:Location` before 16.0,
    /// `AirSyncBase:Location` with its `DisplayName` from 16.0.
    func textFields(of event: ICalendarComponent, only names: Set<String>) -> [WBXMLElement] {
        var out: [WBXMLElement] = []
        for mapping in TextFieldMapping.event where names.contains(mapping.element) && mapping.applies(to: version) {
            if let value = event.value(mapping.property), !value.isEmpty { out.append(field(mapping.element, value)) }
        }
        if names.contains("Location"), version >= .v160, let location = event.value("LOCATION"), !location.isEmpty {
            out.append(
                WBXMLElement(
                    "AirSyncBase", "Location", children: [WBXMLElement("AirSyncBase", "DisplayName", text: location)]))
        }
        return out
    }

    /// Minutes before the start the first alarm fires (MS-ASCAL 2.2.2); 0 for one after it.
    func reminder(of event: ICalendarComponent, times: EventTimes?) -> Int? {
        guard let trigger = Alarms.firstTrigger(of: event, in: object, start: times?.start, end: times?.end),
            let start = times?.start
        else { return nil }
        return Int(clamping: max(0, (start &- trigger) / 60))
    }

    func recurrence(_ rule: RecurrenceRule, _ times: EventTimes) -> Recurrence {
        let offset = EventTimes.offsets(times.form, in: object)
        let wallStart = CivilTime(seconds: times.start &+ Int64(offset(times.start)))
        var recurrence = Recurrence(rule: rule, start: wallStart) { text in
            guard let value = EASDate.parse(text) else { return nil }
            return value.isUTC || times.form == .date ? value.seconds : value.seconds &- Int64(offset(value.seconds))
        }
        recurrence.untilIsLocal = times.isAllDay && version >= .v160
        return recurrence
    }
}
