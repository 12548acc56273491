import ActiveSync
import Directory
import Hummingbird

/// `GET /healthz`: 200 while the server can read its directory.
///
/// Needs no credentials (load balancers send none); when credentials come
/// along they are checked like anywhere else, and the answer names the user
/// and plan, so an operator can test a login with `curl -u`, and how many
/// ActiveSync requests are in progress and how many of them wait for a change
/// (Ping, Sync with Wait).
struct HealthController: Sendable {
    struct Health: ResponseEncodable {
        let status: String
        let user: String?
        let plan: String?
        let activeSyncRequests: Int?
        let activeSyncWaiting: Int?
    }

    let directory: Directory
    let admission: RequestAdmission

    func addRoutes(to router: Router<AlmanacRequestContext>) {
        router.get("healthz") { _, context in try await self.health(context: context) }
        router.head("healthz") { _, context in try await self.health(context: context) }
    }

    func health(context: AlmanacRequestContext) async throws -> Health {
        guard (try? await directory.domains()) != nil else {
            throw AlmanacHTTPError(.serviceUnavailable, message: "The directory cannot be read.")
        }
        let signedIn = context.user != nil
        return Health(
            status: "ok", user: context.user?.address, plan: context.user?.plan.rawValue,
            activeSyncRequests: signedIn ? admission.inProgressCount : nil,
            activeSyncWaiting: signedIn ? admission.waitingCount : nil)
    }
}
