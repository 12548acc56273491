/// A command line the benchmark cannot run.
struct UsageError: Error, CustomStringConvertible {
    let message: String

    var description: String { message }

    /// The value following `option`, or a usage error naming it.
    static func value(of option: String, in arguments: inout ArraySlice<String>) throws(UsageError) -> String {
        guard let value = arguments.popFirst() else { throw UsageError(message: "\(option) needs a value") }
        return value
    }
}
