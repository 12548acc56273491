/// Bounds on what a decoder or XML reader accepts; input past any of them is refused with a
/// `WBXMLError` naming the limit, before the work or memory it would cost. The defaults fit the
/// largest real EAS bodies (a Sync response of a few hundred items, a SendMail with a 25 MB MIME
/// message) with room to spare.
public struct WBXMLLimits: Sendable, Equatable {
    /// Deepest element nesting (the root is depth 1). Default 32: EAS bodies nest about 12 deep
    /// (Sync › Collections › Collection › Commands › Add › ApplicationData › Exceptions › Exception ›
    /// Attendees › Attendee › Email).
    public var maxDepth: Int
    /// Most elements in one document. Default 500,000 (a 512-item Sync response has about 50,000).
    public var maxElements: Int
    /// Longest text of one element, in UTF-8 bytes. Default 32 MiB.
    public var maxStringLength: Int
    /// Longest opaque content of one element, in bytes. Default 48 MiB (a MIME message of an email
    /// with attachments).
    public var maxOpaqueLength: Int
    /// Largest whole input, header and string table included, in bytes. Default 64 MiB.
    public var maxDocumentSize: Int

    public init(
        maxDepth: Int = 32, maxElements: Int = 500_000, maxStringLength: Int = 32 << 20,
        maxOpaqueLength: Int = 48 << 20, maxDocumentSize: Int = 64 << 20
    ) {
        self.maxDepth = maxDepth
        self.maxElements = maxElements
        self.maxStringLength = maxStringLength
        self.maxOpaqueLength = maxOpaqueLength
        self.maxDocumentSize = maxDocumentSize
    }

    /// The documented defaults.
    public static let `default` = WBXMLLimits()
}
