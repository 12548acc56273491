import ICalendar
import WBXML

extension EventInbound {
    /// `Recurrence` → RRULE, kept as written while the client's recurrence says what the stored
    /// rule says (a rule EAS can only approximate survives a Change of other fields); then
    /// `Exceptions` → EXDATE and overridden instances.
    mutating func applyRecurrence(old: EventTimes?, placed: PlacedTimes) throws(ConversionError) {
        var event = root.components[masterIndex]
        let stored = event.properties("RRULE")
        if let list = try fields.container("Recurrence", "Calendar") {
            let client = try Recurrence(list, .calendar)
            let outbound = EventOutbound(
                object: original, master: original.root.components[storedMasterIndex], context: context)
            let storedRule = event.value("RRULE").flatMap(RecurrenceRule.init)
            let same =
                storedRule.flatMap { rule in old.map { outbound.recurrence(rule, $0) } }?
                .isSame(asClient: client, clientSentFirstDayOfWeek: list.has("FirstDayOfWeek", "Calendar")) ?? false
            if !same {
                let rule = client.rule { until in
                    placed.times.isAllDay
                        ? CivilTime(seconds: placed.day(EASDate.Value(seconds: until, isUTC: !client.untilIsLocal)))
                            .date
                        : EASDate.compact(until)
                }
                event.replaceProperties("RRULE", with: [ICalendarProperty(name: "RRULE", value: rule.text)])
            }
        } else if ghosting.clearsWhenAbsent("Recurrence", "Calendar"), event.property("RRULE") != nil {
            for name in ["RRULE", "RDATE", "EXDATE"] { event.removeAll(name) }
            root.components[masterIndex] = event
            removeOverrides(except: [])
            return
        }
        root.components[masterIndex] = event
        guard event.property("RRULE") != nil else { return }
        let moved = placed.times.start != old?.start || placed.times.end != old?.end
        if version >= .v160, ghosting.isChange, moved || event.properties("RRULE") != stored {
            dropExceptions()
            return
        }
        guard let list = try fields.container("Exceptions", "Calendar") else { return }
        try applyExceptions(list, placed: placed)
    }

    /// MS-ASCAL 2.2.2.22: from 16.0, "changing the recurrence pattern or the start/end times of
    /// a recurring series will delete any exceptions present on the calendar item" — every
    /// one, not only those the new series no longer has: the overrides (also those that
    /// matched no instance) and the deleted instances (EXDATE). The client has dropped them
    /// on its side already and never sends `Exceptions` from 16.0.
    mutating func dropExceptions() {
        var master = root.components[masterIndex]
        if master.property("EXDATE") != nil {
            master.removeAll("EXDATE")
            root.components[masterIndex] = master
        }
        removeOverrides(except: [])
    }

    /// The client's `Exceptions` is the whole list (MS-ASCAL 2.2.2): deleted instances become
    /// the EXDATEs, changed ones the overridden VEVENTs; stored ones it no longer names go,
    /// except overrides that matched no instance of the stored series
    /// (``EventExceptions/unmatched(of:in:)``), which phones drop from their lists.
    mutating func applyExceptions(_ list: ClientFields, placed: PlacedTimes) throws(ConversionError) {
        var items: [(original: Int64, deleted: Bool, fields: ClientFields)] = []
        for element in list.elements where element.name == "Exception" {
            let exception = ClientFields(element.children)
            var sent = try exception.date("ExceptionStartTime", "Calendar")
            if sent == nil { sent = try exception.date("InstanceId", "AirSyncBase") }
            guard let sent else { throw .invalidField(name: "ExceptionStartTime", value: "") }
            items.append((placed.original(sent), try exception.flag("Deleted", "Calendar") ?? false, exception))
        }
        let current = ICalendarObject(root: root)
        var master = root.components[masterIndex]
        let deleted = Set(items.filter(\.deleted).map(\.original))
        let stored = Set(master.properties("EXDATE").flatMap { current.utcTimes(of: $0).map(\.start) })
        if deleted != stored {
            master.replaceProperties(
                "EXDATE",
                with: deleted.sorted().map {
                    placed.times.form.property("EXDATE", utc: $0, offset: placed.zone.offset, keeping: nil)
                })
            root.components[masterIndex] = master
        }
        var kept: Set<Int64> = []
        var added: [ICalendarComponent] = []
        for item in items where !item.deleted {
            kept.insert(item.original)
            if let created = try applyInstance(item.original, item.fields, placed: placed, in: current) {
                added.append(created)
            }
        }
        let unmatched = EventExceptions.unmatched(of: original.root.components[storedMasterIndex], in: original)
        removeOverrides(except: kept.union(unmatched))
        let last = root.components.lastIndex { $0.name == "VEVENT" } ?? root.components.count - 1
        root.components.insert(contentsOf: added, at: last + 1)
    }

