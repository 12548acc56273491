extension ICalendarObject {
    /// RFC 4791 §9.9 for VALARM: an alarm matches when one of its trigger times (TRIGGER relative
    /// to the instance's start or, with RELATED=END, its end; or an absolute DATE-TIME; plus
    /// REPEAT × DURATION repetitions, RFC 5545 §3.8.6) lies in [start, end).
    func alarmTriggers(start: Int64?, end: Int64?, floatingTimeZone: String?) -> Bool {
        let rangeStart = start ?? .min
        let rangeEnd = end ?? .max
        var reach: Int64 = 0
        for parent in root.components where parent.name == "VEVENT" || parent.name == "VTODO" {
            for alarm in parent.components("VALARM") {
                guard let trigger = alarm.property("TRIGGER"), let offset = ICalendarDuration(trigger.value) else {
                    continue
                }
                let repeats = Int64(min(1000, max(0, Int(alarm.property("REPEAT")?.value ?? "") ?? 0)))
                let step = alarm.property("DURATION").flatMap { ICalendarDuration($0.value) }?.approximateSeconds ?? 0
                reach = max(reach, abs(offset.approximateSeconds) + repeats * abs(step) + 2 * 86_400)
            }
        }
        let widenedEnd = rangeEnd == .max ? .max : rangeEnd &+ reach
        return Libical.run { () -> Bool in
            let resolver = ZoneResolver(root: root, floatingTimeZone: floatingTimeZone)
            defer { resolver.close() }
            var engine = OccurrenceEngine(root: root, resolver: resolver)
            for parent in ["VEVENT", "VTODO"] {
                for instance in engine.instances(of: parent, horizon: widenedEnd) {
                    for alarm in instance.component.components("VALARM") {
                        for time in Self.triggerTimes(of: alarm, instance: instance, resolver: resolver)
                        where rangeStart <= time && rangeEnd > time {
                            return true
                        }
                    }
                }
            }
            return false
        }
    }

    private static func triggerTimes(of alarm: ICalendarComponent, instance: Occurrence, resolver: ZoneResolver)
        -> [Int64]
    {
        guard let trigger = alarm.property("TRIGGER") else { return [] }
        let first: Int64
        if trigger.parameter("VALUE")?.value.uppercased() == "DATE-TIME" {
            guard let value = DateTimeValue(property: trigger) else { return [] }
            first = resolver.seconds(value)
        } else {
            guard let offset = ICalendarDuration(trigger.value) else { return [] }
            let related = trigger.parameter("RELATED")?.value.uppercased() == "END" ? instance.end : instance.start
            guard related != .min, related != .max else { return [] }
            first = related + offset.approximateSeconds
        }
        var times = [first]
        let repeats = min(1000, max(0, Int(alarm.property("REPEAT")?.value ?? "") ?? 0))
        if repeats > 0, let step = alarm.property("DURATION").flatMap({ ICalendarDuration($0.value) }),
            step.approximateSeconds > 0
        {
            for index in 1...repeats { times.append(first + Int64(index) * step.approximateSeconds) }
        }
        return times
    }
}
