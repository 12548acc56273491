import WBXML

extension Recurrence {
    /// The `Recurrence` element in `dialect`'s code page for a client of `version`:
    /// `CalendarType` from 14.0 and `FirstDayOfWeek` from 14.1 (MS-ASCAL 2.2.2).
    func element(_ dialect: RecurrenceDialect, version: ProtocolVersion) -> WBXMLElement {
        var fields: [String: String] = ["Type": String(kind.rawValue)]
        if interval > 1 || dialect.hasTaskFields { fields["Interval"] = String(interval) }
        fields["Occurrences"] = occurrences.map(String.init)
        fields["Until"] = until.map { untilIsLocal ? EASDate.compact($0, utc: false) : dialect.date($0) }
        fields["DayOfWeek"] = dayOfWeek.map(String.init)
        fields["DayOfMonth"] = dayOfMonth.map(String.init)
        fields["WeekOfMonth"] = weekOfMonth.map(String.init)
        fields["MonthOfYear"] = monthOfYear.map(String.init)
        if dialect.hasTaskFields {
            fields["Start"] = start.map(dialect.date)
            fields["Regenerate"] = regenerate ? "1" : "0"
            fields["DeadOccur"] = deadOccur ? "1" : "0"
        }
        if version >= .v140 { fields["CalendarType"] = "0" }
        if version >= .v141 { fields["FirstDayOfWeek"] = firstDayOfWeek.map(String.init) }
        return WBXMLElement(
            dialect.namespace, "Recurrence",
            children: dialect.order.compactMap { name in
                fields[name].map { WBXMLElement(dialect.namespace, name, text: $0) }
            })
    }

    /// Reads a client's `Recurrence`; every value is checked against its range (MS-ASCAL
    /// 2.2.2.37 and its children). A `CalendarType` other than Gregorian (0, 1) is refused:
    /// iCalendar RRULEs here are Gregorian.
    init(_ fields: ClientFields, _ dialect: RecurrenceDialect) throws(ConversionError) {
        let ns = dialect.namespace
        guard let type = try fields.integer("Type", ns, in: 0...6), let kind = Kind(rawValue: type) else {
            throw .invalidField(name: "Type", value: (try? fields.text("Type", ns)).flatMap { $0 } ?? "")
        }
        self.init(kind: kind)
        interval = try fields.integer("Interval", ns, in: 0...999).map { max($0, 1) } ?? 1
        occurrences = try fields.integer("Occurrences", ns, in: 1...999)
        dayOfWeek = try fields.integer("DayOfWeek", ns, in: 1...127)
        dayOfMonth = try fields.integer("DayOfMonth", ns, in: 1...31)
        weekOfMonth = try fields.integer("WeekOfMonth", ns, in: 1...5)
        monthOfYear = try fields.integer("MonthOfYear", ns, in: 1...12)
        firstDayOfWeek = try fields.integer("FirstDayOfWeek", ns, in: 0...6)
        if let calendarType = try fields.integer("CalendarType", ns, in: 0...23), calendarType > 1 {
            throw .invalidField(name: "CalendarType", value: String(calendarType))
        }
        _ = try fields.flag("IsLeapMonth", ns)
        let sentUntil = try fields.date("Until", ns)
        until = sentUntil?.seconds
        untilIsLocal = sentUntil.map { !$0.isUTC } ?? false
        if dialect.hasTaskFields {
            start = try fields.date("Start", ns)?.seconds
            regenerate = try fields.flag("Regenerate", ns) ?? false
            deadOccur = try fields.flag("DeadOccur", ns) ?? false
        }
        switch kind {
        case .weekly, .monthlyNth, .yearlyNth:
            guard dayOfWeek != nil else { throw .invalidField(name: "DayOfWeek", value: "") }
        default: break
        }
    }
}
