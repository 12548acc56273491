/// One content line after unfolding (RFC 6350 §3.2, RFC 2426 §5.8.1): its unfolded bytes and
/// the physical lines it was read from, so that an unmodified property can be written back
/// exactly as it came.
struct LogicalLine {
    /// 1-based number of its first physical line.
    var number: Int
    /// The unfolded bytes: folds removed, quoted-printable soft line breaks joined.
    var bytes: [UInt8]
    /// The physical lines it was made of (without their line breaks), in order.
    var physical: PhysicalSpan
}

/// Where a logical line sits in the input: its first physical line and any continuations.
struct PhysicalSpan {
    var first: Range<Int>
    var continuations: [Range<Int>] = []

    /// The physical lines joined with CRLF: the text to re-emit for an unmodified property.
    /// Nil when that is not UTF-8 (a fold that split a character, or a legacy charset).
    func text(in input: [UInt8]) -> String? {
        guard !continuations.isEmpty else { return String(validating: input[first], as: UTF8.self) }
        var joined = Array(input[first])
        for range in continuations {
            joined.append(ASCII.carriageReturn)
            joined.append(ASCII.lineFeed)
            joined.append(contentsOf: input[range])
        }
        return String(validating: joined, as: UTF8.self)
    }

    /// The span from this one's first line to `other`'s last, for an AGENT card written inline.
    func extended(through other: PhysicalSpan) -> PhysicalSpan {
        var result = self
        result.continuations.append(other.first)
        result.continuations.append(contentsOf: other.continuations)
        return result
    }
}
