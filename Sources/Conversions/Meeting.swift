import ICalendar

/// The meeting fields of an event (MS-ASCAL 2.2.2: MeetingStatus, ResponseRequested,
/// ResponseType, DisallowNewTimeProposal) read from ORGANIZER, ATTENDEE and
/// STATUS (RFC 5545 §3.8.4.3, §3.8.4.1, §3.8.1.11).
struct Meeting {
    /// An event with an ORGANIZER or ATTENDEEs is a meeting.
    let isMeeting: Bool
    /// Whether the user organises it: the ORGANIZER is one of ``ConversionContext/userAddresses``,
    /// or, when those are unknown, always (a meeting the user can edit).
    let isOrganizer: Bool
    let isCancelled: Bool
    let responseRequested: Bool
    let responseType: Int?
    /// Outlook's X-MICROSOFT-DISALLOW-COUNTER.
    let disallowsNewTime: Bool

    init(event: ICalendarComponent, context: ConversionContext) {
        let organizer = event.property("ORGANIZER").map { Attendees.address(of: $0).lowercased() }
        let attendees = event.properties("ATTENDEE")
        isMeeting = organizer != nil || !attendees.isEmpty
        let user = Set(context.userAddresses.map { $0.lowercased() })
        isOrganizer = user.isEmpty || organizer.map(user.contains) != false
        isCancelled = event.value("STATUS")?.uppercased() == "CANCELLED"
        responseRequested = attendees.contains { $0.parameter("RSVP")?.value.uppercased() == "TRUE" }
        disallowsNewTime = event.value("X-MICROSOFT-DISALLOW-COUNTER")?.uppercased() == "TRUE"
        if !isMeeting {
            responseType = nil
        } else if isOrganizer {
            responseType = 1
        } else if let own = attendees.first(where: { user.contains(Attendees.address(of: $0).lowercased()) }) {
            responseType =
                AttendeeTables.responseByPartstat[own.parameter("PARTSTAT")?.value.uppercased() ?? "NEEDS-ACTION"] ?? 0
        } else {
            responseType = 0
        }
    }

    /// MeetingStatus: 0 appointment; 1 meeting the user organises, 3 one received; +4 cancelled.
    var status: Int {
        guard isMeeting else { return 0 }
        return (isOrganizer ? 1 : 3) + (isCancelled ? 4 : 0)
    }
}
