import DAVXML

/// The body of a PROPFIND (RFC 4918 §9.1, §14.20): which properties to return.
enum PropfindRequest: Sendable, Equatable {
    case allprop(include: [XMLName])
    case propname
    case prop([XMLName])

    /// An empty body means allprop (RFC 4918 §9.1).
    init(_ body: XMLElement?) throws(DAVError) {
        guard let body else {
            self = .allprop(include: [])
            return
        }
        guard body.name == DAVNames.propfind else {
            throw DAVError.badRequest("A PROPFIND body must be a DAV:propfind element, not \(body.name).")
        }
        if let prop = body.child(DAVNames.prop) {
            self = .prop(prop.children.map(\.name))
        } else if body.child(DAVNames.propname) != nil {
            self = .propname
        } else if body.child(DAVNames.allprop) != nil {
            self = .allprop(include: body.child(DAVNames.include)?.children.map(\.name) ?? [])
        } else {
            throw DAVError.badRequest("A DAV:propfind needs prop, propname or allprop.")
        }
    }

    /// Whether the quota properties are asked for (they are never in allprop, RFC 4331 §3).
    var needsQuota: Bool {
        switch self {
        case .prop(let names), .allprop(let names):
            names.contains(DAVNames.quotaUsedBytes) || names.contains(DAVNames.quotaAvailableBytes)
        case .propname: false
        }
    }
}

/// The `Depth` header (RFC 4918 §10.2).
enum Depth: Sendable, Equatable {
    case zero, one, infinity

    /// A missing header is taken as 1 for PROPFIND (clients that omit it list a collection);
    /// a malformed one is a 400.
    init(_ header: String?, default defaultDepth: Depth) throws(DAVError) {
        switch header?.trimmingWhitespace().lowercased() {
        case nil: self = defaultDepth
        case "0": self = .zero
        case "1": self = .one
        case "infinity": self = .infinity
        case let other?: throw DAVError.badRequest("Depth must be 0, 1 or infinity, not \(other).")
        }
    }
}
