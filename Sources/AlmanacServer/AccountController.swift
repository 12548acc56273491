import Directory
import Foundation
import HTTPTypes
import Hummingbird
import Store

/// The account page: who you are, your plan and quota, the URLs to give
/// your phone and desktop clients, and a password change.
struct AccountController: Sendable {
    /// A password form is tiny; refuse anything larger before reading it.
    static let maximumFormSize = 4096

    let directory: Directory
    let stores: StorePool
    let configuration: ServerConfiguration

    func addRoutes(to router: Router<AlmanacRequestContext>) {
        router.get("account") { request, context in try await self.page(request: request, context: context) }
        router.post("account/password") { request, context in
            try await self.changePassword(request: request, context: context)
        }
    }

    func page(request: Request, context: AlmanacRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let urls = ClientURLs(base: baseURL(for: request))
        let used = try await stores.withStore(userID: user.id) { try await $0.usedBytes() }
        var lines = [
            "Almanac account",
            "",
            "Address:      \(user.address)",
            "Display name: \(user.displayName)",
            "Plan:         \(user.plan.rawValue.capitalized)",
            "Storage:      \(ByteCount(bytes: used)) used of \(ByteCount(bytes: user.quotaBytes))",
            "",
        ]
        if user.plan.allowsSyncProtocols {
            lines += [
                "Phone (Exchange account): \(user.address), server \(urls.activeSync)",
                "CalDAV (calendars, tasks): \(urls.calDAV)",
                "CardDAV (contacts):        \(urls.cardDAV)",
            ]
        } else {
            lines.append("Phone and desktop sync (Exchange ActiveSync, CalDAV, CardDAV) needs an Enhanced mailbox.")
        }
        lines += ["", "Change your password: POST \(urls.account)/password with the form field 'password'."]
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(
            status: .ok, headers: headers, body: .init(byteBuffer: .init(string: lines.joined(separator: "\n") + "\n")))
    }

    /// `POST /account/password` with `password=<new>` (form-encoded): the new
    /// password must meet the rules; a refused one changes nothing.
    func changePassword(request: Request, context: AlmanacRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: Self.maximumFormSize)
        } catch {
            throw AlmanacHTTPError(.contentTooLarge, message: "The form is larger than \(Self.maximumFormSize) bytes.")
        }
        let form = FormFields(String(buffer: body))
        guard let password = form["password"] else {
            throw AlmanacHTTPError(.badRequest, message: "The form field 'password' is missing.")
        }
        do {
            try await directory.setPassword(address: user.address, password: password)
        } catch let error as DirectoryError {
            throw AlmanacHTTPError(.badRequest, message: error.description)
        }
        context.logger.notice("Password changed", metadata: ["user": .string(user.address)])
        return Response(status: .noContent)
    }

    private func baseURL(for request: Request) -> String {
        if configuration.publicHost != nil { return configuration.baseURL() }
        let scheme = configuration.usesTLS ? "https" : "http"
        return "\(scheme)://\(request.head.authority ?? configuration.host)"
    }
}
