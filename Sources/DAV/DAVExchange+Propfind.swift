import DAVXML
import Store

extension DAVExchange {
    /// PROPFIND (RFC 4918 §9.1) with Depth 0 or 1; infinity is refused with
    /// `propfind-finite-depth` (§9.1.1).
    func propfind() async throws -> DAVResponse {
        let depth = try Depth(request.header("Depth"), default: .one)
        if depth == .infinity {
            throw DAVError(403, .dav("propfind-finite-depth"), "PROPFIND with Depth: infinity is not supported.")
        }
        let what = try PropfindRequest(try xmlBody())
        guard let resource = try await resolve(path) else { throw DAVError.notFound(request.path) }
        let context = try await propertyContext(needsQuota: what.needsQuota)
        var multistatus = Multistatus()
        write(resource, what, context: context, to: &multistatus)
        if depth == .one {
            for member in try await members(of: resource) {
                write(member, what, context: context, to: &multistatus)
            }
        }
        return .multistatus(multistatus.bytes)
    }

    /// The members of a collection, for Depth 1.
    func members(of resource: DAVResource) async throws -> [DAVResource] {
        switch resource {
        case .entry, .principal, .object:
            return []
        case .principals:
            return [.principal]
        case .home(let kind):
            return try await collections(kind).map { .collection(kind, $0) }
        case .collection(let kind, let folder):
            return try await store.itemsWithoutBodies(folderID: folder.id).items.map { .object(kind, folder, $0) }
        }
    }

    /// One `response` element with the properties asked for.
    func write(
        _ resource: DAVResource, _ what: PropfindRequest, context: PropertyContext, to multistatus: inout Multistatus
    ) {
        let href = href(of: resource)
        switch what {
        case .propname:
            let names = propertyNames(of: resource, context: context)
            multistatus.response(href: href, found: names.map { ($0, .empty) })
        case .allprop(let include):
            var found: [(XMLName, PropertyValue)] = []
            for name in LiveProperty.allpropNames + include {
                if let value = value(of: name, on: resource, context: context) { found.append((name, value)) }
            }
            for dead in deadProperties(of: resource, context: context)
            where !found.contains(where: { $0.0.description == dead.name }) {
                found.append((XMLName(clark: dead.name), .fragment(dead.value)))
            }
            multistatus.response(href: href, found: found)
        case .prop(let names):
            var found: [(XMLName, PropertyValue)] = []
            var missing: [(XMLName, Int)] = []
            for name in names {
                if let value = value(of: name, on: resource, context: context) {
                    found.append((name, value))
                } else {
                    missing.append((name, 404))
                }
            }
            multistatus.response(href: href, found: found, failed: missing)
        }
    }

    /// A live property's value, else a kept dead one, else nil. A live property is only what it
    /// computes: Apple's me-card, kept with the default address book, is the home's, not the book's.
    func value(of name: XMLName, on resource: DAVResource, context: PropertyContext) -> PropertyValue? {
        if let live = LiveProperty.named(name) {
            return live.value(resource, context)
        }
        if case .collection(_, let folder) = resource, let kept = context.property(name.description, of: folder) {
            return .fragment(kept.value)
        }
        return nil
    }

    func deadProperties(of resource: DAVResource, context: PropertyContext) -> [FolderProperty] {
        guard case .collection(_, let folder) = resource else { return [] }
        return context.properties(of: folder).filter { LiveProperty.named(XMLName(clark: $0.name)) == nil }
    }

    func propertyNames(of resource: DAVResource, context: PropertyContext) -> [XMLName] {
        var names = LiveProperty.byName.values.filter { $0.value(resource, context) != nil }.map(\.name).sorted()
        names += deadProperties(of: resource, context: context).map { XMLName(clark: $0.name) }
        return names
    }
}

extension XMLName {
    /// Parses Clark notation `{namespace}local`; a name without braces has no namespace.
    init(clark: String) {
        if clark.hasPrefix("{"), let close = clark.firstIndex(of: "}") {
            self.init(
                String(clark[clark.index(after: clark.startIndex)..<close]), String(clark[clark.index(after: close)...])
            )
        } else {
            self.init("", clark)
        }
    }
}
