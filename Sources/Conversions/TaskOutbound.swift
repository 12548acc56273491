import ICalendar
import WBXML

/// A stored task as the children of `ApplicationData` (MS-ASTASK 2.2.2).
struct TaskOutbound {
    let object: ICalendarObject
    let todo: ICalendarComponent
    let context: ConversionContext

    func elements() -> [WBXMLElement] {
        var out: [WBXMLElement] = []
        if let description = todo.value("DESCRIPTION") {
            out.append(AirSyncBody.element(for: description, context: context))
        }
        if let summary = todo.value("SUMMARY") { out.append(field("Subject", summary)) }
        out.append(field("Importance", String(TaskFields.importance(of: todo))))
        let start = TaskDate(todo.property("DTSTART"), in: object)
        let due = TaskDate(todo.property("DUE"), in: object)
        if let start {
            out.append(field("UtcStartDate", EASDate.dateTime(start.utc)))
            out.append(field("StartDate", EASDate.dateTime(start.wall)))
        }
        if let due {
            out.append(field("UtcDueDate", EASDate.dateTime(due.utc)))
            out.append(field("DueDate", EASDate.dateTime(due.wall)))
        }
        let categories = Categories.names(of: todo)
        if !categories.isEmpty { out.append(Categories.element(categories, namespace: "Tasks")) }
        if let rule = todo.value("RRULE").flatMap(RecurrenceRule.init), let first = start ?? due {
            out.append(recurrence(rule, first: first).element(.tasks, version: context.version))
        }
        let complete = TaskFields.isComplete(todo)
        out.append(field("Complete", complete ? "1" : "0"))
        if complete,
            let completed = (todo.property("COMPLETED") ?? todo.property("LAST-MODIFIED") ?? todo.property("DTSTAMP"))
                .flatMap({ object.utcSeconds(of: $0) })
        {
            out.append(field("DateCompleted", EASDate.dateTime(completed)))
        }
        out.append(field("Sensitivity", String(PropertyValueMap.sensitivity.field(of: todo))))
        if let trigger = Alarms.firstTrigger(of: todo, in: object, start: start?.utc, end: due?.utc) {
            out.append(field("ReminderTime", EASDate.dateTime(trigger)))
            out.append(field("ReminderSet", "1"))
        } else {
            out.append(field("ReminderSet", "0"))
        }
        if let ordinal = todo.value(TaskFields.ordinalDateProperty).flatMap(EASDate.parse) {
            out.append(field("OrdinalDate", EASDate.dateTime(ordinal.seconds)))
        }
        if let sub = todo.value(TaskFields.subOrdinalDateProperty), !sub.isEmpty {
            out.append(field("SubOrdinalDate", sub))
        }
        return out
    }

    func field(_ name: String, _ text: String) -> WBXMLElement {
        WBXMLElement("Tasks", name, text: text)
    }

    /// The task's RRULE as `Tasks:Recurrence`, `Start` its first date's wall time.
    func recurrence(_ rule: RecurrenceRule, first: TaskDate) -> Recurrence {
        let offset = EventTimes.offsets(first.form, in: object)
        var recurrence = Recurrence(rule: rule, start: CivilTime(seconds: first.wall)) { text in
            guard let value = EASDate.parse(text) else { return nil }
            return value.isUTC || first.form == .date ? value.seconds : value.seconds &- Int64(offset(value.seconds))
        }
        recurrence.start = first.wall
        recurrence.regenerate = todo.value(TaskFields.regenerateProperty) == "1"
        recurrence.deadOccur = todo.value(TaskFields.deadOccurProperty) == "1"
        return recurrence
    }
}
