import DAVXML
import Logging
import Store

/// WebDAV with CalDAV and CardDAV over the user's store: takes a ``DAVRequest`` and
/// answers a ``DAVResponse``; never throws, never answers 500 for bad input.
public struct DAVService: Sendable {
    public let stores: StorePool
    public let limits: DAVLimits
    let logger: Logger

    public init(stores: StorePool, limits: DAVLimits = DAVLimits(), logger: Logger = Logger(label: "almanac.dav")) {
        self.stores = stores
        self.limits = limits
        self.logger = logger
    }

    /// Methods Almanac answers on DAV resources (RFC 4918 §9, RFC 4791 §5.3.1, RFC 3253 §3.6).
    static let allowedMethods =
        "OPTIONS, GET, HEAD, PUT, DELETE, PROPFIND, PROPPATCH, MKCOL, MKCALENDAR, COPY, MOVE, REPORT"
    /// Compliance classes (RFC 4918 §18; RFC 4791 §5.1; RFC 6352 §6.1; RFC 5689 §3).
    static let complianceClasses = "1, 3, access-control, calendar-access, addressbook, extended-mkcol"

    public func handle(_ request: DAVRequest) async -> DAVResponse {
        do {
            guard let path = try DAVPath(request.path) else {
                throw DAVError.notFound(request.path)
            }
            // Another user's resources: refused alike whether they exist or not.
            if let owner = path.owner, owner != request.principal.address {
                throw DAVError.forbidden("\(request.path) belongs to another user.")
            }
            if request.method == "OPTIONS" { return options() }
            return try await stores.withStore(userID: request.principal.userID) { store in
                try await DAVExchange(service: self, request: request, path: path, store: store).respond()
            }
        } catch let error as DAVError {
            return error.response
        } catch let error as StoreError {
            return DAVError(storeError: error).response
        } catch let error as XMLError {
            return DAVError.badRequest("The XML body is not usable: \(error)").response
        } catch {
            logger.error("DAV request failed", metadata: ["path": .string(request.path), "error": .string("\(error)")])
            return DAVError(500, nil, "The server could not complete the request.").response
        }
    }

    /// OPTIONS (RFC 4918 §9.1; RFC 4791 §5.1): what this server can do.
    func options() -> DAVResponse {
        DAVResponse(
            status: 200,
            headers: [("DAV", Self.complianceClasses), ("Allow", Self.allowedMethods), ("Content-Length", "0")])
    }
}

extension DAVError {
    /// The DAV answer to a store refusal.
    init(storeError: StoreError) {
        switch storeError {
        case .quotaExceeded(let used, let limit, let needed):
            self.init(
                507, .dav("quota-not-exceeded"),
                "The mailbox is full: \(used) of \(limit) bytes used, \(needed) more needed.")
        case .preconditionFailed:
            self.init(412, nil, "The resource changed (ETag mismatch).")
        case .itemNotFound(_, let name):
            self.init(404, nil, "Nothing named \(name).")
        case .folderNotFound:
            self.init(404, nil, "The collection does not exist.")
        case .itemExists(_, let name):
            self.init(412, nil, "\(name) already exists.")
        case .folderNameExists(let name):
            self.init(405, nil, "A collection named \(name) already exists.")
        case .specialFolder(let role):
            self.init(403, nil, "The default \(role.rawValue) collection cannot be removed or moved.")
        case .invalidName(let name):
            self.init(403, nil, "\(name) is not a usable name.")
        case .syncTokenTooOld, .syncTokenInvalid:
            self.init(403, .dav("valid-sync-token"), "The sync token is no longer valid; sync again from scratch.")
        default:
            self.init(500, nil, "The store refused the request: \(storeError)")
        }
    }
}
