import ICalendar

/// `AppointmentReplyTime` (MS-ASCAL 2.2.2.2, 14.0+): when the user answered a meeting someone
/// else organises. Clients never send it (a request MUST NOT include it), so it is server to
/// client only.
///
/// iCalendar has no reply time: PARTSTAT (RFC 5545 §3.2.12) says what the user answered, not
/// when. DTSTAMP is no substitute: in a stored object without METHOD it is when the object was
/// last revised (§3.8.7.2), by the organiser's update as often as by the user's answer. So the
/// time comes only from `X-MS-OLK-APPTREPLYTIME`, the UTC DATE-TIME that Outlook-style stores
/// keep beside the event for PidLidAppointmentReplyTime; without it nothing is sent.
enum MeetingReply {
    static let property = "X-MS-OLK-APPTREPLYTIME"

    /// The reply time of a meeting the user was invited to (not one they organise); nil when
    /// nothing records it.
    static func time(of event: ICalendarComponent, meeting: Meeting, in object: ICalendarObject) -> Int64? {
        guard meeting.isMeeting, !meeting.isOrganizer, let recorded = event.property(property) else { return nil }
        return object.utcSeconds(of: recorded)
    }
}
