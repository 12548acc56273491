import DAVXML
import ICalendar

/// A calendar-query filter (RFC 4791 §9.7), parsed once and evaluated on
/// each candidate object.
indirect enum CalendarFilter: Sendable {
    /// `comp-filter` (§9.7.1).
    case component(
        name: String, isNotDefined: Bool, timeRange: TimeRange?, properties: [PropertyFilter],
        components: [CalendarFilter])

    struct TimeRange: Sendable, Equatable {
        let start: Int64?
        let end: Int64?
    }

    /// `prop-filter` (§9.7.2).
    struct PropertyFilter: Sendable {
        let name: String
        let isNotDefined: Bool
        let timeRange: TimeRange?
        let textMatch: TextMatch?
        let parameters: [ParameterFilter]
    }

    /// `param-filter` (§9.7.3).
    struct ParameterFilter: Sendable {
        let name: String
        let isNotDefined: Bool
        let textMatch: TextMatch?
    }

    static let namespace = Namespaces.calDAV

    /// Parses the `filter` element; throws 403 `valid-filter` or `supported-collation`.
    init(_ filter: XMLElement) throws(DAVError) {
        guard let top = filter.child(XMLName(Self.namespace, "comp-filter")) else {
            throw DAVError(
                403, XMLName(Self.namespace, "valid-filter"), "The filter needs a comp-filter for VCALENDAR.")
        }
        self = try Self.component(top)
    }

    private static func component(_ element: XMLElement) throws(DAVError) -> CalendarFilter {
        guard let name = element.attributes[XMLName("", "name")]?.uppercased(), !name.isEmpty else {
            throw DAVError(403, XMLName(namespace, "valid-filter"), "A comp-filter needs a name.")
        }
        var properties: [PropertyFilter] = []
        for property in element.children(XMLName(namespace, "prop-filter")) {
            properties.append(try propertyFilter(property))
        }
        var components: [CalendarFilter] = []
        for child in element.children(XMLName(namespace, "comp-filter")) {
            components.append(try component(child))
        }
        return .component(
            name: name, isNotDefined: element.child(XMLName(namespace, "is-not-defined")) != nil,
            timeRange: try timeRange(element), properties: properties, components: components)
    }

    private static func propertyFilter(_ element: XMLElement) throws(DAVError) -> PropertyFilter {
        guard let name = element.attributes[XMLName("", "name")]?.uppercased(), !name.isEmpty else {
            throw DAVError(403, XMLName(namespace, "valid-filter"), "A prop-filter needs a name.")
        }
        var parameters: [ParameterFilter] = []
        for parameter in element.children(XMLName(namespace, "param-filter")) {
            guard let parameterName = parameter.attributes[XMLName("", "name")]?.uppercased() else {
                throw DAVError(403, XMLName(namespace, "valid-filter"), "A param-filter needs a name.")
            }
            parameters.append(
                ParameterFilter(
                    name: parameterName, isNotDefined: parameter.child(XMLName(namespace, "is-not-defined")) != nil,
                    textMatch: try textMatch(parameter)))
        }
        return PropertyFilter(
            name: name, isNotDefined: element.child(XMLName(namespace, "is-not-defined")) != nil,
            timeRange: try timeRange(element), textMatch: try textMatch(element), parameters: parameters)
    }

    static func timeRange(_ element: XMLElement) throws(DAVError) -> TimeRange? {
        guard let range = element.child(XMLName(namespace, "time-range")) else { return nil }
        let start = range.attributes[XMLName("", "start")]
        let end = range.attributes[XMLName("", "end")]
        let startSeconds = start.flatMap(ICalendarDate.parseUTC)
        let endSeconds = end.flatMap(ICalendarDate.parseUTC)
        // §9.9: at least one bound, each a UTC date-time.
        guard start != nil || end != nil, (start == nil) == (startSeconds == nil), (end == nil) == (endSeconds == nil)
        else {
            throw DAVError(
                403, XMLName(namespace, "valid-filter"), "A time-range needs UTC start and/or end attributes.")
        }
        return TimeRange(start: startSeconds, end: endSeconds)
    }

    private static func textMatch(_ element: XMLElement) throws(DAVError) -> TextMatch? {
        guard let match = element.child(XMLName(namespace, "text-match")) else { return nil }
        return try TextMatch(match, preconditionNamespace: namespace)
    }

    // MARK: Evaluation

    /// Whether the object passes the filter (the top comp-filter applies to the VCALENDAR).
    func matches(_ object: ICalendarObject, floatingTimeZone: String?) -> Bool {
        guard case .component(let name, let isNotDefined, _, let properties, let components) = self else {
            return false
        }
        guard name == object.root.name else { return isNotDefined }
        if isNotDefined { return false }
        return properties.allSatisfy { $0.matches(object.root, in: object, floatingTimeZone: floatingTimeZone) }
            && components.allSatisfy {
                $0.matches(within: object.root, object: object, floatingTimeZone: floatingTimeZone)
            }
    }

    private func matches(within parent: ICalendarComponent, object: ICalendarObject, floatingTimeZone: String?) -> Bool
    {
        guard case .component(let name, let isNotDefined, let timeRange, let properties, let components) = self else {
            return false
        }
        let candidates = parent.components(name)
        if isNotDefined { return candidates.isEmpty }
        guard !candidates.isEmpty else { return false }
        if let timeRange {
            // Time ranges are evaluated over every occurrence (§9.9), on the whole object.
            guard
                object.overlaps(
                    component: name, start: timeRange.start, end: timeRange.end, floatingTimeZone: floatingTimeZone)
            else { return false }
        }
        return candidates.contains { candidate in
            properties.allSatisfy { $0.matches(candidate, in: object, floatingTimeZone: floatingTimeZone) }
                && components.allSatisfy {
                    $0.matches(within: candidate, object: object, floatingTimeZone: floatingTimeZone)
                }
        }
    }
}

extension CalendarFilter.PropertyFilter {
    /// Whether a property of `component` (part of `object`) passes the filter (RFC 4791 §9.7.2).
    /// A time-range reads DATE and DATE-TIME values with the object's VTIMEZONEs, the system
    /// zones and `floatingTimeZone` (§9.9); a list value matches when any of its items does.
    func matches(_ component: ICalendarComponent, in object: ICalendarObject, floatingTimeZone: String?) -> Bool {
        let properties = component.properties(name)
        if isNotDefined { return properties.isEmpty }
        guard !properties.isEmpty else { return false }
        return properties.contains { property in
            if let timeRange {
                let times = object.utcTimes(of: property, floatingTimeZone: floatingTimeZone)
                guard times.contains(where: { $0.overlaps(start: timeRange.start, end: timeRange.end) }) else {
                    return false
                }
            }
            if let textMatch, !textMatch.matches(property.value) { return false }
            return parameters.allSatisfy { $0.matches(property) }
        }
    }
}

extension CalendarFilter.ParameterFilter {
    func matches(_ property: ICalendarProperty) -> Bool {
        let parameter = property.parameter(name)
        if isNotDefined { return parameter == nil }
        guard let parameter else { return false }
        guard let textMatch else { return true }
        return parameter.values.contains { textMatch.matches($0) }
    }
}
