import ActiveSync
import ServiceLifecycle

/// Ends every waiting ActiveSync request when the server shuts down: listed after the HTTP
/// application in the ``ServiceGroup``, it is told first, so each waiting Ping is answered
/// (status 1) before the server stops and lets requests in flight finish.
struct WaitingRequestsShutdown: Service {
    let admission: RequestAdmission

    func run() async throws {
        try? await gracefulShutdown()
        admission.shutDown()
    }
}
