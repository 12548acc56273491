/// A BDAY or ANNIVERSARY date, possibly partial (RFC 6350 §4.3.4 `date-and-or-time`;
/// RFC 2426 §3.1.5 ISO 8601 date or date-time).
///
/// Reads 4.0 basic forms (`19850415`, `--0415`, `---15`, `1985-04`, `1985`, with an optional
/// `T102200Z` time), 3.0 extended forms (`1985-04-15`, `1985-04-15T10:22:00Z`), the `--04-15`
/// some 3.0 clients write, and Apple's year-less 3.0 birthday (`1604-04-15` with
/// `X-APPLE-OMIT-YEAR=1604`).
public struct VCardDate: Sendable, Hashable {
    public var year: Int?
    public var month: Int?
    public var day: Int?
    /// The time of day in basic form (`102200Z`, `1022-0500`), when one was given.
    public var time: String?

    public init(year: Int? = nil, month: Int? = nil, day: Int? = nil, time: String? = nil) {
        self.year = year
        self.month = month
        self.day = day
        self.time = time
    }

    /// Nil when `text` is none of the forms above or names no valid month or day.
    /// `omittedYear` is the X-APPLE-OMIT-YEAR value: a date in that year has no year.
    public init?(parsing text: String, omittedYear: Int? = nil) {
        let trimmed = String(text.trimmingSpaces)
        let parts = trimmed.split(separator: "T", maxSplits: 1, omittingEmptySubsequences: false)
        let datePart = Array((parts.first ?? "").utf8)
        if parts.count == 2 {
            let time = String(parts[1]).filter { $0 != ":" }
            guard !time.isEmpty, time.utf8.count <= 16,
                time.utf8.allSatisfy({ Self.isDigit($0) || $0 == UInt8(ascii: "Z") || $0 == 0x2B || $0 == 0x2D })
            else { return nil }
            self.time = time
        }
        guard Self.readDate(datePart, into: &self) else { return nil }
        guard year != nil || month != nil || day != nil || time != nil else { return nil }
        if let month, !(1...12).contains(month) { return nil }
        if let day, !(1...31).contains(day) { return nil }
        if let omittedYear, year == omittedYear { year = nil }
    }

    /// The 4.0 form: `19850415`, `--0415`, `1985-04`, `1985`, `--04`, `---15`, then `T` and the time.
    public var v4Text: String {
        var text: String
        switch (year, month, day) {
        case (let year?, let month?, let day?): text = Self.pad(year, 4) + Self.pad(month, 2) + Self.pad(day, 2)
        case (let year?, let month?, nil): text = Self.pad(year, 4) + "-" + Self.pad(month, 2)
        case (let year?, nil, _): text = Self.pad(year, 4)
        case (nil, let month?, let day?): text = "--" + Self.pad(month, 2) + Self.pad(day, 2)
        case (nil, let month?, nil): text = "--" + Self.pad(month, 2)
        case (nil, nil, let day?): text = "---" + Self.pad(day, 2)
        case (nil, nil, nil): text = ""
        }
        if let time { text += "T" + time }
        return text
    }

    /// The 3.0 form and the X-APPLE-OMIT-YEAR to write with it: `1985-04-15`, or
    /// `1604-04-15` with 1604 for a date without a year (the placeholder Apple uses).
    /// Nil for partial dates 3.0 cannot write.
    public var v3Text: (text: String, omittedYear: Int?)? {
        guard let month, let day else { return nil }
        var text = Self.pad(year ?? Self.placeholderYear, 4) + "-" + Self.pad(month, 2) + "-" + Self.pad(day, 2)
        if let time { text += "T" + Self.extendedTime(time) }
        return (text, year == nil ? Self.placeholderYear : nil)
    }

    /// The year Apple writes for a birthday without one (a leap year, so 29 February fits).
    static let placeholderYear = 1604

    private static func readDate(_ bytes: [UInt8], into date: inout VCardDate) -> Bool {
        let digits = bytes.filter { $0 != ASCII.hyphen }
        guard digits.allSatisfy(isDigit) else { return false }
        let leadingHyphens = bytes.prefix { $0 == ASCII.hyphen }.count
        let value = { (range: Range<Int>) -> Int in digits[range].reduce(0) { $0 * 10 + Int($1 - 0x30) } }
        switch (leadingHyphens, digits.count) {
        case (_, 0) where bytes.isEmpty: return true
        case (3, 2): date.day = value(0..<2)
        case (2, 4): (date.month, date.day) = (value(0..<2), value(2..<4))
        case (2, 2): date.month = value(0..<2)
        case (0, 8): (date.year, date.month, date.day) = (value(0..<4), value(4..<6), value(6..<8))
        case (0, 6) where bytes.count == 7: (date.year, date.month) = (value(0..<4), value(4..<6))
        case (0, 4) where bytes.count == 4: date.year = value(0..<4)
        default: return false
        }
        // Hyphens only where the forms put them: "1985-04-15", "--04-15", not "19-8504-15".
        let allowed: Set<Int> =
            switch (leadingHyphens, digits.count) {
            case (0, 8): [4, 7]
            case (0, 6): [4]
            case (2, 4): [0, 1, 4]
            default: Set(0..<leadingHyphens)
            }
        return bytes.indices.allSatisfy { bytes[$0] != ASCII.hyphen || allowed.contains($0) }
            && (leadingHyphens != 0 || digits.count != 8 || bytes.count == 8 || bytes.count == 10)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// `102200Z` → `10:22:00Z`, `1022-0500` → `10:22-05:00`; other forms are kept.
    private static func extendedTime(_ basic: String) -> String {
        let bytes = Array(basic.utf8)
        let clock = bytes.prefix(while: isDigit)
        guard clock.count == 2 || clock.count == 4 || clock.count == 6 else { return basic }
        var text = ""
        for (index, byte) in clock.enumerated() {
            if index > 0, index % 2 == 0 { text += ":" }
            text.unicodeScalars.append(Unicode.Scalar(byte))
        }
        let zone = bytes[clock.count...]
        if zone.count == 5, let sign = zone.first, sign == 0x2B || sign == 0x2D, zone.dropFirst().allSatisfy(isDigit) {
            let zoneText = String(decoding: zone, as: UTF8.self)
            return text + zoneText.prefix(3) + ":" + zoneText.suffix(2)
        }
        return text + String(decoding: zone, as: UTF8.self)
    }

    static func pad(_ number: Int, _ width: Int) -> String {
        let digits = String(number)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
