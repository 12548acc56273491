import Autodiscover
import Directory
import HTTPTypes
import Hummingbird
import NIOCore

/// Onboarding: Outlook and phone Autodiscover, Thunderbird autoconfig and Apple configuration profiles. The
/// documents are made by the `Autodiscover` target; this adapts Hummingbird requests to it.
///
/// - `POST /autodiscover/autodiscover.xml` (and GET, which clients use to probe), the path in any letter
///   case: needs credentials (401 with a Basic challenge without them), answers the signed-in mailbox only.
/// - `GET /.well-known/autoconfig/mail/config-v1.1.xml` and `GET /mail/config-v1.1.xml`: no credentials,
///   since Thunderbird fetches them before it has a password; 404 for a domain the directory does not have.
/// - `GET /profile.mobileconfig[?platform=ios|macos]`: needs credentials; 403 for a Basic mailbox.
///
/// The URLs handed out are on the host the request came to when that is a `DOMAIN--with-dashes.w.BASE` name
/// (`public-base-domain`), else on `public-host`, else on the request's host.
struct AutodiscoverController: RouterMiddleware {
    typealias Context = AlmanacRequestContext

    /// The Autodiscover path, lower-cased; clients vary the case (`/Autodiscover/Autodiscover.xml`).
    static let autodiscoverPath = "/autodiscover/autodiscover.xml"

    let directory: Directory
    let configuration: ServerConfiguration
    let mapping: HostNameMapping?

    init(directory: Directory, configuration: ServerConfiguration) {
        self.directory = directory
        self.configuration = configuration
        self.mapping = configuration.publicBaseDomain.flatMap { HostNameMapping(baseDomain: $0) }
    }

    func addRoutes(to router: Router<Context>) {
        // A middleware rather than a route: the router matches paths case-sensitively.
        router.add(middleware: self)
        router.get(".well-known/autoconfig/mail/config-v1.1.xml") { request, _ in try await self.autoconfig(request) }
        router.get("mail/config-v1.1.xml") { request, _ in try await self.autoconfig(request) }
        router.get("profile.mobileconfig") { request, context in try self.profile(request, context: context) }
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        guard request.uri.path.lowercased() == Self.autodiscoverPath else { return try await next(request, context) }
        guard request.method == .post || request.method == .get else {
            var headers = HTTPFields()
            headers[.allow] = "GET, POST"
            throw AlmanacHTTPError(.methodNotAllowed, message: "Autodiscover takes POST (or GET).", headers: headers)
        }
        return try await autodiscover(request, context: context)
    }

    /// MS-ASCMD 2.2.2.1, MS-OXDSCLI: the request body in, the answer for the signed-in mailbox out.
    func autodiscover(_ request: Request, context: Context) async throws -> Response {
        let user = try context.requireUser()
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: AutodiscoverRequest.limits.maximumBytes)
        } catch {
            throw AlmanacHTTPError(
                .contentTooLarge,
                message: "An Autodiscover request is at most \(AutodiscoverRequest.limits.maximumBytes) bytes.")
        }
        let answer = AutodiscoverResponse.answer(
            to: body.readableBytesView, account: account(user), endpoints: endpoints(for: request))
        if let code = answer.errorCode {
            context.logger.info("Autodiscover error answer", metadata: ["code": .stringConvertible(code.rawValue)])
        }
        return Self.response(answer.body, contentType: AutodiscoverResponse.contentType)
    }

    /// Thunderbird's autoconfig file for the domain of `?emailaddress=`, or of the host the request came to.
    func autoconfig(_ request: Request) async throws -> Response {
        let notFound = AlmanacHTTPError(.notFound, message: "No mail configuration is published for this domain.")
        guard
            let domain = AutoconfigLookup.domain(
                emailAddress: request.uri.queryParameters["emailaddress"].map(String.init), host: host(of: request),
                mapping: mapping)
        else { throw notFound }
        guard try await directory.domain(domain) != nil else { throw notFound }
        let document = AutoconfigDocument(domain: domain, endpoints: endpoints(for: request))
        return Self.response(document.bytes, contentType: AutoconfigDocument.contentType)
    }

    /// An Apple configuration profile for the signed-in mailbox.
    func profile(_ request: Request, context: Context) throws -> Response {
        let user = try context.requireUser()
        let requested = request.uri.queryParameters["platform"].map { $0.lowercased() } ?? "ios"
        guard let platform = AppleProfile.Platform(rawValue: requested) else {
            throw AlmanacHTTPError(.badRequest, message: "The platform must be ios or macos.")
        }
        let profile: AppleProfile
        do throws(OnboardingRefusal) {
            profile = try AppleProfile(account: account(user), endpoints: endpoints(for: request), platform: platform)
        } catch {
            throw AlmanacHTTPError(.forbidden, message: error.description)
        }
        var response = Self.response(profile.document, contentType: AppleProfile.contentType)
        response.headers[.contentDisposition] = #"attachment; filename="almanac.mobileconfig""#
        return response
    }

    private func account(_ user: User) -> OnboardingAccount {
        OnboardingAccount(
            emailAddress: user.address, displayName: user.displayName,
            allowsSyncProtocols: user.plan.allowsSyncProtocols)
    }

    /// The host the client used: the `Host` field when one is left in the fields, else the authority
    /// (HTTP/1 `Host` and HTTP/2 `:authority` end up there; RFC 9113 §8.3.1 makes them agree).
    private func host(of request: Request) -> String? {
        request.headers[Self.hostField] ?? request.head.authority
    }

    private static let hostField = HTTPField.Name("Host")!

    private func endpoints(for request: Request) -> OnboardingEndpoints {
        let urls = ClientURLs(base: baseURL(for: request))
        return OnboardingEndpoints(activeSync: urls.activeSync, calDAV: urls.calDAV, cardDAV: urls.cardDAV)
    }

    private func baseURL(for request: Request) -> String {
        let scheme = configuration.usesTLS ? "https" : "http"
        let host = host(of: request)?.lowercased()
        if let host, let mapping, mapping.domain(forHost: host) != nil { return "\(scheme)://\(host)" }
        if configuration.publicHost != nil { return configuration.baseURL() }
        return "\(scheme)://\(host ?? configuration.host)"
    }

    private static func response(_ body: [UInt8], contentType: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}
