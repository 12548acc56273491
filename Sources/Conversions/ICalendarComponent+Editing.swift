import ICalendar

/// Edits that keep everything else of a component where it was (DESIGN.md: nothing lost).
extension ICalendarComponent {
    /// Sets the value of the first property called `name`, keeping its parameters and position;
    /// appends `ICalendarProperty(name, value, parameters)` when there is none. Nothing is
    /// rewritten when the value is already `value`.
    mutating func setValue(_ value: String, of name: String, parameters: [ICalendarParameter] = []) {
        if let index = properties.firstIndex(where: { $0.name == name }) {
            if properties[index].value != value { properties[index].value = value }
        } else {
            properties.append(ICalendarProperty(name: name, value: value, parameters: parameters))
        }
    }

    /// Replaces every property called `name` by `replacement`, at the place of the first one.
    mutating func replaceProperties(_ name: String, with replacement: [ICalendarProperty]) {
        let index = properties.firstIndex { $0.name == name }
        properties.removeAll { $0.name == name }
        properties.insert(contentsOf: replacement, at: min(index ?? properties.count, properties.count))
    }

    /// Removes every property called `name`.
    mutating func removeAll(_ name: String) {
        properties.removeAll { $0.name == name }
    }

    /// The value of the first property called `name`.
    func value(_ name: String) -> String? {
        property(name)?.value
    }
}

extension ICalendarProperty {
    /// Sets (or adds) a parameter to one value, keeping the others.
    mutating func setParameter(_ name: String, _ value: String) {
        if let index = parameters.firstIndex(where: { $0.name == name }) {
            if parameters[index].values != [value] { parameters[index].values = [value] }
        } else {
            parameters.append(ICalendarParameter(name: name, values: [value]))
        }
    }

    mutating func removeParameter(_ name: String) {
        parameters.removeAll { $0.name == name }
    }
}