    /// One changed instance (an `Exception`, or a 16.x Change with `InstanceId`): its
    /// overridden VEVENT updated in place, or a new one returned for the caller to insert.
    /// Fields the client did not send are the series' (MS-ASCAL 2.2.2.21).
    mutating func applyInstance(
        _ original: Int64, _ fields: ClientFields, placed: PlacedTimes, in current: ICalendarObject
    ) throws(ConversionError) -> ICalendarComponent? {
        let master = root.components[masterIndex]
        let writer = EventFieldWriter(fields: fields, context: context, ghosting: ghosting, original: current)
        guard
            let found = EventExceptions.overrides(of: master, in: root).first(where: { instance in
                instance.component.property("RECURRENCE-ID").flatMap { current.utcSeconds(of: $0) } == original
            })
        else {
            return try newOverride(original, fields, master: master, placed: placed, writer: writer)
        }
        var instance = found.component
        let old = EventTimes(of: instance, in: current)
        try writer.apply(to: &instance, master: master)
        try applyAttendees(fields, to: &instance)
        if let times = try placed.times(from: fields, old: old, allDayDefault: placed.times.isAllDay) {
            write(times, old: old, zone: placed.zone, into: &instance)
        }
        root.components[found.index] = instance
        return nil
    }

    /// An instance the client changed that was not overridden yet: the master's properties
    /// without its recurrence, at the instance's original time, with the exception's fields.
    private func newOverride(
        _ original: Int64, _ fields: ClientFields, master: ICalendarComponent, placed: PlacedTimes,
        writer: EventFieldWriter
    ) throws(ConversionError) -> ICalendarComponent {
        var instance = master
        for name in ["RRULE", "RDATE", "EXDATE", "DTSTART", "DTEND", "DURATION", "RECURRENCE-ID"] {
            instance.removeAll(name)
        }
        let form = placed.times.form
        let length = placed.times.end - placed.times.start
        let recurrenceID = form.property("RECURRENCE-ID", utc: original, offset: placed.zone.offset, keeping: nil)
        instance.properties.insert(recurrenceID, at: min(1, instance.properties.count))
        let old = EventTimes(start: original, end: original + length, form: form)
        let times = try placed.times(from: fields, old: old, allDayDefault: placed.times.isAllDay) ?? old
        instance.properties.append(
            times.form.property(
                "DTSTART", utc: times.start, offset: placed.zone.offset, keeping: master.property("DTSTART")))
        instance.properties.append(
            times.form.property("DTEND", utc: times.end, offset: placed.zone.offset, keeping: master.property("DTEND")))
        try writer.apply(to: &instance, master: master)
        try applyAttendees(fields, to: &instance)
        return instance
    }

    /// An instance's `Attendees` (MS-ASCAL 2.2.2.4, a child of `Exception` from 14.0): the
    /// client's list written as for the series (an attendee that stays keeps its other
    /// parameters). Absent, the instance's stay as stored: the spec reads a missing list as the
    /// series', but a phone that does not keep an exception's attendees sends none, and
    /// following the series would erase what it cannot show. Before 14.0 the client cannot say
    /// them at all.
    func applyAttendees(_ fields: ClientFields, to instance: inout ICalendarComponent) throws(ConversionError) {
        guard version >= .v140, let list = try fields.container("Attendees", "Calendar") else { return }
        Attendees.write(try Attendees.read(list), into: &instance)
    }

    /// Removes the overridden instances of the master whose original start is not in `kept`.
    mutating func removeOverrides(except kept: Set<Int64>) {
        let current = ICalendarObject(root: root)
        let master = root.components[masterIndex]
        let gone = Set(
            EventExceptions.overrides(of: master, in: root).filter { instance in
                guard let id = instance.component.property("RECURRENCE-ID") else { return true }
                return !kept.contains(current.utcSeconds(of: id) ?? .min)
            }.map(\.index))
        root.components = root.components.enumerated().filter { !gone.contains($0.offset) }.map(\.element)
        masterIndex = CalendarConverter.masterIndex(in: root) ?? masterIndex
    }
}
