import Foundation

/// A set of measured durations and their summary.
struct Latencies {
    private(set) var samples: [Duration] = []

    mutating func append(_ duration: Duration) {
        samples.append(duration)
    }

    /// The duration below which a fraction `q` of the samples fall (nearest rank).
    func percentile(_ q: Double) -> Duration {
        let sorted = samples.sorted()
        guard !sorted.isEmpty else { return .zero }
        let rank = min(sorted.count - 1, max(0, Int((q * Double(sorted.count)).rounded(.up)) - 1))
        return sorted[rank]
    }

    var maximum: Duration { samples.max() ?? .zero }

    /// "p50 … p99 … max …" in microseconds.
    var summary: String {
        "p50 \(percentile(0.50).microseconds) µs   p99 \(percentile(0.99).microseconds) µs   max \(maximum.microseconds) µs"
    }

    /// "p50 … p99 … max …" in milliseconds, for requests over the network.
    var millisecondSummary: String {
        let (p50, p99) = (percentile(0.50).milliseconds, percentile(0.99).milliseconds)
        return "p50 \(p50) ms   p99 \(p99) ms   max \(maximum.milliseconds) ms"
    }
}

extension Duration {
    /// The duration in seconds, as a Double.
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }

    /// The duration in microseconds, one decimal.
    var microseconds: String {
        String(format: "%.1f", seconds * 1e6)
    }

    /// The duration in milliseconds, two decimals.
    var milliseconds: String {
        String(format: "%.2f", seconds * 1e3)
    }
}
