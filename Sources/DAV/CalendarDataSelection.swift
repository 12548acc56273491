import DAVXML
import ICalendar

/// The parts of a calendar object a REPORT asks for with `comp` inside `calendar-data`
/// (RFC 4791 §9.6.1–§9.6.4): one level of the component tree, naming the properties and the
/// sub-components to return. Names compare case-insensitively.
struct CalendarDataSelection: Sendable, Equatable {
    /// Which properties of a component are returned.
    enum Properties: Sendable, Equatable {
        /// `allprop` (§9.6.3), or a `comp` with no children at all.
        case all
        /// `prop` elements (§9.6.4): upper-cased name, and whether `novalue="yes"` was asked.
        /// No `prop` at all returns no property.
        case named([String: Bool])
    }

    /// Which sub-components are returned.
    enum Components: Sendable, Equatable {
        /// `allcomp` (§9.6.2), or a `comp` with no children at all: the sub-components whole.
        case all
        /// `comp` elements (§9.6.1) by upper-cased name, each with its own selection.
        /// No `comp` at all returns no sub-component.
        case named([String: CalendarDataSelection])
    }

    /// The component name, upper-cased.
    let name: String
    let properties: Properties
    let components: Components

    static let namespace = Namespaces.calDAV

    /// Parses a `comp` element; throws 400 for a `comp` or `prop` without a name or a
    /// `novalue` other than "yes" or "no".
    init(_ comp: XMLElement) throws(DAVError) {
        guard let name = comp.attributes[XMLName("", "name")]?.uppercased(), !name.isEmpty else {
            throw DAVError.badRequest("A comp in calendar-data needs a name (RFC 4791 §9.6.1).")
        }
        self.name = name
        if comp.children.isEmpty {
            // As the VTIMEZONE of the RFC 4791 §7.8.1 example: the component whole.
            properties = .all
            components = .all
            return
        }
        if comp.child(XMLName(Self.namespace, "allprop")) != nil {
            properties = .all
        } else {
            var named: [String: Bool] = [:]
            for prop in comp.children(XMLName(Self.namespace, "prop")) {
                let (propertyName, novalue) = try Self.property(prop)
                // Asked twice: the value is returned if either asked for it.
                named[propertyName] = (named[propertyName] ?? true) && novalue
            }
            properties = .named(named)
        }
        if comp.child(XMLName(Self.namespace, "allcomp")) != nil {
            components = .all
        } else {
            var named: [String: CalendarDataSelection] = [:]
            for child in comp.children(XMLName(Self.namespace, "comp")) {
                let selection = try CalendarDataSelection(child)
                if named[selection.name] == nil { named[selection.name] = selection }
            }
            components = .named(named)
        }
    }

    /// A `prop` element's upper-cased name and whether it asks for no value (§9.6.4).
    private static func property(_ prop: XMLElement) throws(DAVError) -> (String, Bool) {
        guard let name = prop.attributes[XMLName("", "name")]?.uppercased(), !name.isEmpty else {
            throw DAVError.badRequest("A prop in calendar-data needs a name (RFC 4791 §9.6.4).")
        }
        switch prop.attributes[XMLName("", "novalue")]?.lowercased() {
        case nil, "no": return (name, false)
        case "yes": return (name, true)
        case let other?:
            throw DAVError.badRequest("The novalue of prop \(name) is \"yes\" or \"no\", not \"\(other)\".")
        }
    }

    /// The part of `component` this selection asks for: the listed properties (with an empty
    /// value where `novalue="yes"`, parameters kept) and sub-components, in the object's order.
    /// Nothing when the names differ.
    func applied(to component: ICalendarComponent) -> ICalendarComponent? {
        guard component.name == name else { return nil }
        var result = ICalendarComponent(name: component.name)
        switch properties {
        case .all:
            result.properties = component.properties
        case .named(let wanted):
            result.properties = component.properties.compactMap { property in
                guard let novalue = wanted[property.name] else { return nil }
                guard novalue else { return property }
                var emptied = property
                emptied.value = ""
                return emptied
            }
        }
        switch components {
        case .all:
            result.components = component.components
        case .named(let wanted):
            result.components = component.components.compactMap { wanted[$0.name]?.applied(to: $0) }
        }
        return result
    }
}
