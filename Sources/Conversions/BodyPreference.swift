import WBXML

/// One `AirSyncBase:BodyPreference` of a Sync or ItemOperations request (MS-ASAIRS 2.2.2.7):
/// the body format a client wants and how much of it.
public struct BodyPreference: Sendable, Equatable {
    public var type: BodyType
    /// `TruncationSize`: at most this many bytes of `Data`; nil for the whole body.
    public var truncationSize: Int?
    /// `AllOrNone`: when the body is larger than `truncationSize`, send none of it instead of a part.
    public var allOrNone: Bool
    /// `Preview` (14.0+): a plain-text preview of at most this many characters (0…255).
    public var preview: Int?

    public init(type: BodyType, truncationSize: Int? = nil, allOrNone: Bool = false, preview: Int? = nil) {
        self.type = type
        self.truncationSize = truncationSize
        self.allOrNone = allOrNone
        self.preview = preview
    }

    /// Reads a `BodyPreference` element; nil when its `Type` is missing or not a body type.
    /// Out-of-range numbers are clamped: TruncationSize to 0…2^32-1, Preview to 0…255.
    public init?(_ element: WBXMLElement) {
        guard let typeText = element.child("Type")?.text, let number = Int(typeText),
            let type = BodyType(rawValue: number)
        else { return nil }
        self.type = type
        self.truncationSize = element.child("TruncationSize")?.text.flatMap { Int($0) }.map {
            min(max($0, 0), Int(UInt32.max))
        }
        self.allOrNone = element.child("AllOrNone")?.text == "1"
        self.preview = element.child("Preview")?.text.flatMap { Int($0) }.map { min(max($0, 0), 255) }
    }
}
