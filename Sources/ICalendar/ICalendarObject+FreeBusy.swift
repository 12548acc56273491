extension ICalendarObject {
    /// Busy time in [start, end) for free-busy-query (RFC 4791 §7.10): VEVENT instances except
    /// TRANSP:TRANSPARENT and STATUS:CANCELLED ones (STATUS:TENTATIVE gives BUSY-TENTATIVE;
    /// Outlook's X-MICROSOFT-CDO-BUSYSTATUS FREE/TENTATIVE/OOF is honoured), and the FREEBUSY
    /// periods of VFREEBUSY components (FBTYPE, RFC 5545 §3.2.9; FREE skipped). Clipped to the range.
    public func busyPeriods(from start: Int64, to end: Int64) -> [BusyPeriod] {
        var periods: [BusyPeriod] = []
        for occurrence in occurrences(of: "VEVENT", from: start, to: end) {
            let event = occurrence.component
            guard occurrence.end > occurrence.start,
                event.property("TRANSP")?.value.uppercased() != "TRANSPARENT",
                event.property("STATUS")?.value.uppercased() != "CANCELLED"
            else { continue }
            var type = event.property("STATUS")?.value.uppercased() == "TENTATIVE" ? "BUSY-TENTATIVE" : "BUSY"
            switch event.property("X-MICROSOFT-CDO-BUSYSTATUS")?.value.uppercased() {
            case "FREE": continue
            case "TENTATIVE": type = "BUSY-TENTATIVE"
            case "OOF": type = "BUSY-UNAVAILABLE"
            default: break
            }
            periods.append(BusyPeriod(start: max(start, occurrence.start), end: min(end, occurrence.end), type: type))
        }
        for freeBusy in root.components("VFREEBUSY") {
            for property in freeBusy.properties("FREEBUSY") {
                let type = property.parameter("FBTYPE")?.value.uppercased() ?? "BUSY"
                guard type != "FREE" else { continue }
                for item in property.value.split(separator: ",") {
                    let parts = item.split(separator: "/", maxSplits: 1)
                    guard parts.count == 2, let from = DateTimeValue(parts[0]), from.isUTC else { continue }
                    let periodStart = from.secondsAsUTC
                    var periodEnd: Int64
                    if let to = DateTimeValue(parts[1]), to.isUTC {
                        periodEnd = to.secondsAsUTC
                    } else if let duration = ICalendarDuration(String(parts[1])) {
                        periodEnd = periodStart + duration.approximateSeconds
                    } else {
                        continue
                    }
                    periodEnd = min(periodEnd, end)
                    guard periodStart < end, periodEnd > start, periodEnd > max(start, periodStart) else { continue }
                    periods.append(BusyPeriod(start: max(start, periodStart), end: periodEnd, type: type))
                }
            }
        }
        return periods.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
    }
}
