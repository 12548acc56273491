import CLibical
import Synchronization

/// The one door into libical. libical keeps global state (the builtin time zone cache,
/// `icalerrno`), so every call runs under one process-wide lock, held only while libical runs.
enum Libical {
    /// Guards libical; the value records whether libical has been configured.
    private static let lock = Mutex<Bool>(false)

    /// Runs `body` under the lock; on first use makes libical errors non-fatal.
    static func run<Result: Sendable>(_ body: () -> Result) -> Result {
        lock.withLock { configured in
            if !configured {
                icalerror_set_errors_are_fatal(0)
                configured = true
            }
            icalerror_clear_errno()
            return body()
        }
    }
}
