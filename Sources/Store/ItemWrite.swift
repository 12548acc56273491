/// The result of ``Store/putItem(folderID:resourceName:contentType:body:index:condition:quotaLimit:clientAdd:)``.
public struct ItemWrite: Sendable, Equatable {
    /// The item as stored.
    public let item: Item
    /// True when the write created the item (HTTP 201), false when it replaced it (HTTP 204).
    public let created: Bool

    public init(item: Item, created: Bool) {
        self.item = item
        self.created = created
    }
}
