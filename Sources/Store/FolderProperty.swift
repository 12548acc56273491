/// A property of a folder kept for a protocol: a WebDAV dead property or a
/// settable CalDAV/CardDAV one, as its XML fragment.
public struct FolderProperty: Sendable, Equatable, Hashable {
    /// Clark notation, `{namespace}local-name`.
    public var name: String
    /// The self-contained XML fragment, returned as it was set.
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
