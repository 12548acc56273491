/// A command line the benchmark cannot run.
struct UsageError: Error, CustomStringConvertible {
    let message: String

    var description: String { message }

    /// The value following `option`, or a usage error naming it.
    static func value(of option: String, in arguments: inout ArraySlice<String>) throws(UsageError) -> String {
        guard let value = arguments.popFirst() else { throw UsageError(message: "\(option) needs a value") }
        return value
    }

    /// The whole number following `option`, or a usage error naming it and `range`.
    static func number(of option: String, in arguments: inout ArraySlice<String>, _ range: ClosedRange<Int>)
        throws(UsageError) -> Int
    {
        let value = try Self.value(of: option, in: &arguments)
        guard let number = Int(value), range.contains(number) else {
            throw UsageError(
                message: "\(option) wants a number from \(range.lowerBound) to \(range.upperBound), not \(value)")
        }
        return number
    }
}
