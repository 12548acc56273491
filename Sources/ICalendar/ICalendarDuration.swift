/// A DURATION value (RFC 5545 §3.3.6): `[+-]P[nW][nD][T[nH][nM][nS]]`.
/// Days and weeks are nominal (added on the wall clock), hours/minutes/seconds exact.
struct ICalendarDuration: Sendable, Equatable {
    var days: Int64
    var seconds: Int64

    static let zero = ICalendarDuration(days: 0, seconds: 0)

    /// The duration as seconds when days are taken as 86,400 s.
    var approximateSeconds: Int64 { days &* 86_400 &+ seconds }

    init(days: Int64, seconds: Int64) {
        self.days = days
        self.seconds = seconds
    }

    /// Parses a DURATION; nil when malformed or beyond ±100 years.
    init?(_ text: String) {
        var utf8 = Substring(text.uppercased()).utf8[...]
        var sign: Int64 = 1
        if utf8.first == UInt8(ascii: "+") || utf8.first == UInt8(ascii: "-") {
            if utf8.first == UInt8(ascii: "-") { sign = -1 }
            utf8 = utf8.dropFirst()
        }
        guard utf8.first == UInt8(ascii: "P") else { return nil }
        utf8 = utf8.dropFirst()
        var days: Int64 = 0
        var seconds: Int64 = 0
        var inTime = false
        var number: Int64?
        var sawUnit = false
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let digit = Int64(byte - UInt8(ascii: "0"))
                let value = (number ?? 0) * 10 + digit
                guard value < 10_000_000_000 else { return nil }
                number = value
            case UInt8(ascii: "T"):
                guard !inTime, number == nil else { return nil }
                inTime = true
            default:
                guard let value = number else { return nil }
                switch (byte, inTime) {
                case (UInt8(ascii: "W"), false): days += value * 7
                case (UInt8(ascii: "D"), false): days += value
                case (UInt8(ascii: "H"), true): seconds += value * 3600
                case (UInt8(ascii: "M"), true): seconds += value * 60
                case (UInt8(ascii: "S"), true): seconds += value
                default: return nil
                }
                number = nil
                sawUnit = true
            }
        }
        guard sawUnit, number == nil, days <= 36_600, seconds <= 36_600 * 86_400 else { return nil }
        self.days = sign * days
        self.seconds = sign * seconds
    }
}
