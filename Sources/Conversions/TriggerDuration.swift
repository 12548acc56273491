/// A DURATION value (RFC 5545 §3.3.6) in seconds, as a VALARM TRIGGER carries it: days and
/// weeks are taken as 86,400 s, which is exact for the minutes EAS reminders count.
enum TriggerDuration {
    /// Parses `[+-]P[nW][nD][T[nH][nM][nS]]`; nil when malformed or beyond 100 years.
    static func seconds(_ text: String) -> Int64? {
        var rest = Substring(text.uppercased())
        var sign: Int64 = 1
        if let first = rest.first, first == "+" || first == "-" {
            sign = first == "-" ? -1 : 1
            rest = rest.dropFirst()
        }
        guard rest.first == "P" else { return nil }
        rest = rest.dropFirst()
        var total: Int64 = 0
        var number: Int64?
        var inTime = false
        var sawUnit = false
        for character in rest {
            if let digit = character.wholeNumberValue, character.isASCII {
                number = (number ?? 0) * 10 + Int64(digit)
                guard number! < 10_000_000_000 else { return nil }
                continue
            }
            if character == "T", !inTime, number == nil {
                inTime = true
                continue
            }
            guard let value = number else { return nil }
            let unit: Int64
            switch (character, inTime) {
            case ("W", false): unit = 604_800
            case ("D", false): unit = 86_400
            case ("H", true): unit = 3_600
            case ("M", true): unit = 60
            case ("S", true): unit = 1
            default: return nil
            }
            total += value * unit
            guard total <= 3_155_760_000 else { return nil }
            number = nil
            sawUnit = true
        }
        guard sawUnit, number == nil else { return nil }
        return sign * total
    }

    /// `-PT15M`, `-P1D`, `PT0S` for a reminder `minutes` before the start.
    static func before(minutes: Int) -> String {
        if minutes == 0 { return "PT0S" }
        if minutes % 1440 == 0 { return "-P\(minutes / 1440)D" }
        return "-PT\(minutes)M"
    }
}
