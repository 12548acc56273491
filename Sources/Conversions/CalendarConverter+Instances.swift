import ICalendar
import WBXML

/// EAS 16.x single-instance edits of a recurring event (MS-ASCMD 2.2.3.24 Change and
/// 2.2.3.42.2 Delete with `AirSyncBase:InstanceId`, MS-ASAIRS 2.2.2.25). Only the master's
/// EXDATEs and the one instance's override change; every other component stays as stored.
extension CalendarConverter: InstanceConverter {
    public func deleteInstance(_ instanceID: String, from stored: [UInt8], context: ConversionContext)
        throws(ConversionError) -> ConvertedItem
    {
        let object = try Self.parse(stored)
        guard let index = Self.masterIndex(in: object.root) else {
            throw .unreadableStoredItem("no VEVENT in the calendar object")
        }
        var master = object.root.components[index]
        let instance = try EventInstance(instanceID, master: master, in: object, blob: nil)
        // RFC 5545 §3.8.5.1: EXDATE in the form (and zone) of DTSTART.
        let exdate = instance.placed.times.form.property(
            "EXDATE", utc: instance.original, offset: instance.placed.zone.offset, keeping: nil)
        let after = master.properties.lastIndex { ["EXDATE", "RDATE", "RRULE"].contains($0.name) }
        master.properties.insert(exdate, at: after.map { $0 + 1 } ?? master.properties.count)
        var root = object.root
        root.components[index] = master
        let overridden = Set(
            EventExceptions.overrides(of: master, in: root).filter { found in
                found.component.property("RECURRENCE-ID").flatMap { object.utcSeconds(of: $0) } == instance.original
            }.map(\.index))
        root.components = root.components.enumerated().filter { !overridden.contains($0.offset) }.map(\.element)
        return ConvertedItem(body: Array(root.serialized.utf8), uid: master.value("UID") ?? "")
    }

    public func changeInstance(
        _ instanceID: String, _ applicationData: [WBXMLElement], in stored: [UInt8], context: ConversionContext
    ) throws(ConversionError) -> ConvertedItem {
        let object = try Self.parse(stored)
        guard let index = Self.masterIndex(in: object.root) else {
            throw .unreadableStoredItem("no VEVENT in the calendar object")
        }
        let fields = ClientFields(applicationData.filter { $0.name != "InstanceId" || $0.namespace != "AirSyncBase" })
        let blob = try fields.text("Timezone", "Calendar").map { text throws(ConversionError) in
            try TimeZoneInformation(base64: text)
        }
        let master = object.root.components[index]
        let instance = try EventInstance(instanceID, master: master, in: object, blob: blob)
        var inbound = EventInbound(
            root: object.root, masterIndex: index, fields: fields, context: context, isChange: true)
        if let created = try inbound.applyInstance(instance.original, fields, placed: instance.placed, in: object) {
            let last = inbound.root.components.lastIndex { $0.name == "VEVENT" } ?? inbound.root.components.count - 1
            inbound.root.components.insert(created, at: last + 1)
        }
        let uid = master.value("UID") ?? ""
        if inbound.root == object.root { return ConvertedItem(body: stored, uid: uid) }
        return ConvertedItem(body: Array(inbound.root.serialized.utf8), uid: uid)
    }
}
