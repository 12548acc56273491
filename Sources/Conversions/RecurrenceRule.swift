/// An RRULE value (RFC 5545 §3.3.10) as its parts in the order written, so that a rule can be
/// read, and written back, without reordering what a client wrote.
struct RecurrenceRule: Sendable, Equatable {
    var parts: [(name: String, value: String)]

    /// `SU` … `SA` by EAS day number (0 Sunday, MS-ASCAL 2.2.2 bit order).
    static let weekdays = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"]

    init(parts: [(name: String, value: String)]) {
        self.parts = parts
    }

    /// Parses `FREQ=WEEKLY;BYDAY=MO,WE`; nil without a FREQ or with a part that is not `NAME=value`.
    init?(_ text: String) {
        var parts: [(name: String, value: String)] = []
        for item in text.split(separator: ";") {
            let pair = item.split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { return nil }
            parts.append((pair[0].uppercased(), String(pair[1])))
        }
        self.parts = parts
        guard self["FREQ"] != nil else { return nil }
    }

    subscript(name: String) -> String? {
        parts.first { $0.name == name }?.value
    }

    var text: String {
        parts.map { $0.name + "=" + $0.value }.joined(separator: ";")
    }

    /// The integers of a list part (`BYMONTHDAY=1,-1`); values that are not integers are skipped.
    func integers(_ name: String) -> [Int] {
        self[name]?.split(separator: ",").compactMap { Int($0) } ?? []
    }

    /// BYDAY as (ordinal, weekday 0–6) pairs, the ordinal nil for plain days (`MO`, `-1FR`).
    var byDay: [(ordinal: Int?, weekday: Int)] {
        self["BYDAY"]?.split(separator: ",").compactMap { item in
            let text = item.uppercased()
            guard text.count >= 2, let weekday = Self.weekdays.firstIndex(of: String(text.suffix(2))) else {
                return nil
            }
            let prefix = text.dropLast(2)
            if prefix.isEmpty { return (nil, weekday) }
            guard let ordinal = Int(prefix) else { return nil }
            return (ordinal, weekday)
        } ?? []
    }

    static func == (lhs: RecurrenceRule, rhs: RecurrenceRule) -> Bool {
        lhs.parts.map(\.name) == rhs.parts.map(\.name) && lhs.parts.map(\.value) == rhs.parts.map(\.value)
    }
}
