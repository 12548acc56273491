import Foundation
import ICalendar
import WBXML

/// A client's task fields merged into a VTODO; as for events, a field changes its property only
/// when it says something else, and an absent field clears only when not ghosted.
struct TaskInbound {
    let fields: ClientFields
    let context: ConversionContext
    let ghosting: Ghosting
    /// The object as stored.
    let object: ICalendarObject

    func apply(to todo: inout ICalendarComponent) throws(ConversionError) {
        if let subject = try fields.text("Subject", "Tasks") {
            if subject != todo.value("SUMMARY") ?? "" {
                subject.isEmpty ? todo.removeAll("SUMMARY") : todo.setValue(subject, of: "SUMMARY")
            }
        } else if ghosting.clearsWhenAbsent("Subject", "Tasks") {
            todo.removeAll("SUMMARY")
        }
        if let body = fields.element("Body", "AirSyncBase"), let text = AirSyncBody.text(of: body),
            text != todo.value("DESCRIPTION")
        {
            if text.isEmpty { todo.removeAll("DESCRIPTION") } else { todo.setValue(text, of: "DESCRIPTION") }
        }
        if let importance = try fields.integer("Importance", "Tasks", in: 0...2),
            importance != TaskFields.importance(of: todo), let priority = TaskFields.priorityByImportance[importance]
        {
            todo.setValue(String(priority), of: "PRIORITY")
        } else if !fields.has("Importance", "Tasks"), ghosting.clearsWhenAbsent("Importance", "Tasks") {
            todo.removeAll("PRIORITY")
        }
        let oldStart = TaskDate(todo.property("DTSTART"), in: object)
        let oldDue = TaskDate(todo.property("DUE"), in: object)
        try writeDate("DTSTART", utcField: "UtcStartDate", localField: "StartDate", old: oldStart, into: &todo)
        try writeDate("DUE", utcField: "UtcDueDate", localField: "DueDate", old: oldDue, into: &todo)
        try applyCompletion(to: &todo)
        if let sensitivity = try fields.integer("Sensitivity", "Tasks", in: 0...3) {
            PropertyValueMap.sensitivity.write(sensitivity, into: &todo)
        } else if ghosting.clearsWhenAbsent("Sensitivity", "Tasks") {
            todo.removeAll("CLASS")
        }
        if let names = try Categories.read(fields, namespace: "Tasks") {
            Categories.write(names, into: &todo)
        } else if ghosting.clearsWhenAbsent("Categories", "Tasks") {
            todo.removeAll("CATEGORIES")
        }
        try applyReminder(to: &todo, start: oldStart, due: oldDue)
        try applyRecurrence(to: &todo, first: oldStart ?? oldDue)
        try applyOrdering(to: &todo)
    }

    /// OrdinalDate and SubOrdinalDate (``TaskFields/ordinalDateProperty``) → their X-
    /// properties, written only when they say something else; absent, cleared when not ghosted.
    private func applyOrdering(to todo: inout ICalendarComponent) throws(ConversionError) {
        let property = TaskFields.ordinalDateProperty
        if let ordinal = try fields.date("OrdinalDate", "Tasks") {
            if todo.value(property).flatMap(EASDate.parse)?.seconds != ordinal.seconds {
                todo.setValue(EASDate.compact(ordinal.seconds), of: property)
            }
        } else if ghosting.clearsWhenAbsent("OrdinalDate", "Tasks") {
            todo.removeAll(property)
        }
        let subProperty = TaskFields.subOrdinalDateProperty
        if let sub = try fields.text("SubOrdinalDate", "Tasks") {
            guard sub.utf8.count <= TaskFields.maximumSubOrdinalLength else {
                throw .invalidField(name: "SubOrdinalDate", value: ClientFields.shown(sub))
            }
            if sub.isEmpty { todo.removeAll(subProperty) } else { todo.setValue(sub, of: subProperty) }
        } else if ghosting.clearsWhenAbsent("SubOrdinalDate", "Tasks") {
            todo.removeAll(subProperty)
        }
    }

    /// StartDate/UtcStartDate, DueDate/UtcDueDate (MS-ASTASK 2.2.2) → DTSTART, DUE: in the stored form (a DATE stays a DATE); a new date is a DATE
    /// when its local time is midnight, else UTC.
    private func writeDate(
        _ name: String, utcField: String, localField: String, old: TaskDate?, into todo: inout ICalendarComponent
    ) throws(ConversionError) {
        let utc = try fields.date(utcField, "Tasks")
        let local = try fields.date(localField, "Tasks")
        guard utc != nil || local != nil else {
            if ghosting.clearsWhenAbsent(utcField, "Tasks") || ghosting.clearsWhenAbsent(localField, "Tasks") {
                todo.removeAll(name)
            }
            return
        }
        let wall = local?.seconds ?? utc!.seconds
        let instant = utc?.seconds ?? wall
        let form: TimeForm
        if let old {
            form = old.form
        } else {
            form = CivilTime(seconds: wall).isMidnight ? .date : (utc != nil ? .utc : .floating)
        }
        let value: Int64 = form == .date ? wall.dividedRoundingDown(by: 86_400) * 86_400 : instant
        if let old, old.form == form, form == .date ? old.wall == value : old.utc == value { return }
        let offset = EventTimes.offsets(form, in: object)
        let stored = form == .floating ? wall : value
        todo.replaceProperties(
            name, with: [form.property(name, utc: stored, offset: offset, keeping: todo.property(name))])
    }

