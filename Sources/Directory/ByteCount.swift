/// A size in bytes, parsed from and printed as text an operator types:
/// `10GB`, `500 MB`, `0.5GB`, `1.5 GiB`, `2048MiB`, or plain bytes `1000000`.
///
/// Units are case-insensitive. Decimal units count powers of 1000
/// (KB = 10^3, MB = 10^6, GB = 10^9, TB = 10^12), binary units powers of 1024
/// (KiB, MiB, GiB, TiB); `B` or `bytes` or no unit means bytes. A fraction of
/// a byte is rounded down. Negative numbers, NaN, infinities, exponents,
/// overflow and anything else are refused with `DirectoryError.invalidQuota`.
public struct ByteCount: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The number of bytes, never negative.
    public let bytes: Int64

    /// The longest text `init(parsing:)` reads.
    public static let maximumInputLength = 64
    /// The most digits after a decimal point.
    public static let maximumFractionDigits = 9

    /// A count of `bytes` (must not be negative).
    public init(bytes: Int64) {
        precondition(bytes >= 0, "a byte count is never negative")
        self.bytes = bytes
    }

    /// Parses a size such as `10GB` or `1.5 GiB`.
    public init(parsing text: String) throws(DirectoryError) {
        guard text.utf8.count <= Self.maximumInputLength else { throw .invalidQuota(text) }
        var rest = Substring(text).drop(while: \.isWhitespace)
        while let last = rest.last, last.isWhitespace { rest.removeLast() }

        let integerDigits = rest.prefix(while: Self.isASCIIDigit)
        rest = rest.dropFirst(integerDigits.count)
        var fractionDigits = Substring()
        if rest.first == "." {
            rest = rest.dropFirst()
            fractionDigits = rest.prefix(while: Self.isASCIIDigit)
            rest = rest.dropFirst(fractionDigits.count)
            guard !fractionDigits.isEmpty else { throw .invalidQuota(text) }
        }
        guard !integerDigits.isEmpty, fractionDigits.count <= Self.maximumFractionDigits else {
            throw .invalidQuota(text)
        }
        let unitName = rest.drop(while: \.isWhitespace).lowercased()
        guard let unit = Self.units[unitName] else { throw .invalidQuota(text) }

        // bytes = integer × unit + fraction × unit / 10^digits, rounded down.
        guard let integer = Int64(integerDigits) else { throw .invalidQuota(text) }
        let (whole, overflow) = integer.multipliedReportingOverflow(by: unit)
        guard !overflow else { throw .invalidQuota(text) }
        var part: Int64 = 0
        if let fraction = Int64(fractionDigits), fraction > 0 {
            var scale: Int64 = 1
            for _ in fractionDigits { scale *= 10 }
            // fraction < scale, so the quotient is below unit and cannot overflow.
            let product = fraction.multipliedFullWidth(by: unit)
            part = scale.dividingFullWidth(product).quotient
        }
        let (total, sumOverflow) = whole.addingReportingOverflow(part)
        guard !sumOverflow else { throw .invalidQuota(text) }
        self.bytes = total
    }

    /// The size in the largest unit that shows it exactly with at most three
    /// decimals, decimal units first: `10 GB`, `1.5 GiB`, `100 MB`, `999 bytes`.
    /// Parsing the description gives the same count back.
    public var description: String { Self.format(bytes) }

    /// Formats any count as `description` does; a negative count (only ever
    /// seen in a refused request) gets a minus sign.
    public static func format(_ bytes: Int64) -> String {
        guard bytes >= 0 else { return bytes == .min ? "\(bytes) bytes" : "-" + format(-bytes) }
        for (name, unit) in Self.printedUnits where bytes >= unit {
            let remainder = bytes % unit
            guard (remainder * 1000) % unit == 0 else { continue }
            let thousandths = remainder * 1000 / unit
            var text = String(bytes / unit)
            if thousandths > 0 {
                var decimals = String(thousandths)
                decimals = String(repeating: "0", count: 3 - decimals.count) + decimals
                while decimals.hasSuffix("0") { decimals.removeLast() }
                text += "." + decimals
            }
            return text + " " + name
        }
        return "\(bytes) bytes"
    }

    private static func isASCIIDigit(_ character: Character) -> Bool {
        character.isASCII && character.isNumber
    }

    private static let units: [String: Int64] = [
        "": 1, "b": 1, "byte": 1, "bytes": 1,
        "kb": 1_000, "mb": 1_000_000, "gb": 1_000_000_000, "tb": 1_000_000_000_000,
        "kib": 1 << 10, "mib": 1 << 20, "gib": 1 << 30, "tib": 1 << 40,
    ]

    private static let printedUnits: [(String, Int64)] = [
        ("TB", 1_000_000_000_000), ("TiB", 1 << 40),
        ("GB", 1_000_000_000), ("GiB", 1 << 30),
        ("MB", 1_000_000), ("MiB", 1 << 20),
        ("KB", 1_000), ("KiB", 1 << 10),
    ]
}
