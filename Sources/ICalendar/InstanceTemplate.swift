/// How one component turns an instance start into an ``Occurrence``: its anchor (DTSTART,
/// or DUE for a to-do without DTSTART), its length and its RFC 4791 §9.9 rule.
/// Call only inside `Libical.run`.
struct InstanceTemplate {
    let component: ICalendarComponent
    /// The value recurrence is computed from; nil for an undated component.
    let anchor: DateTimeValue?
    let rule: TimeRangeRule
    private let endValue: DateTimeValue?
    private let duration: ICalendarDuration?

    init(_ component: ICalendarComponent) {
        self.component = component
        let start = component.property("DTSTART").flatMap(DateTimeValue.init(property:))
        let due = component.property("DUE").flatMap(DateTimeValue.init(property:))
        let end = component.property("DTEND").flatMap(DateTimeValue.init(property:))
        duration = component.property("DURATION").flatMap { ICalendarDuration($0.value) }
        switch component.name {
        case "VTODO":
            if let start {
                anchor = start
                endValue = due
                rule = due != nil ? .todoStartDue : (duration != nil ? .todoStartDuration : .instant)
            } else if let due {
                anchor = due
                endValue = nil
                rule = .todoDue
            } else {
                anchor = nil
                endValue = nil
                let completed = component.property("COMPLETED") != nil
                let created = component.property("CREATED") != nil
                rule =
                    completed && created
                    ? .todoCompletedCreated
                    : completed ? .todoCompleted : created ? .todoCreated : .always
            }
        case "VJOURNAL":
            anchor = start
            endValue = nil
            rule = start?.isDate == true ? .interval : .instant
        default:
            anchor = start
            endValue = end
            rule = .interval
        }
    }

    /// The instance starting at `local` (in the anchor's form); `periodEnd` from an RDATE PERIOD.
    func occurrence(
        at local: DateTimeValue, recurrenceID: Int64?, isOverride: Bool, periodEnd: Int64? = nil,
        component override: ICalendarComponent? = nil, resolver: ZoneResolver
    ) -> Occurrence {
        let start = resolver.seconds(local)
        var end = start
        if let periodEnd {
            end = max(start, periodEnd)
        } else if rule == .todoDue || rule == .instant {
            end = start
        } else if let endValue, let anchor {
            if anchor.isDate && endValue.isDate {
                let days =
                    DateTimeValue.daysFromCivil(year: endValue.year, month: endValue.month, day: endValue.day)
                    - DateTimeValue.daysFromCivil(year: anchor.year, month: anchor.month, day: anchor.day)
                end = resolver.seconds(local.addingDays(max(0, days)))
            } else {
                end = start + max(0, resolver.seconds(endValue) - resolver.seconds(anchor))
            }
        } else if let duration {
            end = max(start, resolver.seconds(local.addingDays(duration.days)) + duration.seconds)
        } else if local.isDate {
            end = resolver.seconds(local.addingDays(1))
        }
        let floating = resolver.isFloating(local) || (endValue.map(resolver.isFloating) ?? false)
        return Occurrence(
            start: start, end: end, recurrenceID: recurrenceID, isOverride: isOverride,
            component: override ?? component, rule: rule, isFloating: floating)
    }

    /// The single occurrence of an undated to-do (RFC 4791 §9.9, COMPLETED/CREATED rows).
    func undatedOccurrence(resolver: ZoneResolver) -> Occurrence {
        let completed = component.property("COMPLETED").flatMap(DateTimeValue.init(property:)).map(resolver.seconds)
        let created = component.property("CREATED").flatMap(DateTimeValue.init(property:)).map(resolver.seconds)
        let (start, end): (Int64, Int64) =
            switch rule {
            case .todoCompletedCreated: (created ?? .min, completed ?? .max)
            case .todoCompleted: (completed ?? .min, completed ?? .min)
            case .todoCreated: (created ?? .min, created ?? .min)
            default: (.min, .max)
            }
        return Occurrence(
            start: start, end: end, recurrenceID: nil, isOverride: false, component: component, rule: rule,
            isFloating: false)
    }
}
