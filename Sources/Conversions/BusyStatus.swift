import ICalendar

/// `Calendar:BusyStatus` (MS-ASCAL 2.2.2.9) ⇄ X-MICROSOFT-CDO-BUSYSTATUS when present, else
/// TRANSP (RFC 5545 §3.8.2.7: TRANSPARENT is free) and STATUS:TENTATIVE.
enum BusyStatus {
    /// 4, working elsewhere, exists from 16.0 on; older clients see busy.
    static func field(of event: ICalendarComponent, version: ProtocolVersion) -> Int {
        let status: Int
        if event.property(PropertyValueMap.busyStatus.property) != nil {
            status = PropertyValueMap.busyStatus.field(of: event)
        } else if event.value("TRANSP")?.uppercased() == "TRANSPARENT" {
            status = 0
        } else {
            status = event.value("STATUS")?.uppercased() == "TENTATIVE" ? 1 : 2
        }
        return status == 4 && version < .v160 ? 2 : status
    }

    /// Writes `status`: TRANSP first, then the Outlook property when TRANSP alone does not say it.
    static func write(_ status: Int, into event: inout ICalendarComponent, version: ProtocolVersion) {
        guard field(of: event, version: version) != status else { return }
        let transparent = status == 0
        if (event.value("TRANSP")?.uppercased() == "TRANSPARENT") != transparent {
            event.setValue(transparent ? "TRANSPARENT" : "OPAQUE", of: "TRANSP")
        }
        guard field(of: event, version: version) != status else { return }
        let map = PropertyValueMap.busyStatus
        event.setValue(map.valueByField[status] ?? "BUSY", of: map.property)
    }
}
