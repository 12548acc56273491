extension ICalendarObject {
    /// calendar-data `expand` (RFC 4791 §9.6.5): every instance overlapping [start, end) as a
    /// component of its own, with RECURRENCE-ID when the component recurs, without RRULE, RDATE,
    /// EXDATE or EXRULE, DTSTART/DTEND/DUE/RECURRENCE-ID in UTC (DATEs stay DATEs), and no VTIMEZONE.
    public func expanded(from start: Int64, to end: Int64) -> ICalendarObject {
        var calendar = ICalendarComponent(name: "VCALENDAR", properties: root.properties)
        let names = root.components.map(\.name).filter { $0 != "VTIMEZONE" }
        var seen: Set<String> = []
        for name in names where seen.insert(name).inserted {
            for occurrence in occurrences(of: name, from: start, to: end) {
                calendar.components.append(Self.expandedComponent(occurrence))
            }
        }
        for component in root.components where !seen.contains(component.name) && component.name != "VTIMEZONE" {
            calendar.components.append(component)
        }
        return ICalendarObject(root: calendar)
    }

    private static func expandedComponent(_ occurrence: Occurrence) -> ICalendarComponent {
        var component = occurrence.component
        for name in ["RRULE", "RDATE", "EXDATE", "EXRULE"] { component.removeProperties(name) }
        let isDate = component.property("DTSTART").flatMap(DateTimeValue.init(property:))?.isDate ?? false
        func value(_ seconds: Int64, named name: String) -> ICalendarProperty {
            var time = DateTimeValue.utc(seconds)
            time.isDate = isDate
            return ICalendarProperty(
                name: name, value: time.text,
                parameters: isDate ? [ICalendarParameter(name: "VALUE", values: ["DATE"])] : [])
        }
        switch occurrence.rule {
        case .todoDue:
            component.setProperty(value(occurrence.start, named: "DUE"), named: "DUE")
        case .always, .todoCompleted, .todoCreated, .todoCompletedCreated:
            break
        default:
            component.setProperty(value(occurrence.start, named: "DTSTART"), named: "DTSTART")
            if component.property("DTEND") != nil {
                component.setProperty(value(occurrence.end, named: "DTEND"), named: "DTEND")
            }
            if component.property("DUE") != nil {
                component.setProperty(value(occurrence.end, named: "DUE"), named: "DUE")
            }
        }
        if let id = occurrence.recurrenceID {
            component.setProperty(value(id, named: "RECURRENCE-ID"), named: "RECURRENCE-ID")
        }
        return component
    }

    /// `limit-recurrence-set` (RFC 4791 §9.6.6): the masters, VTIMEZONEs and other components, and
    /// only those overrides whose original instance (RECURRENCE-ID) or new time overlaps
    /// [start, end), or which (RANGE=THISANDFUTURE) take effect before `end`.
    public func limitedRecurrenceSet(from start: Int64, to end: Int64) -> ICalendarObject {
        let keep: [Bool] = Libical.run {
            let resolver = ZoneResolver(root: root, floatingTimeZone: nil)
            defer { resolver.close() }
            return root.components.map { component in
                guard let property = component.property("RECURRENCE-ID"), var id = DateTimeValue(property: property)
                else { return true }
                if id.isFloating, !id.isDate,
                    let tzid = root.components.first(where: {
                        $0.property("UID")?.value == component.property("UID")?.value
                            && $0.property("RECURRENCE-ID") == nil
                    })?.property("DTSTART")?.parameter("TZID")?.value
                {
                    id.tzid = tzid
                }
                let idSeconds = resolver.seconds(id)
                if property.parameter("RANGE")?.value.uppercased() == "THISANDFUTURE" { return idSeconds < end }
                if start <= idSeconds && idSeconds < end { return true }
                let template = InstanceTemplate(component)
                guard let anchor = template.anchor else { return true }
                let occurrence = template.occurrence(
                    at: anchor, recurrenceID: idSeconds, isOverride: true, resolver: resolver)
                return occurrence.overlaps(start: start, end: end)
            }
        }
        var calendar = root
        calendar.components = zip(root.components, keep).filter(\.1).map(\.0)
        return ICalendarObject(root: calendar)
    }
}
