/// A component (RFC 5545 §3.4, §3.6) as a pure Swift tree: no libical pointer escapes.
public struct ICalendarComponent: Sendable, Equatable {
    /// The component name, upper-cased: `VCALENDAR`, `VEVENT`, `VALARM`, …
    public var name: String
    public var properties: [ICalendarProperty]
    public var components: [ICalendarComponent]

    public init(name: String, properties: [ICalendarProperty] = [], components: [ICalendarComponent] = []) {
        self.name = name.uppercased()
        self.properties = properties
        self.components = components
    }

    /// Every property called `name` (case-insensitive), in order.
    public func properties(_ name: String) -> [ICalendarProperty] {
        let wanted = name.uppercased()
        return properties.filter { $0.name == wanted }
    }

    /// The first property called `name` (case-insensitive).
    public func property(_ name: String) -> ICalendarProperty? {
        let wanted = name.uppercased()
        return properties.first { $0.name == wanted }
    }

    /// The direct sub-components called `name` (case-insensitive).
    public func components(_ name: String) -> [ICalendarComponent] {
        let wanted = name.uppercased()
        return components.filter { $0.name == wanted }
    }

    /// Removes every property called `name`.
    mutating func removeProperties(_ name: String) {
        let wanted = name.uppercased()
        properties.removeAll { $0.name == wanted }
    }

    /// Replaces the properties called `name` by `property` (appended when there was none).
    mutating func setProperty(_ property: ICalendarProperty?, named name: String) {
        let wanted = name.uppercased()
        if let index = properties.firstIndex(where: { $0.name == wanted }) {
            properties.removeAll { $0.name == wanted }
            if let property { properties.insert(property, at: min(index, properties.count)) }
        } else if let property {
            properties.append(property)
        }
    }
}
