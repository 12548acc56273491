import ICalendar

extension TimeZoneInformation {
    /// The structure for UTC, also sent for UTC and floating times (never the all-zero
    /// structure, which clients read as "no zone").
    static let utc = TimeZoneInformation(bias: 0, standardName: "UTC", daylightName: "UTC")

    /// The rules in force in `year` for the zone `tzid` names in `object` (its VTIMEZONE, else
    /// the system's IANA, Windows or Outlook zone), read from libical's offsets: the year's
    /// changes are found day by day, then to the minute, and written as yearly rules (`year` 0,
    /// week 5 = last, MS-ASDTYPE 2.7.6). Nil when the TZID names no zone.
    init?(tzid: String, in object: ICalendarObject, year: Int) {
        let definition = object.root.components.first { $0.name == "VTIMEZONE" && $0.value("TZID") == tzid }
        let key = "\(year)\n\(tzid)\n" + (definition?.serialized ?? "")
        if let known = TimeZoneRulesCache.shared.withLock({ $0[key] }) {
            guard let known else { return nil }
            self = known
            return
        }
        let computed = Self(computingTZID: tzid, in: object, year: year)
        TimeZoneRulesCache.shared.withLock { entries in
            if entries.count >= TimeZoneRulesCache.limit { entries.removeAll() }
            entries[key] = computed
        }
        guard let computed else { return nil }
        self = computed
    }

    private init?(computingTZID tzid: String, in object: ICalendarObject, year: Int) {
        let start = CivilTime(year: year, month: 1, day: 1).seconds
        let days = (0...366).map { start + Int64($0) * 86_400 }
        guard let daily = object.utcOffsets(tzid: tzid, at: days) else { return nil }
        var changes: [(instant: Int64, from: Int, to: Int)] = []
        for index in 1..<daily.count where daily[index] != daily[index - 1] {
            let minutes = (0...1440).map { days[index - 1] + Int64($0) * 60 }
            guard let fine = object.utcOffsets(tzid: tzid, at: minutes),
                let first = fine.firstIndex(where: { $0 != daily[index - 1] })
            else { continue }
            changes.append((minutes[first], daily[index - 1], fine[first]))
        }
        let names = Self.names(for: tzid)
        guard let toDaylight = changes.first(where: { $0.to > $0.from }),
            let toStandard = changes.first(where: { $0.to < $0.from })
        else {
            self.init(bias: Int32(-(daily.last ?? 0) / 60), standardName: names.standard, daylightName: names.daylight)
            return
        }
        let bias = Int32(-toStandard.to / 60)
        self.init(
            bias: bias, standardName: names.standard,
            standardDate: SystemTime(ruleFor: CivilTime(seconds: toStandard.instant + Int64(toStandard.from))),
            standardBias: 0, daylightName: names.daylight,
            daylightDate: SystemTime(ruleFor: CivilTime(seconds: toDaylight.instant + Int64(toDaylight.from))),
            daylightBias: Int32(-toDaylight.to / 60) - bias)
    }

    /// StandardName and DaylightName for a TZID: its Windows zone ID ("W. Europe Standard
    /// Time" and "W. Europe Daylight Time"), which Windows-based clients look up; else the TZID.
    static func names(for tzid: String) -> (standard: String, daylight: String) {
        let name = windowsName(for: tzid) ?? tzid
        let daylight =
            name.hasSuffix("Standard Time") ? String(name.dropLast("Standard Time".count)) + "Daylight Time" : name
        return (name, daylight)
    }

    /// The Windows zone ID of an IANA name (also under a prefix such as
    /// "/mozilla.org/20070129_1/Europe/Berlin"), a Windows ID, or an Outlook display name.
    static func windowsName(for tzid: String) -> String? {
        if let windows = WindowsTimeZones.windows(forIANA: tzid) { return windows }
        if WindowsTimeZones.iana(forWindows: tzid) != nil { return tzid }
        if let iana = WindowsTimeZones.iana(forDisplayName: tzid) { return WindowsTimeZones.windows(forIANA: iana) }
        var parts = tzid.split(separator: "/")
        while parts.count > 2 {
            parts.removeFirst()
            if let windows = WindowsTimeZones.windows(forIANA: parts.joined(separator: "/")) { return windows }
        }
        return nil
    }
}

extension TimeZoneInformation {
    /// Whether the structure is UTC's: no offset and no daylight time.
    var isUTC: Bool { standardOffset == 0 && !hasDaylightTime }

    /// The UTC offset in seconds east at the UTC instant `utc` under these rules (the changes are
    /// wall times: to daylight in standard time, to standard in daylight time).
    func offset(atUTC utc: Int64) -> Int {
        guard hasDaylightTime else { return standardOffset }
        let year = CivilTime(seconds: utc &+ Int64(standardOffset)).year
        guard let toDaylight = daylightDate.occurrence(in: year), let toStandard = standardDate.occurrence(in: year)
        else { return standardOffset }
        let daylightStarts = toDaylight.seconds - Int64(standardOffset)
        let standardStarts = toStandard.seconds - Int64(daylightOffset)
        let inDaylight =
            daylightStarts < standardStarts
            ? utc >= daylightStarts && utc < standardStarts : utc >= daylightStarts || utc < standardStarts
        return inDaylight ? daylightOffset : standardOffset
    }
}
