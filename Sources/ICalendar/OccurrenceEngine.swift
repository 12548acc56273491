/// The recurrence set of each component of one type (RFC 5545 §3.8.5): DTSTART, the RRULE
/// instances, RDATE added, EXDATE removed, and RECURRENCE-ID components (overrides) in place
/// of the instances they replace, RANGE=THISANDFUTURE shifting the later ones (§3.8.4.4).
/// An override whose RECURRENCE-ID matches no instance still counts as an instance.
/// Call only inside `Libical.run`.
struct OccurrenceEngine {
    let root: ICalendarComponent
    let resolver: ZoneResolver
    var expander = RecurrenceExpander()
    /// When set, instances ending before it may be left out of the answers: the caller only
    /// looks for instances overlapping a range that starts here.
    var windowStart: Int64?
    /// Whether some component recurs without COUNT or UNTIL.
    private(set) var hasUnboundedRule = false

    init(root: ICalendarComponent, resolver: ZoneResolver) {
        self.root = root
        self.resolver = resolver
    }

    /// Whether the iteration budget ran out (the answer may miss late instances).
    var exhausted: Bool { expander.exhausted }

    /// Every instance of the top-level `name` components starting no later than `horizon`.
    /// With `firstOnly`, rules without end stop after their first instance (occurrence bounds).
    mutating func instances(of name: String, horizon: Int64, firstOnly: Bool = false) -> [Occurrence] {
        var groups: [String: [ICalendarComponent]] = [:]
        var order: [String] = []
        for (index, component) in root.components.enumerated() where component.name == name {
            let key = component.property("UID")?.value ?? "\u{0}\(index)"
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(component)
        }
        var result: [Occurrence] = []
        for key in order {
            result += instances(ofGroup: groups[key] ?? [], horizon: horizon, firstOnly: firstOnly)
        }
        return result
    }

    private mutating func instances(
        ofGroup group: [ICalendarComponent], horizon: Int64, firstOnly: Bool
    ) -> [Occurrence] {
        let masters = group.filter { $0.property("RECURRENCE-ID") == nil }
        let overrides = group.filter { $0.property("RECURRENCE-ID") != nil }
        var result: [Occurrence] = []
        var byRecurrenceID: [Int64: ICalendarComponent] = [:]
        var thisAndFuture: [(id: Int64, template: InstanceTemplate)] = []
        let masterAnchor = masters.first.flatMap { InstanceTemplate($0).anchor }
        for override in overrides {
            guard let id = recurrenceID(of: override, masterAnchor: masterAnchor) else { continue }
            byRecurrenceID[id] = override
            if override.property("RECURRENCE-ID")?.parameter("RANGE")?.value.uppercased() == "THISANDFUTURE" {
                thisAndFuture.append((id, InstanceTemplate(override)))
            }
        }
        thisAndFuture.sort { $0.id < $1.id }
        var used: Set<Int64> = []
        for master in masters {
            let template = InstanceTemplate(master)
            guard let anchor = template.anchor else {
                result.append(template.undatedOccurrence(resolver: resolver))
                continue
            }
            let recurs = master.property("RRULE") != nil || master.property("RDATE") != nil
            let skipBefore = thisAndFuture.isEmpty ? skipBound(for: template, anchor: anchor) : nil
            for (local, periodEnd) in recurrenceSet(
                of: master, anchor: anchor, horizon: horizon, skipBefore: skipBefore, firstOnly: firstOnly)
            {
                let id = resolver.seconds(local)
                if let override = byRecurrenceID[id] {
                    used.insert(id)
                    if let occurrence = occurrence(of: override, recurrenceID: id) { result.append(occurrence) }
                } else if let (rangeID, shifted) = thisAndFuture.last(where: { $0.id < id }),
                    let shiftedAnchor = shifted.anchor
                {
                    // RFC 5545 §3.8.4.4: later instances take the override's offset and length.
                    let offset = resolver.seconds(shiftedAnchor) - rangeID
                    let base = shifted.occurrence(
                        at: shiftedAnchor, recurrenceID: id, isOverride: true, resolver: resolver)
                    result.append(
                        Occurrence(
                            start: id + offset, end: id + offset + (base.end - base.start), recurrenceID: id,
                            isOverride: true, component: shifted.component, rule: base.rule, isFloating: base.isFloating
                        ))
                } else {
                    result.append(
                        template.occurrence(
                            at: local, recurrenceID: recurs ? id : nil, isOverride: false, periodEnd: periodEnd,
                            resolver: resolver))
                }
            }
        }
        for (id, override) in byRecurrenceID where !used.contains(id) {
            if let occurrence = occurrence(of: override, recurrenceID: id) { result.append(occurrence) }
        }
        return result
    }