    /// Complete and DateCompleted (MS-ASTASK 2.2.2) ⇄ STATUS and COMPLETED.
    private func applyCompletion(to todo: inout ICalendarComponent) throws(ConversionError) {
        let completedAt = try fields.date("DateCompleted", "Tasks")
        guard let complete = try fields.flag("Complete", "Tasks") else { return }
        let wasComplete = TaskFields.isComplete(todo)
        if complete {
            if !wasComplete { todo.setValue("COMPLETED", of: "STATUS") }
            let stored = todo.property("COMPLETED").flatMap { object.utcSeconds(of: $0) }
            let at = completedAt.map(\.seconds) ?? stored ?? Int64(Date().timeIntervalSince1970)
            if stored != at { todo.setValue(EASDate.compact(at), of: "COMPLETED") }
            if let percent = todo.value("PERCENT-COMPLETE"), percent != "100" {
                todo.setValue("100", of: "PERCENT-COMPLETE")
            }
        } else if wasComplete {
            todo.setValue("NEEDS-ACTION", of: "STATUS")
            todo.removeAll("COMPLETED")
            todo.removeAll("PERCENT-COMPLETE")
        }
    }

    /// ReminderSet/ReminderTime (MS-ASTASK 2.2.2, 2.2.2.20) ⇄ the first VALARM, with an
    /// absolute trigger (RFC 5545 §3.8.6.3) when the client sets a new time.
    private func applyReminder(to todo: inout ICalendarComponent, start: TaskDate?, due: TaskDate?)
        throws(ConversionError)
    {
        let time = try fields.date("ReminderTime", "Tasks")
        guard let set = try fields.flag("ReminderSet", "Tasks") else {
            if ghosting.clearsWhenAbsent("ReminderSet", "Tasks") { Alarms.removeAll(from: &todo) }
            return
        }
        guard set else {
            Alarms.removeAll(from: &todo)
            return
        }
        guard let time else { return }
        let current = Alarms.firstTrigger(of: todo, in: object, start: start?.utc, end: due?.utc)
        guard current != time.seconds else { return }
        let trigger = ICalendarProperty(
            name: "TRIGGER", value: EASDate.compact(time.seconds),
            parameters: [ICalendarParameter(name: "VALUE", values: ["DATE-TIME"])])
        Alarms.setFirstTrigger(trigger, in: &todo, summary: todo.value("SUMMARY"))
    }

    /// `Tasks:Recurrence` → RRULE, kept as written while it says the same (as for events);
    /// Regenerate and DeadOccur in their X- properties.
    private func applyRecurrence(to todo: inout ICalendarComponent, first: TaskDate?) throws(ConversionError) {
        guard let list = try fields.container("Recurrence", "Tasks") else {
            if ghosting.clearsWhenAbsent("Recurrence", "Tasks") {
                for name in ["RRULE", TaskFields.regenerateProperty, TaskFields.deadOccurProperty] {
                    todo.removeAll(name)
                }
            }
            return
        }
        let client = try Recurrence(list, .tasks)
        let outbound = TaskOutbound(object: object, todo: todo, context: context)
        let stored = todo.value("RRULE").flatMap(RecurrenceRule.init)
        let same =
            stored.flatMap { rule in first.map { outbound.recurrence(rule, first: $0) } }.map {
                var mine = $0
                mine.regenerate = client.regenerate
                mine.deadOccur = client.deadOccur
                return mine.isSame(asClient: client, clientSentFirstDayOfWeek: list.has("FirstDayOfWeek", "Tasks"))
            } ?? false
        if !same {
            let isDate = (TaskDate(todo.property("DTSTART"), in: object) ?? first)?.form == .date
            let rule = client.rule { until in isDate ? CivilTime(seconds: until).date : EASDate.compact(until) }
            todo.replaceProperties("RRULE", with: [ICalendarProperty(name: "RRULE", value: rule.text)])
        }
        for (property, flag) in [
            (TaskFields.regenerateProperty, client.regenerate), (TaskFields.deadOccurProperty, client.deadOccur),
        ]
        where (todo.value(property) == "1") != flag {
            if flag { todo.setValue("1", of: property) } else { todo.removeAll(property) }
        }
    }
}
