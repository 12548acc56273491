/// One searchable value of an item (a row of `item_search`, v0004): the property it belongs to
/// and its text, folded by the caller the way it folds what it searches for. The store compares
/// bytes only; the caller checks each value it gets back with its own collation.
public struct ItemSearchValue: Sendable, Equatable, Hashable {
    /// The property name, upper-cased (`EMAIL`, `FN`, …).
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
