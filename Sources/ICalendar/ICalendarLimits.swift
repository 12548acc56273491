/// Bounds on what ``ICalendarObject/parse(_:limits:)`` accepts (STYLE.md rule 5).
public struct ICalendarLimits: Sendable, Equatable {
    /// Total size in UTF-8 bytes. Default 10 MB.
    public var maxBytes: Int
    /// Physical lines, before unfolding. Default 200,000.
    public var maxLines: Int
    /// Components in the whole object, VCALENDAR included. Default 10,000.
    public var maxComponents: Int
    /// Properties in any one component. Default 1,000.
    public var maxPropertiesPerComponent: Int
    /// Nesting depth (VCALENDAR › VEVENT › VALARM is 3). Default 8.
    public var maxDepth: Int
    /// Parameters on one property. Default 100.
    public var maxParametersPerProperty: Int

    public init(
        maxBytes: Int = 10 * 1024 * 1024,
        maxLines: Int = 200_000,
        maxComponents: Int = 10_000,
        maxPropertiesPerComponent: Int = 1_000,
        maxDepth: Int = 8,
        maxParametersPerProperty: Int = 100
    ) {
        self.maxBytes = maxBytes
        self.maxLines = maxLines
        self.maxComponents = maxComponents
        self.maxPropertiesPerComponent = maxPropertiesPerComponent
        self.maxDepth = maxDepth
        self.maxParametersPerProperty = maxParametersPerProperty
    }

    public static let `default` = ICalendarLimits()
}
