/// An expanded name: a namespace name and a local part (XML Namespaces 1.0 §3, "expanded name").
///
/// Prefixes are a property of one serialisation and never part of a name: `<D:getetag xmlns:D="DAV:"/>` and
/// `<getetag xmlns="DAV:"/>` both name `{DAV:}getetag`.
public struct XMLName: Hashable, Sendable {
    /// The namespace name (a URI), or `""` for a name in no namespace.
    public let namespace: String
    /// The local part.
    public let local: String

    public init(_ namespace: String, _ local: String) {
        self.namespace = namespace
        self.local = local
    }
}

extension XMLName: CustomStringConvertible {
    /// Clark notation: `{DAV:}getetag`, or just `local` when the name has no namespace.
    public var description: String {
        namespace.isEmpty ? local : "{\(namespace)}\(local)"
    }
}

extension XMLName: Comparable {
    /// Orders by namespace name, then local part, so property lists can be emitted deterministically.
    public static func < (lhs: XMLName, rhs: XMLName) -> Bool {
        lhs.namespace != rhs.namespace ? lhs.namespace < rhs.namespace : lhs.local < rhs.local
    }
}

extension XMLName {
    /// A name in the WebDAV namespace `DAV:` (RFC 4918 §21.1), such as `{DAV:}getetag` (RFC 4918 §15.6).
    public static func dav(_ local: String) -> XMLName {
        XMLName(Namespaces.dav, local)
    }
}
