import ICalendar

/// The zone a client's times are stored in (MS-ASCAL 2.2.2.44 `Timezone`): the stored event's
/// zone while the client's structure has the same rules, else the zone the structure means
/// (``TimeZoneMatcher``) with a VTIMEZONE written from it, UTC for UTC's structure, and the
/// stored form (else UTC) when the client sent none.
struct ZoneChoice {
    var form: TimeForm
    /// A VTIMEZONE the object needs for `form`, when it has none of that TZID.
    var vtimezone: ICalendarComponent?
    /// The UTC offset of `form` at an instant.
    var offset: (Int64) -> Int

    init(client: TimeZoneInformation?, existing: TimeForm?, object: ICalendarObject, year: Int) {
        if case .zone(let tzid) = existing,
            client == nil || TimeZoneInformation(tzid: tzid, in: object, year: year)?.hasSameRules(as: client!) == true
        {
            self.init(form: .zone(tzid), offset: EventTimes.offsets(.zone(tzid), in: object))
            return
        }
        guard let client else {
            let kept = existing == .floating ? TimeForm.floating : .utc
            self.init(form: kept, offset: { _ in 0 })
            return
        }
        if client.isUTC {
            self.init(form: existing == .floating ? .floating : .utc, offset: { _ in 0 })
            return
        }
        let tzid =
            TimeZoneMatcher.tzid(for: client, year: year)
            ?? (client.standardName.isEmpty
                ? "UTC" + TimeZoneInformation.offsetText(client.standardOffset) : client.standardName)
        if object.root.components("VTIMEZONE").contains(where: { $0.value("TZID") == tzid }) {
            self.init(form: .zone(tzid), offset: EventTimes.offsets(.zone(tzid), in: object))
        } else {
            self.init(form: .zone(tzid), vtimezone: client.vtimezone(tzid: tzid), offset: { client.offset(atUTC: $0) })
        }
    }

    init(form: TimeForm, vtimezone: ICalendarComponent? = nil, offset: @escaping (Int64) -> Int) {
        self.form = form
        self.vtimezone = vtimezone
        self.offset = offset
    }
}
