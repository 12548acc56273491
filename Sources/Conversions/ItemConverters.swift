/// The converter of each class. The Sync engine looks converters up here; tests may build a
/// table of their own.
public struct ItemConverters: Sendable {
    private var converters: [ItemClass: any ItemConverter]

    public init(_ converters: [any ItemConverter]) {
        self.converters = Dictionary(converters.map { ($0.itemClass, $0) }, uniquingKeysWith: { _, last in last })
    }

    /// The converter for a class, nil when Almanac does not convert it.
    public subscript(itemClass: ItemClass) -> (any ItemConverter)? {
        converters[itemClass]
    }

    /// Every class Almanac converts.
    public static let standard = ItemConverters([
        CalendarConverter(), TaskConverter(), ContactConverter(), NoteConverter(),
    ])
}
