/// A benchmark that could not complete.
struct BenchmarkError: Error, CustomStringConvertible {
    let message: String

    var description: String { message }
}
