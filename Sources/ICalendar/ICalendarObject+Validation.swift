extension ICalendarObject {
    /// The rules for a calendar object resource (RFC 4791 §4.1): no METHOD; at least one
    /// component; one component type (VTIMEZONE aside); every VEVENT/VTODO/VJOURNAL has a UID,
    /// all the same (overrides with RECURRENCE-ID share the master's); a VEVENT has DTSTART
    /// (RFC 5545 §3.6.1 without METHOD). DTSTAMP is not required: many clients omit it.
    /// Date values and RRULEs must parse (RFC 5545 §3.3.4, §3.3.5, §3.3.10; RRULE through libical).
    public func validateAsCalendarResource() throws(ICalendarError) {
        if root.property("METHOD") != nil { throw .forbiddenProperty(name: "METHOD") }
        let components = root.components.filter { $0.name != "VTIMEZONE" }
        guard !components.isEmpty else { throw .noComponents }
        var names: [String] = []
        for component in components where !names.contains(component.name) { names.append(component.name) }
        guard names.count == 1 else { throw .mixedComponents(names) }
        var uids: [String] = []
        for component in components {
            guard let uid = component.property("UID")?.value, !uid.isEmpty else {
                throw .missingUID(component: component.name)
            }
            if !uids.contains(uid) { uids.append(uid) }
            if component.name == "VEVENT", component.property("DTSTART") == nil {
                throw .missingProperty(component: "VEVENT", property: "DTSTART")
            }
            try Self.validateValues(of: component)
        }
        guard uids.count == 1 else { throw .multipleUIDs(uids) }
        for zone in root.components("VTIMEZONE") where zone.property("TZID") == nil {
            throw .missingProperty(component: "VTIMEZONE", property: "TZID")
        }
    }

    private static func validateValues(of component: ICalendarComponent) throws(ICalendarError) {
        for name in ["DTSTART", "DTEND", "DUE", "RECURRENCE-ID"] {
            if let property = component.property(name), DateTimeValue(property: property) == nil {
                throw .invalidProperty(name: name, value: property.value)
            }
        }
        if let property = component.property("DURATION"), ICalendarDuration(property.value) == nil {
            throw .invalidProperty(name: "DURATION", value: property.value)
        }
        for name in ["EXDATE", "RDATE"] {
            for property in component.properties(name) {
                for item in property.value.split(separator: ",") {
                    guard DateTimeValue(item.split(separator: "/")[0]) != nil else {
                        throw .invalidProperty(name: name, value: property.value)
                    }
                }
            }
        }
        let rules = component.properties("RRULE").map(\.value)
        if !rules.isEmpty {
            let bad = Libical.run { rules.first { RecurrenceExpander.parse($0) == nil } }
            if let bad { throw .invalidProperty(name: "RRULE", value: bad) }
        }
    }
}
