import Dispatch
import Foundation

/// Runs password hashing off Swift's cooperative thread pool, at most
/// `width` at a time (scrypt at the default cost holds a core and 32 MiB
/// for tens of milliseconds; a burst of logins must neither starve the
/// server's tasks nor exhaust memory).
final class HashingQueue: Sendable {
    private let queue = DispatchQueue(label: "almanac.directory.password-hashing", attributes: .concurrent)
    private let slots: DispatchSemaphore

    init(width: Int = max(1, ProcessInfo.processInfo.activeProcessorCount)) {
        self.slots = DispatchSemaphore(value: width)
    }

    func run<T: Sendable, Failure: Error>(_ work: @escaping @Sendable () throws(Failure) -> T) async throws(Failure)
        -> T
    {
        let result: Result<T, Failure> = await withCheckedContinuation { continuation in
            queue.async { [slots] in
                slots.wait()
                defer { slots.signal() }
                continuation.resume(returning: Result { () throws(Failure) -> T in try work() })
            }
        }
        return try result.get()
    }
}
