import DAVXML
import Store

/// A property the server computes (RFC 4918 §15, RFC 3744, RFC 4791 §5.2, §6.2,
/// RFC 6352, RFC 6578, RFC 4331, RFC 5397 and the CalendarServer/Apple extensions).
struct LiveProperty: Sendable {
    let name: XMLName
    /// Included in `allprop` (RFC 4918 §9.1: only the RFC 4918 properties are).
    let inAllprop: Bool
    /// Clients may set it with PROPPATCH (then it is kept like a dead property).
    let settable: Bool
    /// The value on a resource; nil when the property is not defined there.
    let value: @Sendable (DAVResource, PropertyContext) -> PropertyValue?

    init(
        _ name: XMLName, allprop: Bool = false, settable: Bool = false,
        _ value: @escaping @Sendable (DAVResource, PropertyContext) -> PropertyValue?
    ) {
        self.name = name
        self.inAllprop = allprop
        self.settable = settable
        self.value = value
    }

    static func named(_ name: XMLName) -> LiveProperty? { byName[name] }

    static let byName: [XMLName: LiveProperty] = Dictionary(
        uniqueKeysWithValues: (core + calendar + addressBook).map { ($0.name, $0) })

    /// Names of the properties that describe collections rather than objects, for `allprop`.
    static var allpropNames: [XMLName] { (core + calendar + addressBook).filter(\.inAllprop).map(\.name) }
}
