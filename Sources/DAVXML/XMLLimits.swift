/// Bounds on a document that `XMLDocument.parse` enforces while it reads, aborting at the first one passed.
public struct XMLLimits: Sendable, Equatable {
    /// The largest document accepted, in bytes as received (PROPFIND, PROPPATCH and REPORT bodies).
    public var maximumBytes: Int
    /// The deepest element nesting; the root is at depth 1.
    public var maximumDepth: Int
    /// The most elements in one document.
    public var maximumElements: Int
    /// The most attributes on one element (namespace declarations are not counted).
    public var maximumAttributes: Int
    /// The most character data, in UTF-8 bytes, directly inside one element.
    public var maximumTextBytes: Int

    public init(
        maximumBytes: Int = 1 << 20,
        maximumDepth: Int = 64,
        maximumElements: Int = 100_000,
        maximumAttributes: Int = 64,
        maximumTextBytes: Int = 1 << 20
    ) {
        self.maximumBytes = maximumBytes
        self.maximumDepth = maximumDepth
        self.maximumElements = maximumElements
        self.maximumAttributes = maximumAttributes
        self.maximumTextBytes = maximumTextBytes
    }

    /// 1 MiB, depth 64, 100,000 elements, 64 attributes per element, 1 MiB of text per element.
    public static let `default` = XMLLimits()
}
