/// What a request path names, by its segments (percent-decoded).
///
/// ```
/// /dav/  /caldav  /carddav                      entry points (current-user-principal)
/// /dav/principals/<address>/                    a principal
/// /dav/calendars/<address>/                     a calendar home
/// /dav/calendars/<address>/<calendar>/          a calendar collection
/// /dav/calendars/<address>/<calendar>/<name>    a calendar object resource
/// /dav/addressbooks/<address>/                  an address book home
/// /dav/addressbooks/<address>/<book>/           an address book collection
/// /dav/addressbooks/<address>/<book>/<name>     an address object resource (a vCard)
/// ```
enum DAVPath: Equatable, Sendable {
    case entry
    case principals
    case principal(address: String)
    case home(HomeKind, address: String)
    case collection(HomeKind, address: String, name: String)
    case member(HomeKind, address: String, collection: String, name: String)

    /// The kinds of home; each is a folder of `/dav/`.
    enum HomeKind: String, Sendable, CaseIterable {
        case calendars
        case addressbooks
    }

    static let root = "/dav/"

    /// Parses a request path; nil when it names nothing Almanac serves.
    /// Throws for malformed percent-encoding.
    init?(_ path: String) throws(DAVError) {
        let lowered = path.lowercased()
        if ["/", "/dav", "/dav/", "/caldav", "/caldav/", "/carddav", "/carddav/"].contains(lowered) {
            self = .entry
            return
        }
        guard lowered.hasPrefix("/dav/") else { return nil }
        let raw = path.dropFirst("/dav/".count).split(separator: "/", omittingEmptySubsequences: false)
        var segments = try raw.map { (segment) throws(DAVError) -> String in
            guard let decoded = Href.decode(segment) else {
                throw DAVError.badRequest("The path \(path) is not valid percent-encoding.")
            }
            return decoded
        }
        let isCollectionForm = segments.last == ""
        if isCollectionForm { segments.removeLast() }
        guard !segments.contains(""), !segments.contains(where: { $0.contains("/") }) else { return nil }
        switch segments.count {
        case 1 where segments[0] == "principals":
            self = .principals
        case 2 where segments[0] == "principals":
            self = .principal(address: segments[1].lowercased())
        case 2...4:
            guard let kind = HomeKind(rawValue: segments[0]) else { return nil }
            let address = segments[1].lowercased()
            switch segments.count {
            case 2: self = .home(kind, address: address)
            case 3: self = .collection(kind, address: address, name: segments[2])
            default: self = .member(kind, address: address, collection: segments[2], name: segments[3])
            }
        default:
            return nil
        }
    }

    /// The address of the user this path belongs to, if any.
    var owner: String? {
        switch self {
        case .entry, .principals: nil
        case .principal(let address), .home(_, let address), .collection(_, let address, _),
            .member(_, let address, _, _):
            address
        }
    }

    /// The canonical href (collections end with "/").
    var href: String {
        switch self {
        case .entry: Self.root
        case .principals: Self.root + "principals/"
        case .principal(let address): Href.principal(address)
        case .home(let kind, let address): Href.home(kind, address)
        case .collection(let kind, let address, let name): Href.collection(kind, address, name)
        case .member(let kind, let address, let collection, let name): Href.member(kind, address, collection, name)
        }
    }
}
