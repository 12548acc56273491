import Foundation
import ICalendar
import WBXML

/// The Tasks class (MS-ASTASK) ⇄ an iCalendar object with one VTODO (RFC 5545 §3.6.2). Like
/// ``CalendarConverter``, a Change is merged into the stored object and keeps what EAS does not
/// carry.
public struct TaskConverter: ItemConverter {
    public init() {}

    public var itemClass: ItemClass { .tasks }

    public func applicationData(from stored: [UInt8], context: ConversionContext) throws(ConversionError)
        -> [WBXMLElement]
    {
        let object = try CalendarConverter.parse(stored)
        guard let todo = object.root.components.first(where: { $0.name == "VTODO" }) else {
            throw .unreadableStoredItem("no VTODO in the calendar object")
        }
        return TaskOutbound(object: object, todo: todo, context: context).elements()
    }

    public func merge(_ applicationData: [WBXMLElement], into existing: [UInt8]?, context: ConversionContext)
        throws(ConversionError) -> ConvertedItem
    {
        let original = try existing.map { bytes throws(ConversionError) in try CalendarConverter.parse(bytes) }
        var root = original?.root ?? CalendarConverter.newCalendar()
        let index: Int
        if let found = root.components.firstIndex(where: { $0.name == "VTODO" }) {
            index = found
        } else if original != nil {
            throw .unreadableStoredItem("no VTODO in the calendar object")
        } else {
            let stamp = EASDate.compact(Int64(Date().timeIntervalSince1970))
            root.components.append(
                ICalendarComponent(
                    name: "VTODO",
                    properties: [
                        ICalendarProperty(name: "UID", value: UUID().uuidString),
                        ICalendarProperty(name: "DTSTAMP", value: stamp),
                    ]))
            index = root.components.count - 1
        }
        let object = ICalendarObject(root: root)
        var todo = root.components[index]
        try TaskInbound(
            fields: ClientFields(applicationData), context: context,
            ghosting: Ghosting(context: context, isChange: original != nil), object: object
        ).apply(to: &todo)
        root.components[index] = todo
        let uid = todo.value("UID") ?? ""
        if let original, let existing, original.root == root {
            return ConvertedItem(body: existing, uid: uid)
        }
        return ConvertedItem(body: Array(root.serialized.utf8), uid: uid)
    }
}
