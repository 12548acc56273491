import ICalendar
import WBXML

/// `Exceptions` (MS-ASCAL 2.2.2) of a recurring event: each EXDATE (RFC 5545 §3.8.5.1) as a
/// deleted instance, each overridden instance (a VEVENT with RECURRENCE-ID, §3.8.4.4) with the
/// fields in which it differs from the master (its Attendees and AppointmentReplyTime from 14.0,
/// MS-ASCAL 2.2.2.4, 2.2.2.2; its online-meeting links from 14.1, 2.2.2.33, 2.2.2.34), its times
/// always. An instance is named by its original start: `ExceptionStartTime` before 16.0,
/// `AirSyncBase:InstanceId` from 16.0.
struct EventExceptions {
    let object: ICalendarObject
    let master: ICalendarComponent
    let times: EventTimes
    let context: ConversionContext

    var outbound: EventOutbound { EventOutbound(object: object, master: master, context: context) }

    func elements() -> [WBXMLElement] {
        var exceptions: [(start: Int64, element: WBXMLElement)] = []
        for exdate in master.properties("EXDATE") {
            for time in object.utcTimes(of: exdate) {
                exceptions.append(
                    (
                        time.start,
                        WBXMLElement("Calendar", "Exception", children: [deleted(), instanceElement(time.start)])
                    ))
            }
        }
        for instance in Self.overrides(of: master, in: object.root) {
            guard let id = instance.component.property("RECURRENCE-ID"),
                let original = object.utcSeconds(of: id)
            else { continue }
            exceptions.append((original, element(for: instance.component, original: original)))
        }
        return exceptions.sorted { $0.start < $1.start }.map(\.element)
    }

    /// The overridden instances of the master: VEVENTs of its UID with a RECURRENCE-ID.
    static func overrides(of master: ICalendarComponent, in root: ICalendarComponent)
        -> [(index: Int, component: ICalendarComponent)]
    {
        let uid = master.value("UID")
        return root.components.enumerated().compactMap { index, component in
            component.name == "VEVENT" && component.property("RECURRENCE-ID") != nil && component.value("UID") == uid
                ? (index, component) : nil
        }
    }

    /// The RECURRENCE-IDs (UTC seconds) of the master's overrides that match no instance of
    /// its recurrence set (RFC 5545 §3.8.5), the overrides themselves left out: a series moved
    /// by another client without its overrides, or an override written for a date the rule
    /// never had. They are still sent as exceptions, named by their RECURRENCE-ID; phones that
    /// cannot place them leave them out of the lists they send back, so a Change's
    /// `Exceptions` never removes them.
    static func unmatched(of master: ICalendarComponent, in object: ICalendarObject) -> Set<Int64> {
        let found = overrides(of: master, in: object.root)
        guard !found.isEmpty else { return [] }
        var bare = object.root
        bare.components.removeAll { $0.name == "VEVENT" && $0 != master }
        let series = ICalendarObject(root: bare)
        var result: Set<Int64> = []
        for instance in found {
            guard let id = instance.component.property("RECURRENCE-ID").flatMap({ object.utcSeconds(of: $0) }) else {
                continue
            }
            let matches = series.occurrences(of: "VEVENT", from: id, to: id &+ 1).contains { $0.recurrenceID == id }
            if !matches { result.insert(id) }
        }
        return result
    }

    private func deleted() -> WBXMLElement {
        WBXMLElement("Calendar", "Deleted", text: "1")
    }

    private func instanceElement(_ original: Int64) -> WBXMLElement {
        let text = outbound.time(original, times)
        return context.version >= .v160
            ? WBXMLElement("AirSyncBase", "InstanceId", text: text)
            : WBXMLElement("Calendar", "ExceptionStartTime", text: text)
    }

    private func element(for instance: ICalendarComponent, original: Int64) -> WBXMLElement {
        let own = EventTimes(of: instance, in: object) ?? times
        let version = context.version
        var children = [instanceElement(original)]
        children += outbound.textFields(of: instance, only: ["Subject"]).filter { _ in
            instance.value("SUMMARY") != master.value("SUMMARY")
        }
        children.append(WBXMLElement("Calendar", "StartTime", text: outbound.time(own.start, own)))
        children.append(WBXMLElement("Calendar", "EndTime", text: outbound.time(own.end, own)))
        if let description = instance.value("DESCRIPTION"), description != master.value("DESCRIPTION") {
            children.append(AirSyncBody.element(for: description, context: context))
        }
        if instance.value("LOCATION") != master.value("LOCATION") {
            children += outbound.textFields(of: instance, only: ["Location"])
        }
        let categories = Categories.names(of: instance)
        if categories != Categories.names(of: master) {
            children.append(Categories.element(categories, namespace: "Calendar"))
        }
        let sensitivity = PropertyValueMap.sensitivity.field(of: instance)
        if sensitivity != PropertyValueMap.sensitivity.field(of: master) {
            children.append(WBXMLElement("Calendar", "Sensitivity", text: String(sensitivity)))
        }
        let busy = BusyStatus.field(of: instance, version: version)
        if busy != BusyStatus.field(of: master, version: version) {
            children.append(WBXMLElement("Calendar", "BusyStatus", text: String(busy)))
        }
        if own.isAllDay != times.isAllDay {
            children.append(WBXMLElement("Calendar", "AllDayEvent", text: own.isAllDay ? "1" : "0"))
        }
        let reminder = outbound.reminder(of: instance, times: own)
        if reminder != outbound.reminder(of: master, times: times) {
            children.append(WBXMLElement("Calendar", "Reminder", text: String(reminder ?? 0)))
        }
        if version >= .v140, let attendees = Attendees.exceptionElement(of: instance, master: master) {
            children.append(attendees)
        }
        if version >= .v140 {
            let replied = MeetingReply.time(
                of: instance, meeting: Meeting(event: instance, context: context), in: object)
            let seriesReplied = MeetingReply.time(
                of: master, meeting: Meeting(event: master, context: context), in: object)
            if let replied, replied != seriesReplied {
                children.append(WBXMLElement("Calendar", "AppointmentReplyTime", text: EASDate.compact(replied)))
            }
        }
        children += OnlineMeeting.exceptionElements(of: instance, master: master, version: version)
        return WBXMLElement("Calendar", "Exception", children: children)
    }
}