    /// How far rule iteration may jump ahead for ``windowStart``: an instance starting earlier
    /// than the window by more than the master's length (plus two days for zone offsets and
    /// DST) cannot reach it. Overrides are found by RECURRENCE-ID, so skipped instances lose
    /// nothing; a THISANDFUTURE override changes later lengths, and then nothing is skipped.
    private func skipBound(for template: InstanceTemplate, anchor: DateTimeValue) -> Int64? {
        guard let windowStart else { return nil }
        let first = template.occurrence(at: anchor, recurrenceID: nil, isOverride: false, resolver: resolver)
        let length = first.end >= first.start ? first.end &- first.start : 0
        guard length < 3_660 * 86_400 else { return nil }
        let (bound, overflow) = windowStart.subtractingReportingOverflow(length + 2 * 86_400)
        return overflow ? nil : bound
    }

    private func occurrence(of override: ICalendarComponent, recurrenceID: Int64) -> Occurrence? {
        let template = InstanceTemplate(override)
        guard let anchor = template.anchor else { return nil }
        return template.occurrence(at: anchor, recurrenceID: recurrenceID, isOverride: true, resolver: resolver)
    }

    /// UTC seconds of an override's RECURRENCE-ID; a RECURRENCE-ID without TZID is read in the master's zone.
    private func recurrenceID(of override: ICalendarComponent, masterAnchor: DateTimeValue?) -> Int64? {
        guard let property = override.property("RECURRENCE-ID"), var value = DateTimeValue(property: property) else {
            return nil
        }
        if value.isFloating, !value.isDate, let tzid = masterAnchor?.tzid { value.tzid = tzid }
        return resolver.seconds(value)
    }

    /// DTSTART, RRULE instances and RDATEs (with a PERIOD's end), minus EXDATEs; sorted.
    private mutating func recurrenceSet(
        of master: ICalendarComponent, anchor: DateTimeValue, horizon: Int64, skipBefore: Int64?, firstOnly: Bool
    ) -> [(DateTimeValue, Int64?)] {
        var starts: [Int64: (DateTimeValue, Int64?)] = [resolver.seconds(anchor): (anchor, nil)]
        for rule in master.properties("RRULE") {
            var ruleHorizon = horizon
            if let parsed = RecurrenceExpander.parse(rule.value), RecurrenceExpander.isUnbounded(parsed) {
                hasUnboundedRule = true
                if firstOnly { ruleHorizon = resolver.seconds(anchor) }
            }
            for local in expander.expand(
                rule.value, anchor: anchor, horizon: ruleHorizon, skipBefore: skipBefore, resolver: resolver)
            {
                starts[resolver.seconds(local)] = (local, nil)
            }
        }
        for property in master.properties("RDATE") {
            for item in property.value.split(separator: ",") {
                let parts = item.split(separator: "/", maxSplits: 1)
                guard var value = DateTimeValue(parts[0], tzid: property.parameter("TZID")?.value) else { continue }
                if value.isFloating, !value.isDate, anchor.tzid != nil, property.parameter("TZID") == nil {
                    value.tzid = nil
                }
                let start = resolver.seconds(value)
                var end: Int64?
                if parts.count == 2 {
                    if let explicit = DateTimeValue(parts[1], tzid: property.parameter("TZID")?.value) {
                        end = resolver.seconds(explicit)
                    } else if let duration = ICalendarDuration(String(parts[1])) {
                        end = resolver.seconds(value.addingDays(duration.days)) + duration.seconds
                    }
                }
                starts[start] = (value, end)
            }
        }
        for property in master.properties("EXDATE") {
            for item in property.value.split(separator: ",") {
                guard let value = DateTimeValue(item, tzid: property.parameter("TZID")?.value) else { continue }
                if value.isDate, !anchor.isDate {
                    starts = starts.filter {
                        !($0.value.0.year == value.year && $0.value.0.month == value.month
                            && $0.value.0.day == value.day)
                    }
                } else {
                    starts[resolver.seconds(value)] = nil
                }
            }
        }
        return starts.sorted { $0.key < $1.key }.map(\.value)
    }
}
