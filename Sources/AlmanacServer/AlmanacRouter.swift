import ActiveSync
import DAV
import Directory
import Hummingbird
import Store

/// The routes and middleware of the HTTP front, behind ``AlmanacResponder``.
///
/// Middleware order: body limit, authentication, plan gate, ActiveSync, DAV,
/// then the routes (and Autodiscover's case-insensitive path). The gate runs before
/// routing, so a Basic mailbox is refused on every sync path, whether or not a
/// handler is there.
public enum AlmanacRouter {
    /// - Parameter admission: the ActiveSync requests in progress and waiting; the service
    ///   ends their waits when it shuts down.
    public static func build(
        directory: Directory, stores: StorePool, configuration: ServerConfiguration,
        admission: RequestAdmission? = nil
    ) -> AlmanacResponder {
        let admission = admission ?? RequestAdmission(limits: configuration.requestLimits)
        let router = Router(context: AlmanacRequestContext.self)
        router.add(middleware: BodyLimitMiddleware(maximumBodySize: configuration.maxBodySize))
        router.add(middleware: AuthenticationMiddleware(directory: directory))
        router.add(middleware: PlanGateMiddleware())
        router.add(
            middleware: ActiveSyncMiddleware(
                service: ActiveSyncService(
                    directory: directory, stores: stores,
                    configuration: ActiveSyncConfiguration(
                        pruneDevicesIdleFor: configuration.deviceIdleDays.map { Double($0) * 86_400 },
                        heartbeatRange: configuration.heartbeatRange),
                    admission: admission),
                maximumBodySize: configuration.maxBodySize))
        router.add(
            middleware: DAVMiddleware(
                service: DAVService(stores: stores), maximumBodySize: configuration.maxBodySize))
        HealthController(directory: directory, admission: admission).addRoutes(to: router)
        AccountController(directory: directory, stores: stores, configuration: configuration).addRoutes(to: router)
        AutodiscoverController(directory: directory, configuration: configuration).addRoutes(to: router)
        return AlmanacResponder(router: router.buildResponder())
    }
}
