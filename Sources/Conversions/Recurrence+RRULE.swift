extension Recurrence {
    /// The recurrence EAS can say for an RRULE (RFC 5545 §3.3.10) of an item starting at the
    /// wall time `start`. A rule EAS cannot express exactly (BYHOUR, several BYMONTHDAY, BYDAY
    /// ordinals that differ, SECONDLY…HOURLY) becomes the nearest recurrence EAS has: its
    /// frequency with the first of each list. `untilSeconds` reads the UNTIL value.
    init(rule: RecurrenceRule, start: CivilTime, untilSeconds: (String) -> Int64?) {
        let days = rule.byDay
        let plainDays = days.filter { $0.ordinal == nil }.map(\.weekday)
        let setPosition = rule.integers("BYSETPOS").first
        let firstOrdinal = days.first { $0.ordinal != nil }?.ordinal
        let month = rule.integers("BYMONTH").first { (1...12).contains($0) } ?? start.month
        let monthDay = rule.integers("BYMONTHDAY").first { (1...31).contains($0) } ?? start.day
        switch rule["FREQ"]?.uppercased() {
        case "WEEKLY":
            self.init(kind: .weekly)
            dayOfWeek = Self.mask(of: days.isEmpty ? [start.weekday] : days.map(\.weekday))
        case "MONTHLY", "YEARLY":
            let yearly = rule["FREQ"]?.uppercased() == "YEARLY"
            if let ordinal = firstOrdinal ?? (plainDays.isEmpty ? nil : setPosition) {
                self.init(kind: yearly ? .yearlyNth : .monthlyNth)
                weekOfMonth = ordinal < 0 || ordinal > 4 ? 5 : max(1, ordinal)
                let sameWeek = firstOrdinal == nil ? plainDays : days.filter { $0.ordinal == ordinal }.map(\.weekday)
                dayOfWeek = Self.mask(of: sameWeek)
            } else if !plainDays.isEmpty && !yearly {
                self.init(kind: .weekly)
                dayOfWeek = Self.mask(of: plainDays)
            } else {
                self.init(kind: yearly ? .yearly : .monthly)
                dayOfMonth = monthDay
            }
            if yearly { monthOfYear = month }
        default:
            self.init(kind: .daily)
            if !plainDays.isEmpty { dayOfWeek = Self.mask(of: plainDays) }
        }
        interval = min(max(rule.integers("INTERVAL").first ?? 1, 1), 999)
        occurrences = rule.integers("COUNT").first.map { min(max($0, 1), 999) }
        until = rule["UNTIL"].flatMap(untilSeconds)
        firstDayOfWeek = rule["WKST"].flatMap { RecurrenceRule.weekdays.firstIndex(of: $0.uppercased()) }
    }

    /// The RRULE for this recurrence; `untilText` writes UNTIL in the form the item's DTSTART
    /// needs (a DATE for all-day items, UTC otherwise, RFC 5545 §3.3.10).
    func rule(untilText: (Int64) -> String) -> RecurrenceRule {
        var parts: [(name: String, value: String)] = []
        let days = Self.weekdays(of: dayOfWeek ?? 0).map { RecurrenceRule.weekdays[$0] }
        let week = (weekOfMonth ?? 1) >= 5 ? -1 : max(weekOfMonth ?? 1, 1)
        func nth() {
            if days.count == 1 {
                parts.append(("BYDAY", "\(week)\(days[0])"))
            } else {
                parts.append(("BYDAY", days.joined(separator: ",")))
                parts.append(("BYSETPOS", String(week)))
            }
        }
        switch kind {
        case .daily:
            parts.append(("FREQ", "DAILY"))
            if !days.isEmpty { parts.append(("BYDAY", days.joined(separator: ","))) }
        case .weekly:
            parts.append(("FREQ", "WEEKLY"))
            if !days.isEmpty { parts.append(("BYDAY", days.joined(separator: ","))) }
        case .monthly:
            parts.append(("FREQ", "MONTHLY"))
            if let dayOfMonth { parts.append(("BYMONTHDAY", String(dayOfMonth))) }
        case .monthlyNth:
            parts.append(("FREQ", "MONTHLY"))
            nth()
        case .yearly:
            parts.append(("FREQ", "YEARLY"))
            if let monthOfYear { parts.append(("BYMONTH", String(monthOfYear))) }
            if let dayOfMonth { parts.append(("BYMONTHDAY", String(dayOfMonth))) }
        case .yearlyNth:
            parts.append(("FREQ", "YEARLY"))
            if let monthOfYear { parts.append(("BYMONTH", String(monthOfYear))) }
            nth()
        }
        if interval > 1 { parts.insert(("INTERVAL", String(interval)), at: 1) }
        if let occurrences {
            parts.append(("COUNT", String(occurrences)))
        } else if let until {
            parts.append(("UNTIL", untilText(until)))
        }
        if let firstDayOfWeek, (0...6).contains(firstDayOfWeek) {
            parts.append(("WKST", RecurrenceRule.weekdays[firstDayOfWeek]))
        }
        return RecurrenceRule(parts: parts)
    }
}
